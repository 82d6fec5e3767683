package org.motorlearn.dsl.ui.editor;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.eclipse.jface.text.DefaultInformationControl;
import org.eclipse.jface.text.IInformationControlCreator;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextHoverExtension;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.ui.texteditor.MarkerAnnotation;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.hover.IHoverService;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.motorlearn.dsl.ui.language.MotorLearnLanguage;
import org.motorlearn.dsl.ui.language.SpecAnalysis;

/**
 * Hover text: the problems under the mouse (what is wrong and how to fix it) or, on code, the
 * language's own hover (the one the language server gives): keyword documentation, the element's
 * doc comment and derived quantities (a = dt/tau, parameter counts, training memory).
 */
final class SpecTextHover implements ITextHover, ITextHoverExtension {
  private final MotorLearnEditor editor;
  private final ISourceViewer viewer;

  SpecTextHover(MotorLearnEditor editor, ISourceViewer viewer) {
    this.editor = editor;
    this.viewer = viewer;
  }

  @Override
  public IRegion getHoverRegion(ITextViewer textViewer, int offset) {
    return new Region(offset, 0);
  }

  @Override
  public String getHoverInfo(ITextViewer textViewer, IRegion region) {
    List<String> problems = problemsAt(region.getOffset());
    if (!problems.isEmpty()) {
      return String.join("\n", problems);
    }
    SpecAnalysis analysis = editor.analysis();
    if (analysis == null || !analysis.text().equals(textViewer.getDocument().get())) {
      return null;
    }
    return languageHover(analysis.resource(), analysis.text(), region.getOffset());
  }

  /** The language's hover at {@code offset}, as plain text; null when it has nothing to say. */
  static String languageHover(XtextResource resource, String text, int offset) {
    Document document = new Document(1, text);
    HoverParams params = new HoverParams(new TextDocumentIdentifier(resource.getURI().toString()),
        document.getPosition(offset));
    Hover hover = MotorLearnLanguage.get(IHoverService.class).hover(document, resource, params,
        CancelIndicator.NullImpl);
    if (hover == null || hover.getContents() == null || !hover.getContents().isRight()) {
      return null;
    }
    String markdown = hover.getContents().getRight().getValue();
    return markdown == null || markdown.isBlank() ? null : plain(markdown);
  }

  /** The hover is Markdown for LSP clients; the platform's hover shows text, so the markup goes. */
  static String plain(String markdown) {
    return markdown.replace("**", "").replace("`", "");
  }

  private List<String> problemsAt(int offset) {
    List<String> messages = new ArrayList<>();
    IAnnotationModel model = viewer.getAnnotationModel();
    if (model == null) {
      return messages;
    }
    Iterator<Annotation> annotations = model.getAnnotationIterator();
    while (annotations.hasNext()) {
      Annotation annotation = annotations.next();
      if (!(annotation instanceof MarkerAnnotation) || annotation.isMarkedDeleted()) {
        continue;
      }
      Position position = model.getPosition(annotation);
      if (position != null && position.getOffset() <= offset && offset <= position.getOffset() + position.getLength()) {
        messages.add(annotation.getText());
      }
    }
    return messages;
  }

  @Override
  public IInformationControlCreator getHoverControlCreator() {
    return parent -> new DefaultInformationControl(parent, "MotorLearn");
  }

  /** The hover text at an offset of the editor's newest analysis (for tests). */
  static String at(MotorLearnEditor editor, int offset) {
    SpecAnalysis analysis = editor.analysis();
    return analysis == null ? null : languageHover(analysis.resource(), analysis.text(), offset);
  }
}
