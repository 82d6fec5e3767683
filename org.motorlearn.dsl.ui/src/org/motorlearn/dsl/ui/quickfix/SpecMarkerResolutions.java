package org.motorlearn.dsl.ui.quickfix;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IMarkerResolutionGenerator2;
import org.eclipse.xtext.diagnostics.Diagnostic;
import org.eclipse.xtext.resource.XtextResource;
import org.motorlearn.dsl.ui.MotorLearnUiPlugin;
import org.motorlearn.dsl.ui.editor.ProblemMarkers;
import org.motorlearn.dsl.ui.language.SpecAnalyzer;
import org.motorlearn.dsl.ui.language.SpecUris;
import org.motorlearn.dsl.validation.IssueCodes;

/**
 * Quick fixes for MotorLearn problems, offered in the Problems view and with Ctrl+1 in the editor:
 * <ul>
 *   <li>a misspelt name ({@code unresolvedReference}) is replaced by the closest names in scope;</li>
 *   <li>a misspelt setting ({@code unknownSetting}) by the setting the validator suggests;</li>
 *   <li>a number without its unit ({@code missingUnit}) gets one of the units its setting accepts.</li>
 * </ul>
 */
public final class SpecMarkerResolutions implements IMarkerResolutionGenerator2 {
  private static final Set<String> CODES = Set.of(IssueCodes.UNRESOLVED_REFERENCE, Diagnostic.LINKING_DIAGNOSTIC,
      IssueCodes.UNKNOWN_SETTING, IssueCodes.MISSING_UNIT);
  /** The validator's suggestion in an unknownSetting message (docs/validation.md). */
  private static final Pattern DID_YOU_MEAN = Pattern.compile("did you mean '([^']+)'\\?");

  @Override
  public boolean hasResolutions(IMarker marker) {
    return offersFixes(marker);
  }

  /** Whether a marker's issue code is one this class has quick fixes for. */
  static boolean offersFixes(IMarker marker) {
    return CODES.contains(marker.getAttribute(ProblemMarkers.CODE, ""));
  }

  @Override
  public IMarkerResolution[] getResolutions(IMarker marker) {
    List<IMarkerResolution> resolutions = new ArrayList<>();
    String code = marker.getAttribute(ProblemMarkers.CODE, "");
    try {
      if (IssueCodes.UNRESOLVED_REFERENCE.equals(code) || Diagnostic.LINKING_DIAGNOSTIC.equals(code)) {
        for (String name : inCurrentText(marker, (resource, target) ->
            NameSuggestions.forReferenceAt(resource, target.position().getOffset(), target.text()))) {
          resolutions.add(new TextResolution(marker, "Change to '" + name + "'", name, false));
        }
      } else if (IssueCodes.UNKNOWN_SETTING.equals(code)) {
        Matcher suggestion = DID_YOU_MEAN.matcher(marker.getAttribute(IMarker.MESSAGE, ""));
        if (suggestion.find()) {
          String setting = suggestion.group(1).split(" ")[0];
          resolutions.add(new TextResolution(marker, "Change to '" + setting + "'", setting, false));
        }
      } else if (IssueCodes.MISSING_UNIT.equals(code)) {
        for (String unit : inCurrentText(marker, (resource, target) ->
            UnitSuggestions.forQuantityAt(resource, target.position().getOffset()))) {
          resolutions.add(new TextResolution(marker, "Add unit '" + unit + "'", " " + unit, true));
        }
      }
    } catch (CoreException | BadLocationException e) {
      MotorLearnUiPlugin.log(IStatus.WARNING, "No quick fixes for " + marker.getAttribute(IMarker.MESSAGE, ""), e);
    }
    return resolutions.toArray(IMarkerResolution[]::new);
  }

  /** Asks a question of the spec's current text (the editor's, if it is open) at the marker. */
  private interface Question {
    List<String> ask(XtextResource resource, FileEdits.Target target) throws BadLocationException;
  }

  private static List<String> inCurrentText(IMarker marker, Question question)
      throws CoreException, BadLocationException {
    List<List<String>> answer = new ArrayList<>();
    FileEdits.edit(marker, target -> {
      XtextResource resource = SpecAnalyzer.parse(SpecUris.of((IFile) marker.getResource()), target.document().get());
      answer.add(question.ask(resource, target));
    });
    return answer.get(0);
  }

  /** Replaces the problem's text, or appends to it. */
  private static final class TextResolution implements IMarkerResolution {
    private final IMarker marker;
    private final String label;
    private final String text;
    private final boolean append;

    TextResolution(IMarker marker, String label, String text, boolean append) {
      this.marker = marker;
      this.label = label;
      this.text = text;
      this.append = append;
    }

    @Override
    public String getLabel() {
      return label;
    }

    @Override
    public void run(IMarker ignored) {
      try {
        FileEdits.edit(marker, target -> {
          int offset = target.position().getOffset();
          int length = target.position().getLength();
          if (append) {
            target.document().replace(offset + length, 0, text);
          } else {
            target.document().replace(offset, length, text);
          }
        });
      } catch (CoreException | BadLocationException e) {
        MotorLearnUiPlugin.log(IStatus.ERROR, "Quick fix '" + label + "' failed", e);
      }
    }
  }
}
