package org.motorlearn.dsl.ui.quickfix;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IMarkerResolutionGenerator2;
import org.eclipse.xtext.resource.XtextResource;
import org.motorlearn.dsl.ide.quickfix.SpecFixes;
import org.motorlearn.dsl.ui.MotorLearnUiPlugin;
import org.motorlearn.dsl.ui.editor.ProblemMarkers;
import org.motorlearn.dsl.ui.language.SpecAnalyzer;
import org.motorlearn.dsl.ui.language.SpecUris;

/**
 * Quick fixes for MotorLearn problems, offered in the Problems view and with Ctrl+1 in the editor:
 * the language's own ({@link SpecFixes}, which the language server offers as code actions too),
 * computed on the spec's current text and applied to it.
 */
public final class SpecMarkerResolutions implements IMarkerResolutionGenerator2 {

  @Override
  public boolean hasResolutions(IMarker marker) {
    return offersFixes(marker);
  }

  /** Whether a marker's issue code is one there are quick fixes for. */
  static boolean offersFixes(IMarker marker) {
    return SpecFixes.offersFixes(marker.getAttribute(ProblemMarkers.CODE, ""));
  }

  @Override
  public IMarkerResolution[] getResolutions(IMarker marker) {
    List<IMarkerResolution> resolutions = new ArrayList<>();
    String code = marker.getAttribute(ProblemMarkers.CODE, "");
    String message = marker.getAttribute(IMarker.MESSAGE, "");
    try {
      FileEdits.edit(marker, target -> {
        // the spec's current text: the editor's, if it is open
        XtextResource resource = SpecAnalyzer.parse(SpecUris.of((IFile) marker.getResource()), target.document().get());
        int offset = target.position().getOffset();
        for (SpecFixes.Fix fix : SpecFixes.of(resource, code, message, offset, target.position().getLength())) {
          resolutions.add(new TextResolution(marker, fix, fix.offset() - offset));
        }
      });
    } catch (CoreException | BadLocationException e) {
      MotorLearnUiPlugin.log(IStatus.WARNING, "No quick fixes for " + message, e);
    }
    return resolutions.toArray(IMarkerResolution[]::new);
  }

  /** Applies a fix where the marker is when it runs (the editor may have moved it since). */
  private static final class TextResolution implements IMarkerResolution {
    private final IMarker marker;
    private final SpecFixes.Fix fix;
    /** Where the fix's edit starts, relative to the start of the marker's range. */
    private final int fromMarker;

    TextResolution(IMarker marker, SpecFixes.Fix fix, int fromMarker) {
      this.marker = marker;
      this.fix = fix;
      this.fromMarker = fromMarker;
    }

    @Override
    public String getLabel() {
      return fix.label();
    }

    @Override
    public void run(IMarker ignored) {
      try {
        FileEdits.edit(marker, target -> target.document().replace(target.position().getOffset() + fromMarker, fix.length(),
            fix.text()));
      } catch (CoreException | BadLocationException e) {
        MotorLearnUiPlugin.log(IStatus.ERROR, "Quick fix '" + fix.label() + "' failed", e);
      }
    }
  }
}
