package org.motorlearn.dsl.ui.editor;

import java.util.List;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextPresentationListener;
import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.TextPresentation;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.swt.custom.StyleRange;
import org.motorlearn.dsl.ui.editor.SemanticRegions.Region;

/** Merges the semantic regions of the newest analysis into the viewer's lexical colouring. */
final class SemanticHighlighter implements ITextPresentationListener {
  private final ISourceViewer viewer;
  private final SpecColors colors;
  private volatile List<Region> regions = List.of();

  SemanticHighlighter(ISourceViewer viewer, SpecColors colors) {
    this.viewer = viewer;
    this.colors = colors;
  }

  void install() {
    if (viewer instanceof org.eclipse.jface.text.TextViewer textViewer) {
      textViewer.addTextPresentationListener(this);
    }
  }

  /** Called on the UI thread with regions computed for the document's current text. */
  void update(List<Region> newRegions) {
    regions = List.copyOf(newRegions);
    if (viewer.getTextWidget() != null && !viewer.getTextWidget().isDisposed()) {
      viewer.invalidateTextPresentation();
    }
  }

  List<Region> regions() {
    return regions;
  }

  @Override
  public void applyTextPresentation(TextPresentation presentation) {
    IRegion extent = presentation.getExtent();
    int start = extent.getOffset();
    int end = start + extent.getLength();
    for (Region region : regions) {
      if (region.offset() + region.length() <= start || region.offset() >= end) {
        continue;
      }
      TextAttribute attribute = colors.attribute(region.style());
      StyleRange range = new StyleRange(region.offset(), region.length(), attribute.getForeground(), null,
          attribute.getStyle());
      presentation.mergeStyleRange(range);
    }
  }
}
