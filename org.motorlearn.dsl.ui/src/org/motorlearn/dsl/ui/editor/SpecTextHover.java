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
import org.eclipse.ui.texteditor.MarkerAnnotation;
import org.motorlearn.dsl.ui.language.SpecAnalysis;

/**
 * Hover text: the problems under the mouse (what is wrong and how to fix it) or, on code, what the
 * element or keyword means and the quantities derived from it.
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
    return ElementDocumentation.at(analysis.resource(), region.getOffset());
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
}
