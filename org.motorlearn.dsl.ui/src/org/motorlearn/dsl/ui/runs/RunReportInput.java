package org.motorlearn.dsl.ui.runs;

import java.nio.file.Path;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IPersistableElement;

/** A run folder opened in the run report editor. */
public final class RunReportInput implements IEditorInput {
  private final Path folder;

  public RunReportInput(Path folder) {
    this.folder = folder.toAbsolutePath().normalize();
  }

  public Path folder() {
    return folder;
  }

  @Override
  public boolean exists() {
    return folder.toFile().isDirectory();
  }

  @Override
  public ImageDescriptor getImageDescriptor() {
    return null;
  }

  @Override
  public String getName() {
    return "Run " + folder.getFileName();
  }

  @Override
  public IPersistableElement getPersistable() {
    return null;
  }

  @Override
  public String getToolTipText() {
    return folder.toString();
  }

  @Override
  public <T> T getAdapter(Class<T> adapter) {
    return null;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RunReportInput input && input.folder.equals(folder);
  }

  @Override
  public int hashCode() {
    return folder.hashCode();
  }
}
