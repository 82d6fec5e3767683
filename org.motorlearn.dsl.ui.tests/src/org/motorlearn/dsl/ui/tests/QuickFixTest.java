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

class QuickFixTest {

  @AfterEach
  void closeEditors() {
    Workbench.page().closeAllEditors(false);
  }

  @Test
  void aMisspeltModuleNameIsReplacedByTheClosestNameInScope() throws Exception {
    String text = Specs.VALID.replace("connect PMd -> M1", "connect PMD -> M1");
    IFile file = Workbench.file(Workbench.project("quickfix"), "misspelt.motor", text);
    MotorLearnEditor editor = Workbench.open(file);
    Workbench.reconciled(editor);
    IMarker marker = Workbench.markers(file).stream()
        .filter(m -> m.getAttribute(IMarker.MESSAGE, "").equals("Couldn't resolve reference to Module 'PMD'."))
        .findFirst().orElseThrow(() -> new AssertionError("no marker for PMD"));

    IMarkerResolution[] resolutions = IDE.getMarkerHelpRegistry().getResolutions(marker);
    List<String> labels = Arrays.stream(resolutions).map(IMarkerResolution::getLabel).toList();
    assertEquals("Change to 'PMd'", labels.get(0), labels.toString());

    resolutions[0].run(marker);
    assertEquals(Specs.VALID, editor.document().get());
    Workbench.reconciled(editor);
    assertTrue(Workbench.markers(file).stream().noneMatch(m -> m.getAttribute(IMarker.MESSAGE, "").contains("PMD")));
  }
}
