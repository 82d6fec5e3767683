package org.motorlearn.dsl.ui.language;

import org.eclipse.core.resources.IFile;
import org.eclipse.emf.common.util.URI;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.IURIEditorInput;

/** EMF URIs for specs: workspace files get platform:/resource URIs, so relative imports resolve there. */
public final class SpecUris {

  private SpecUris() {
  }

  public static URI of(IFile file) {
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
