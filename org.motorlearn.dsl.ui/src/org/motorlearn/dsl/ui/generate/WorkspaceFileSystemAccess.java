package org.motorlearn.dsl.ui.generate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.generator.AbstractFileSystemAccess2;
import org.eclipse.xtext.generator.OutputConfiguration;
import org.eclipse.xtext.util.RuntimeIOException;

/**
 * Where the generator's files go inside Eclipse: the output folder of each output configuration
 * (src-gen by default) of the spec's project, written through the workspace so the Project Explorer
 * sees them at once. Unchanged files are not rewritten (no needless rebuilds or dirty flags).
 */
final class WorkspaceFileSystemAccess extends AbstractFileSystemAccess2 {
  private final IProject project;
  private final IProgressMonitor monitor;

  WorkspaceFileSystemAccess(IProject project, IProgressMonitor monitor) {
    this.project = project;
    this.monitor = monitor;
  }

  IFolder outputFolder(String outputConfigurationName) {
    OutputConfiguration configuration = getOutputConfig(outputConfigurationName);
    String directory = configuration.getOutputDirectory();
    return project.getFolder(IPath.fromOSString(directory.startsWith("./") ? directory.substring(2) : directory));
  }

  private IFile file(String fileName, String outputConfigurationName) {
    return outputFolder(outputConfigurationName).getFile(IPath.fromPortableString(fileName));
  }

  @Override
  public void generateFile(String fileName, String outputConfigurationName, CharSequence contents) {
    CharSequence processed = postProcess(fileName, outputConfigurationName, contents, "UTF-8");
    write(file(fileName, outputConfigurationName), processed.toString().getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void generateFile(String fileName, String outputConfigurationName, InputStream content) {
    try (InputStream in = content) {
      write(file(fileName, outputConfigurationName), in.readAllBytes());
    } catch (IOException e) {
      throw new RuntimeIOException(e);
    }
  }

  private void write(IFile file, byte[] bytes) {
    try {
      if (file.exists()) {
        if (java.util.Arrays.equals(read(file), bytes)) {
          return;
        }
        file.setContents(new ByteArrayInputStream(bytes), IResource.KEEP_HISTORY, monitor);
      } else {
        createParents(file.getParent());
        file.create(new ByteArrayInputStream(bytes), IResource.DERIVED, monitor);
        file.setCharset("UTF-8", monitor);
      }
    } catch (CoreException e) {
      throw new RuntimeIOException("Cannot write " + file.getFullPath() + ": " + e.getMessage(), e);
    }
  }

  private void createParents(IContainer container) throws CoreException {
    if (container instanceof IFolder folder && !folder.exists()) {
      createParents(folder.getParent());
      folder.create(IResource.DERIVED, true, monitor);
    }
  }

  private static byte[] read(IFile file) throws CoreException {
    try (InputStream in = file.getContents(true)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new RuntimeIOException(e);
    }
  }

  @Override
  public InputStream readBinaryFile(String fileName, String outputConfigurationName) {
    try {
      return new ByteArrayInputStream(read(file(fileName, outputConfigurationName)));
    } catch (CoreException e) {
      throw new RuntimeIOException(e.getMessage(), e);
    }
  }

  @Override
  public CharSequence readTextFile(String fileName, String outputConfigurationName) {
    try {
      return new String(read(file(fileName, outputConfigurationName)), StandardCharsets.UTF_8);
    } catch (CoreException e) {
      throw new RuntimeIOException(e.getMessage(), e);
    }
  }

  @Override
  public boolean isFile(String path, String outputConfigurationName) {
    return file(path, outputConfigurationName).exists();
  }

  @Override
  public void deleteFile(String fileName, String outputConfigurationName) {
    IFile file = file(fileName, outputConfigurationName);
    try {
      if (file.exists()) {
        file.delete(true, monitor);
      }
    } catch (CoreException e) {
      throw new RuntimeIOException(e.getMessage(), e);
    }
  }

  @Override
  public URI getURI(String path, String outputConfiguration) {
    return URI.createPlatformResourceURI(file(path, outputConfiguration).getFullPath().toString(), true);
  }
}
