package org.motorlearn.dsl.ui.launch;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.debug.ui.AbstractLaunchConfigurationTab;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.dialogs.ResourceListSelectionDialog;

/** The Experiment tab: which spec, where its runs go, and extra arguments for `motorlearn run` and Java. */
final class ExperimentTab extends AbstractLaunchConfigurationTab {
  private Text spec;
  private Text runsFolder;
  private Text programArguments;
  private Text vmArguments;

  @Override
  public void createControl(Composite parent) {
    Composite composite = new Composite(parent, SWT.NONE);
    composite.setLayout(new GridLayout(3, false));
    spec = row(composite, "Spec (*.motor):");
    Button browse = new Button(composite, SWT.PUSH);
    browse.setText("Browse...");
    browse.addListener(SWT.Selection, event -> browse());
    runsFolder = row(composite, "Runs folder:");
    new Label(composite, SWT.NONE).setText("(empty: runs/ next to the spec)");
    programArguments = row(composite, "Arguments of motorlearn run:");
    new Label(composite, SWT.NONE).setText("e.g. --set Cortex.PMd.units=100");
    vmArguments = row(composite, "Java options:");
    new Label(composite, SWT.NONE).setText("(empty: the MotorLearn preference)");
    setControl(composite);
  }

  private Text row(Composite composite, String label) {
    new Label(composite, SWT.NONE).setText(label);
    Text text = new Text(composite, SWT.BORDER);
    GridDataFactory.fillDefaults().grab(true, false).hint(300, SWT.DEFAULT).applyTo(text);
    text.addModifyListener(event -> {
      setDirty(true);
      updateLaunchConfigurationDialog();
    });
    return text;
  }

  private void browse() {
    ResourceListSelectionDialog dialog = new ResourceListSelectionDialog(getShell(),
        ResourcesPlugin.getWorkspace().getRoot(), IResource.FILE);
    dialog.setTitle("MotorLearn spec");
    if (dialog.open() == ResourceListSelectionDialog.OK && dialog.getResult().length > 0
        && dialog.getResult()[0] instanceof IFile file) {
      spec.setText(file.getFullPath().toPortableString());
    }
  }

  @Override
  public void setDefaults(ILaunchConfigurationWorkingCopy configuration) {
    configuration.setAttribute(LaunchAttributes.RUNS_FOLDER, "");
    configuration.setAttribute(LaunchAttributes.PROGRAM_ARGUMENTS, "");
    configuration.setAttribute(LaunchAttributes.VM_ARGUMENTS, "");
  }

  @Override
  public void initializeFrom(ILaunchConfiguration configuration) {
    try {
      spec.setText(configuration.getAttribute(LaunchAttributes.SPEC, ""));
      runsFolder.setText(configuration.getAttribute(LaunchAttributes.RUNS_FOLDER, ""));
      programArguments.setText(configuration.getAttribute(LaunchAttributes.PROGRAM_ARGUMENTS, ""));
      vmArguments.setText(configuration.getAttribute(LaunchAttributes.VM_ARGUMENTS, ""));
    } catch (CoreException e) {
      setErrorMessage(e.getMessage());
    }
  }

  @Override
  public void performApply(ILaunchConfigurationWorkingCopy configuration) {
    configuration.setAttribute(LaunchAttributes.SPEC, spec.getText().strip());
    configuration.setAttribute(LaunchAttributes.RUNS_FOLDER, runsFolder.getText().strip());
    configuration.setAttribute(LaunchAttributes.PROGRAM_ARGUMENTS, programArguments.getText().strip());
    configuration.setAttribute(LaunchAttributes.VM_ARGUMENTS, vmArguments.getText().strip());
  }

  @Override
  public boolean isValid(ILaunchConfiguration configuration) {
    setErrorMessage(null);
    String path = spec.getText().strip();
    if (path.isEmpty()) {
      setErrorMessage("Choose the *.motor spec to run.");
      return false;
    }
    IResource resource = ResourcesPlugin.getWorkspace().getRoot().findMember(IPath.fromPortableString(path));
    if (!(resource instanceof IFile file) || !"motor".equals(file.getFileExtension())) {
      setErrorMessage(path + " is not a *.motor file in the workspace.");
      return false;
    }
    return true;
  }

  @Override
  public String getName() {
    return "Experiment";
  }
}
