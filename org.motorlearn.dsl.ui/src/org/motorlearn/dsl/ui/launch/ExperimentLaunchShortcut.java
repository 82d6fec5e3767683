package org.motorlearn.dsl.ui.launch;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.ILaunchShortcut2;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IFileEditorInput;

/** Run As > MotorLearn Experiment on a *.motor file or editor: reuses the file's configuration or makes one. */
public final class ExperimentLaunchShortcut implements ILaunchShortcut2 {

  @Override
  public void launch(ISelection selection, String mode) {
    IFile spec = specIn(selection);
    if (spec != null) {
      launch(spec, mode);
    }
  }

  @Override
  public void launch(IEditorPart editor, String mode) {
    if (editor.getEditorInput() instanceof IFileEditorInput input) {
      if (editor.isDirty()) {
        editor.doSave(null);
      }
      launch(input.getFile(), mode);
    }
  }

  public static void launch(IFile spec, String mode) {
    try {
      DebugUITools.launch(configurationFor(spec), mode);
    } catch (CoreException e) {
      ErrorDialog.openError(Display.getDefault().getActiveShell(), "MotorLearn",
          "Cannot run " + spec.getFullPath(), e.getStatus());
    }
  }

  /** The launch configuration of a spec: the existing one, or a new one named after the file. */
  public static ILaunchConfiguration configurationFor(IFile spec) throws CoreException {
    ILaunchConfiguration[] existing = existingFor(spec);
    if (existing.length > 0) {
      return existing[0];
    }
    ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
    ILaunchConfigurationType type = manager.getLaunchConfigurationType(LaunchAttributes.TYPE_ID);
    ILaunchConfigurationWorkingCopy copy = type.newInstance(null,
        manager.generateLaunchConfigurationName(spec.getFullPath().removeFileExtension().lastSegment()));
    copy.setAttribute(LaunchAttributes.SPEC, spec.getFullPath().toPortableString());
    copy.setMappedResources(new IResource[] {spec});
    return copy.doSave();
  }

  /** The MotorLearn launch configurations that run {@code spec}. */
  public static ILaunchConfiguration[] configurationsFor(IFile spec) throws CoreException {
    return existingFor(spec);
  }

  private static ILaunchConfiguration[] existingFor(IFile spec) throws CoreException {
    ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
    ILaunchConfigurationType type = manager.getLaunchConfigurationType(LaunchAttributes.TYPE_ID);
    return java.util.Arrays.stream(manager.getLaunchConfigurations(type))
        .filter(configuration -> spec.getFullPath().toPortableString().equals(attribute(configuration)))
        .toArray(ILaunchConfiguration[]::new);
  }

  private static String attribute(ILaunchConfiguration configuration) {
    try {
      return configuration.getAttribute(LaunchAttributes.SPEC, "");
    } catch (CoreException e) {
      return "";
    }
  }

  private static IFile specIn(ISelection selection) {
    if (selection instanceof IStructuredSelection structured) {
      IFile file = Adapters.adapt(structured.getFirstElement(), IFile.class);
      if (file != null && "motor".equals(file.getFileExtension())) {
        return file;
      }
    }
    return null;
  }

  @Override
  public ILaunchConfiguration[] getLaunchConfigurations(ISelection selection) {
    IFile spec = specIn(selection);
    return spec == null ? null : safeExisting(spec);
  }

  @Override
  public ILaunchConfiguration[] getLaunchConfigurations(IEditorPart editor) {
    return editor.getEditorInput() instanceof IFileEditorInput input ? safeExisting(input.getFile()) : null;
  }

  private static ILaunchConfiguration[] safeExisting(IFile spec) {
    try {
      return existingFor(spec);
    } catch (CoreException e) {
      return null;
    }
  }

  @Override
  public IResource getLaunchableResource(ISelection selection) {
    return specIn(selection);
  }

  @Override
  public IResource getLaunchableResource(IEditorPart editor) {
    return editor.getEditorInput() instanceof IFileEditorInput input ? input.getFile() : null;
  }
}
