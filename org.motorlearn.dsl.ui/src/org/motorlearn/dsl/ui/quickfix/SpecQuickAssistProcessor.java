package org.motorlearn.dsl.ui.quickfix;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.eclipse.core.resources.IMarker;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.quickassist.IQuickAssistInvocationContext;
import org.eclipse.jface.text.quickassist.IQuickAssistProcessor;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.texteditor.MarkerAnnotation;
import org.motorlearn.dsl.ui.editor.MotorLearnEditor;
import org.motorlearn.dsl.ui.editor.ProblemMarkers;

/**
 * Ctrl+1 in the editor: the quick fixes of the problems at the caret, the same ones the Problems
 * view offers (they come from {@link SpecMarkerResolutions}).
 */
public final class SpecQuickAssistProcessor implements IQuickAssistProcessor {
  private final MotorLearnEditor editor;

  public SpecQuickAssistProcessor(MotorLearnEditor editor) {
    this.editor = editor;
  }

  @Override
  public String getErrorMessage() {
    return null;
  }

  @Override
  public boolean canFix(Annotation annotation) {
    return annotation instanceof MarkerAnnotation markerAnnotation
        && SpecMarkerResolutions.offersFixes(markerAnnotation.getMarker());
  }

  @Override
  public boolean canAssist(IQuickAssistInvocationContext context) {
    return false;
  }

  @Override
  public ICompletionProposal[] computeQuickAssistProposals(IQuickAssistInvocationContext context) {
    List<ICompletionProposal> proposals = new ArrayList<>();
    for (IMarker marker : markersAt(context.getOffset())) {
      for (IMarkerResolution resolution : new SpecMarkerResolutions().getResolutions(marker)) {
        proposals.add(new ResolutionProposal(marker, resolution));
      }
    }
    return proposals.toArray(ICompletionProposal[]::new);
  }

  /** The MotorLearn problem markers whose annotation covers {@code offset}. */
  List<IMarker> markersAt(int offset) {
    List<IMarker> markers = new ArrayList<>();
    IAnnotationModel model = editor.getDocumentProvider().getAnnotationModel(editor.getEditorInput());
    if (model == null) {
      return markers;
    }
    Iterator<Annotation> annotations = model.getAnnotationIterator();
    while (annotations.hasNext()) {
      if (annotations.next() instanceof MarkerAnnotation annotation && !annotation.isMarkedDeleted()) {
        Position position = model.getPosition(annotation);
        IMarker marker = annotation.getMarker();
        if (position != null && marker.exists() && isOurs(marker) && position.getOffset() <= offset
            && offset <= position.getOffset() + position.getLength()) {
          markers.add(marker);
        }
      }
    }
    return markers;
  }

  private static boolean isOurs(IMarker marker) {
    try {
      return ProblemMarkers.TYPE.equals(marker.getType());
    } catch (org.eclipse.core.runtime.CoreException e) {
      return false;
    }
  }

  /** A marker resolution shown in the quick assist popup. */
  private static final class ResolutionProposal implements ICompletionProposal {
    private final IMarker marker;
    private final IMarkerResolution resolution;

    ResolutionProposal(IMarker marker, IMarkerResolution resolution) {
      this.marker = marker;
      this.resolution = resolution;
    }

    @Override
    public void apply(IDocument document) {
      resolution.run(marker);
    }

    @Override
    public Point getSelection(IDocument document) {
      return null;
    }

    @Override
    public String getAdditionalProposalInfo() {
      return marker.getAttribute(IMarker.MESSAGE, "");
    }

    @Override
    public String getDisplayString() {
      return resolution.getLabel();
    }

    @Override
    public Image getImage() {
      return null;
    }

    @Override
    public org.eclipse.jface.text.contentassist.IContextInformation getContextInformation() {
      return null;
    }
  }
}
