package org.motorlearn.dsl.ui.wizard;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.ui.INewWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.ide.IDE;

/** File > New > MotorLearn Experiment: a spec from a starting point, opened in the editor. */
public final class NewExperimentWizard extends Wizard implements INewWizard {
  private IWorkbench workbench;
  private IStructuredSelection selection;
  private NewExperimentPage page;

  @Override
  public void init(IWorkbench workbench, IStructuredSelection selection) {
    this.workbench = workbench;
    this.selection = selection;
    setWindowTitle("New MotorLearn Experiment");
    setNeedsProgressMonitor(true);
  }

  @Override
  public void addPages() {
    page = new NewExperimentPage(selection);
    addPage(page);
  }

  @Override
  public boolean performFinish() {
    IFile file = page.createNewFile();
    if (file == null) {
      return false;
    }
    IWorkbenchPage active = workbench.getActiveWorkbenchWindow().getActivePage();
    try {
      IDE.openEditor(active, file, true);
    } catch (PartInitException e) {
      page.setErrorMessage("Created " + file.getFullPath() + " but could not open it: " + e.getMessage());
      return false;
    }
    return true;
  }

  /** The wizard's page (tests choose the starting point and the file name on it). */
  public NewExperimentPage page() {
    return page;
  }
}
