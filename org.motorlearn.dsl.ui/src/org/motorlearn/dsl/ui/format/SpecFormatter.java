package org.motorlearn.dsl.ui.format;

import java.util.List;
import org.eclipse.emf.common.util.URI;
import org.eclipse.text.edits.MultiTextEdit;
import org.eclipse.text.edits.ReplaceEdit;
import org.eclipse.xtext.formatting2.FormatterRequest;
import org.eclipse.xtext.formatting2.IFormatter2;
import org.eclipse.xtext.formatting2.regionaccess.ITextReplacement;
import org.eclipse.xtext.formatting2.regionaccess.TextRegionAccessBuilder;
import org.eclipse.xtext.resource.XtextResource;
import org.motorlearn.dsl.ui.language.MotorLearnLanguage;
import org.motorlearn.dsl.ui.language.SpecAnalyzer;

/**
 * Formatting with the language's own formatter (the one `motorlearn format` uses), as text edits for
 * the editor's document. A spec with syntax errors is left alone: the formatter would work on a
 * recovered, partial AST and could move text the user still means to fix.
 */
public final class SpecFormatter {

  /** What formatting a text gives: edits, or why there are none. */
  public record Result(MultiTextEdit edit, String problem) {
  }

  private SpecFormatter() {
  }

  public static Result format(URI uri, String text) {
    XtextResource resource = SpecAnalyzer.parse(uri, text);
    if (SpecAnalyzer.hasSyntaxErrors(resource)) {
      return new Result(null, "Not formatted: the spec has syntax errors; fix them first.");
    }
    FormatterRequest request = MotorLearnLanguage.get(FormatterRequest.class);
    request.setTextRegionAccess(MotorLearnLanguage.get(TextRegionAccessBuilder.class).forNodeModel(resource).create());
    request.setAllowIdentityEdits(false);
    request.setFormatUndefinedHiddenRegionsOnly(false);
    List<ITextReplacement> replacements = MotorLearnLanguage.get(IFormatter2.class).format(request);
    MultiTextEdit edit = new MultiTextEdit();
    for (ITextReplacement replacement : replacements) {
      edit.addChild(new ReplaceEdit(replacement.getOffset(), replacement.getLength(), replacement.getReplacementText()));
    }
    return new Result(edit, null);
  }
}
