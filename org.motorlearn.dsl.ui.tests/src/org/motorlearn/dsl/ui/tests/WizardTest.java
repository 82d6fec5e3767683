package org.motorlearn.dsl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.motorlearn.dsl.ui.editor.MotorLearnEditor;
import org.motorlearn.dsl.ui.wizard.NewExperimentPage;
import org.motorlearn.dsl.ui.wizard.NewExperimentWizard;
import org.motorlearn.dsl.ui.wizard.StartingPoint;

class WizardTest {

  @AfterEach
  void closeEditors() {
    Workbench.page().closeAllEditors(false);
  }

  @ParameterizedTest
  @EnumSource(value = StartingPoint.class, names = {"QUICKSTART", "FEULNER2022"})
  void theWizardCreatesAValidSpecFromTheStartingPointAndOpensIt(StartingPoint point) throws Exception {
    IProject project = Workbench.project("wizard-" + point.name().toLowerCase());
    NewExperimentWizard wizard = new NewExperimentWizard();
    wizard.init(PlatformUI.getWorkbench(), new StructuredSelection(project));
    WizardDialog dialog = new WizardDialog(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), wizard);
    dialog.setBlockOnOpen(false);
    dialog.open();
    NewExperimentPage page = wizard.page();
    page.setFileName("vr30 pilot.motor");
    page.setStartingPoint(point);
    if (point == StartingPoint.QUICKSTART) {
      Workbench.screenshot("new-experiment-wizard");
    }
    assertTrue(wizard.canFinish(), "the wizard cannot finish: " + page.getErrorMessage());
    assertTrue(wizard.performFinish());
    dialog.close();

    IFile file = project.getFile("vr30 pilot.motor");
    assertTrue(file.exists());
    try (InputStream in = file.getContents()) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(point.text("vr30_pilot"), text);
      assertTrue(text.contains("experiment vr30_pilot {"), text);
    }
    IEditorPart editor = Workbench.page().getActiveEditor();
    assertTrue(editor instanceof MotorLearnEditor, "the new spec is not open in the MotorLearn editor: " + editor);
    Workbench.reconciled((MotorLearnEditor) editor);
    assertTrue(Workbench.markers(file).stream()
        .noneMatch(m -> m.getAttribute(IMarker.SEVERITY, -1) == IMarker.SEVERITY_ERROR),
        "the starting point " + point + " has errors");
  }
}
