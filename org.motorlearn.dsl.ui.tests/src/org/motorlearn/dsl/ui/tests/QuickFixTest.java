package org.motorlearn.dsl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.motorlearn.dsl.ui.editor.MotorLearnEditor;
import org.motorlearn.dsl.ui.editor.ProblemMarkers;
import org.motorlearn.dsl.validation.IssueCodes;

class QuickFixTest {

  @AfterEach
  void closeEditors() {
    Workbench.page().closeAllEditors(false);
  }

  @Test
  void aMisspeltModuleNameIsReplacedByTheClosestNameInScope() throws Exception {
    fix(Specs.VALID.replace("connect PMd -> M1", "connect PMD -> M1"), IssueCodes.UNRESOLVED_REFERENCE,
        "Change to 'PMd'");
  }

  @Test
  void aMissingUnitIsAddedFromWhatTheSettingAccepts() throws Exception {
    String text = Specs.VALID.replaceFirst("tau 50 ms", "tau 50");
    List<String> labels = fix(text, IssueCodes.MISSING_UNIT, "Add unit 'ms'");
    assertEquals(List.of("Add unit 'ms'", "Add unit 's'", "Add unit 'bins'"), labels);
  }

  @Test
  void aMisspeltSettingIsReplacedByTheSuggestedOne() throws Exception {
    fix(Specs.VALID.replaceFirst("units 20", "unts 20"), IssueCodes.UNKNOWN_SETTING, "Change to 'units'");
  }

  /**
   * Opens {@code text} (VALID with one mistake), applies the first quick fix of the marker with
   * {@code code}, checks its label, that the text is VALID again and that the marker is gone.
   */
  private static List<String> fix(String text, String code, String firstLabel) throws Exception {
    IFile file = Workbench.file(Workbench.project("quickfix"), "mistake.motor", text);
    MotorLearnEditor editor = Workbench.open(file);
    Workbench.reconciled(editor);
    // the markers are written by a job of their own: a count that matches can still be the old file's
    Workbench.waitUntil("a marker with code " + code, () -> markerWith(file, code) != null);
    IMarker marker = markerWith(file, code);

    IMarkerResolution[] resolutions = IDE.getMarkerHelpRegistry().getResolutions(marker);
    List<String> labels = Arrays.stream(resolutions).map(IMarkerResolution::getLabel).toList();
    assertTrue(!labels.isEmpty() && labels.get(0).equals(firstLabel), labels.toString());

    resolutions[0].run(marker);
    assertEquals(Specs.VALID, editor.document().get());
    Workbench.reconciled(editor);
    assertTrue(Workbench.markers(file).stream().noneMatch(m -> code.equals(m.getAttribute(ProblemMarkers.CODE, ""))));
    return labels;
  }

  private static IMarker markerWith(IFile file, String code) {
    try {
      return Workbench.markers(file).stream().filter(m -> code.equals(m.getAttribute(ProblemMarkers.CODE, ""))).findFirst()
          .orElse(null);
    } catch (org.eclipse.core.runtime.CoreException e) {
      return null;
    }
  }
}
