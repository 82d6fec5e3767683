package org.motorlearn.dsl.ui.language;

import org.eclipse.core.resources.IFile;
import org.eclipse.emf.common.util.URI;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.IURIEditorInput;

/**
 * EMF URIs for specs: file: URIs of where the files are on disk, as the command line and the language
 * server use them, so relative imports, data files and the generator's package naming (all resolved
 * against the spec's folder on disk) behave exactly as outside Eclipse.
 */
public final class SpecUris {

  private SpecUris() {
  }

  public static URI of(IFile file) {
    if (file.getLocation() != null) {
      return URI.createFileURI(file.getLocation().toOSString());
    }
    return URI.createPlatformResourceURI(file.getFullPath().toString(), true);
  }

  /** The URI of an editor's input, or a synthetic one for inputs that are neither files nor URIs. */
  public static URI of(IEditorInput input) {
    if (input instanceof IFileEditorInput fileInput) {
      return of(fileInput.getFile());
    }
    if (input instanceof IURIEditorInput uriInput) {
      return URI.createURI(uriInput.getURI().toString());
    }
    return URI.createURI("inmemory:/" + input.getName());
  }
}
