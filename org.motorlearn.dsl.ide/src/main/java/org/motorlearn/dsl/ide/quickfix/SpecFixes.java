package org.motorlearn.dsl.ide.quickfix;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.xtext.diagnostics.Diagnostic;
import org.eclipse.xtext.resource.XtextResource;
import org.motorlearn.dsl.validation.IssueCodes;

/**
 * The quick fixes of MotorLearn's problems, for every editor (the language server's code actions and
 * the Eclipse plugin's marker resolutions both ask here):
 * <ul>
 *   <li>a misspelt name ({@code unresolvedReference}) is replaced by the closest names in scope;</li>
 *   <li>a misspelt setting ({@code unknownSetting}) by the setting the validator suggests (all its words,
 *       unless those after the first follow already: "inital state");</li>
 *   <li>a misspelt parameter in a sweep ({@code unknownParameter}) by the parameter it suggests;</li>
 *   <li>a number without its unit ({@code missingUnit}) gets one of the units its setting accepts, and
 *       a number with a unit its setting does not accept ({@code wrongUnit}) one of those instead.</li>
 * </ul>
 */
public final class SpecFixes {

  /** A fix: replace {@code length} characters at {@code offset} of the spec's text by {@code text}. */
  public record Fix(String label, int offset, int length, String text) {}

  private static final Set<String> CODES = Set.of(IssueCodes.UNRESOLVED_REFERENCE, Diagnostic.LINKING_DIAGNOSTIC,
      IssueCodes.UNKNOWN_SETTING, IssueCodes.UNKNOWN_PARAMETER, IssueCodes.MISSING_UNIT, IssueCodes.WRONG_UNIT);
  /** The validator's suggestion in an unknownSetting or unknownParameter message (docs/validation.md). */
  private static final Pattern DID_YOU_MEAN = Pattern.compile("did you mean '([^']+)'\\?");

  private SpecFixes() {
  }

  /** Whether problems with this issue code can have quick fixes. */
  public static boolean offersFixes(String code) {
    return code != null && CODES.contains(code);
  }

  /**
   * The fixes of one problem of {@code resource}, parsed from the spec's current text.
   *
   * @param offset where the problem's range starts in that text
   * @param length the length of the problem's range
   */
  public static List<Fix> of(XtextResource resource, String code, String message, int offset, int length) {
    List<Fix> fixes = new ArrayList<>();
    if (!offersFixes(code) || resource.getParseResult() == null) {
      return fixes;
    }
    String text = resource.getParseResult().getRootNode().getText();
    if (offset < 0 || length < 0 || offset + length > text.length()) {
      return fixes; // the problem is from an older text
    }
    if (IssueCodes.UNRESOLVED_REFERENCE.equals(code) || Diagnostic.LINKING_DIAGNOSTIC.equals(code)) {
      String written = text.substring(offset, offset + length);
      for (String name : NameSuggestions.forReferenceAt(resource, offset, written)) {
        fixes.add(new Fix("Change to '" + name + "'", offset, length, name));
      }
    } else if (IssueCodes.UNKNOWN_SETTING.equals(code) || IssueCodes.UNKNOWN_PARAMETER.equals(code)) {
      Matcher suggestion = DID_YOU_MEAN.matcher(message == null ? "" : message);
      if (suggestion.find()) {
        String meant = suggestion.group(1);
        if (IssueCodes.UNKNOWN_SETTING.equals(code) && meant.contains(" ")
            && text.substring(offset + length).stripLeading().startsWith(meant.substring(meant.indexOf(' ') + 1))) {
          // "inital state": the unknown setting is one identifier, the words after it are there already
          meant = meant.substring(0, meant.indexOf(' '));
        }
        fixes.add(new Fix("Change to '" + meant + "'", offset, length, meant));
      }
    } else if (IssueCodes.MISSING_UNIT.equals(code)) {
      for (String unit : UnitSuggestions.forQuantityAt(resource, offset)) {
        fixes.add(new Fix("Add unit '" + unit + "'", offset + length, 0, " " + unit));
      }
    } else if (IssueCodes.WRONG_UNIT.equals(code)) {
      // the whole quantity is rewritten, so "bin 50" where a time is expected becomes "50 ms"
      String value = UnitSuggestions.valueAt(resource, offset);
      for (String unit : value == null ? List.<String>of() : UnitSuggestions.forQuantityAt(resource, offset)) {
        fixes.add(new Fix("Change unit to '" + unit + "'", offset, length, value + " " + unit));
      }
    }
    return fixes;
  }
}
