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
import org.eclipse.xtext.diagnostics.Diagnostic;
import org.eclipse.xtext.resource.XtextResource;
import org.motorlearn.dsl.ui.MotorLearnUiPlugin;
import org.motorlearn.dsl.ui.editor.ProblemMarkers;
import org.motorlearn.dsl.ui.language.SpecAnalyzer;
import org.motorlearn.dsl.ui.language.SpecUris;

/**
 * Quick fixes for MotorLearn problems, offered in the Problems view and with Ctrl+1 in the editor:
 * a misspelt name is replaced by the closest names in scope.
 */
public final class SpecMarkerResolutions implements IMarkerResolutionGenerator2 {

  @Override
  public boolean hasResolutions(IMarker marker) {
    return offersFixes(marker);
  }

  /** Whether a marker's issue code is one this class has quick fixes for. */
  static boolean offersFixes(IMarker marker) {
    return Diagnostic.LINKING_DIAGNOSTIC.equals(marker.getAttribute(ProblemMarkers.CODE, ""));
  }

  @Override
  public IMarkerResolution[] getResolutions(IMarker marker) {
    List<IMarkerResolution> resolutions = new ArrayList<>();
    String code = marker.getAttribute(ProblemMarkers.CODE, "");
    try {
      if (Diagnostic.LINKING_DIAGNOSTIC.equals(code)) {
        for (String name : referenceSuggestions(marker)) {
          resolutions.add(new ReplaceResolution(marker, "Change to '" + name + "'", name));
        }
      }
    } catch (CoreException | BadLocationException e) {
      MotorLearnUiPlugin.log(IStatus.WARNING, "No quick fixes for " + marker.getAttribute(IMarker.MESSAGE, ""), e);
    }
    return resolutions.toArray(IMarkerResolution[]::new);
  }

  private static List<String> referenceSuggestions(IMarker marker) throws CoreException, BadLocationException {
    List<List<String>> result = new ArrayList<>();
    FileEdits.edit(marker, target -> {
      XtextResource resource = SpecAnalyzer.parse(SpecUris.of((IFile) marker.getResource()), target.document().get());
      result.add(NameSuggestions.forReferenceAt(resource, target.position().getOffset(), target.text()));
    });
    return result.get(0);
  }

  /** Replaces the problem's text (a misspelt name) by a suggestion. */
  private static final class ReplaceResolution implements IMarkerResolution {
    private final IMarker marker;
    private final String label;
    private final String replacement;

    ReplaceResolution(IMarker marker, String label, String replacement) {
      this.marker = marker;
      this.label = label;
      this.replacement = replacement;
    }

    @Override
    public String getLabel() {
      return label;
    }

    @Override
    public void run(IMarker ignored) {
      try {
        FileEdits.edit(marker, target -> target.document().replace(target.position().getOffset(),
            target.position().getLength(), replacement));
      } catch (CoreException | BadLocationException e) {
        MotorLearnUiPlugin.log(IStatus.ERROR, "Quick fix '" + label + "' failed", e);
      }
    }
  }
}
