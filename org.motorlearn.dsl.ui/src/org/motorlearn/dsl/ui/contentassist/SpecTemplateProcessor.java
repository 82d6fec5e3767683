package org.motorlearn.dsl.ui.contentassist;

import java.util.Arrays;
import java.util.Set;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.templates.DocumentTemplateContext;
import org.eclipse.jface.text.templates.TemplateBuffer;
import org.eclipse.jface.text.templates.TemplateContext;
import org.eclipse.jface.text.templates.TemplateException;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.templates.Template;
import org.eclipse.jface.text.templates.TemplateCompletionProcessor;
import org.eclipse.jface.text.templates.TemplateContextType;
import org.eclipse.swt.graphics.Image;
import org.motorlearn.dsl.ui.MotorLearnUiPlugin;

/**
 * The editor's templates (Window > Preferences > MotorLearn > Templates), offered with content assist
 * only where the language accepts the keyword they start with: a module template where a module may
 * be declared, never after {@code connect}.
 */
final class SpecTemplateProcessor extends TemplateCompletionProcessor {
  private Set<String> keywords = Set.of();

  /** The keywords the language accepts at the caret (set before each computation). */
  void setAcceptedKeywords(Set<String> accepted) {
    keywords = Set.copyOf(accepted);
  }

  @Override
  protected Template[] getTemplates(String contextTypeId) {
    return Arrays.stream(MotorLearnUiPlugin.getDefault().templateStore().getTemplates(contextTypeId))
        .filter(template -> keywords.contains(firstWord(template.getPattern())))
        .toArray(Template[]::new);
  }

  private static String firstWord(String pattern) {
    String trimmed = pattern.stripLeading();
    int end = 0;
    while (end < trimmed.length() && Character.isLetter(trimmed.charAt(end))) {
      end++;
    }
    return trimmed.substring(0, end);
  }

  @Override
  protected TemplateContextType getContextType(ITextViewer viewer, IRegion region) {
    return MotorLearnUiPlugin.getDefault().templateContextTypes().getContextType(SpecTemplateContextType.ID);
  }

  @Override
  protected TemplateContext createContext(ITextViewer viewer, IRegion region) {
    TemplateContextType type = getContextType(viewer, region);
    return type == null ? null : new IndentingContext(type, viewer.getDocument(), region.getOffset(), region.getLength());
  }

  /** Indents every line of a template like the line it is inserted on, so blocks nest correctly. */
  private static final class IndentingContext extends DocumentTemplateContext {
    IndentingContext(TemplateContextType type, IDocument document, int offset, int length) {
      super(type, document, offset, length);
    }

    @Override
    public TemplateBuffer evaluate(Template template) throws BadLocationException, TemplateException {
      IDocument document = getDocument();
      IRegion line = document.getLineInformationOfOffset(getStart());
      String text = document.get(line.getOffset(), getStart() - line.getOffset());
      String indent = text.substring(0, text.length() - text.stripLeading().length());
      Template indented = new Template(template.getName(), template.getDescription(), template.getContextTypeId(),
          template.getPattern().replace("\n", "\n" + indent), template.isAutoInsertable());
      return super.evaluate(indented);
    }
  }

  @Override
  protected Image getImage(Template template) {
    return null;
  }
}
