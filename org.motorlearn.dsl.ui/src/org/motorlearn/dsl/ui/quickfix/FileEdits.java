package org.motorlearn.dsl.ui.quickfix;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.ITextFileBufferManager;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.ui.texteditor.AbstractMarkerAnnotationModel;

/**
 * Edits a spec through its shared file buffer: if the spec is open, the editor shows the change (and
 * the user saves it, with undo); if not, the change is written to disk at once.
 */
final class FileEdits {

  /** The document of a marker's file, and where the marker's range is in it now. */
  record Target(IDocument document, Position position) {}

  /** Work on the document of a marker's file. */
  interface Edit {
    void apply(Target target) throws BadLocationException, CoreException;
  }

  private FileEdits() {
  }

  static void edit(IMarker marker, Edit edit) throws CoreException, BadLocationException {
    IFile file = (IFile) marker.getResource();
    IPath path = file.getFullPath();
    ITextFileBufferManager manager = FileBuffers.getTextFileBufferManager();
    manager.connect(path, LocationKind.IFILE, null);
    try {
      ITextFileBuffer buffer = manager.getTextFileBuffer(path, LocationKind.IFILE);
      boolean openElsewhere = buffer.isShared() || buffer.isDirty();
      edit.apply(new Target(buffer.getDocument(), positionOf(marker, buffer)));
      if (!openElsewhere && buffer.isDirty()) {
        buffer.commit(null, true);
      }
    } finally {
      manager.disconnect(path, LocationKind.IFILE, null);
    }
  }

  /** The marker's range in the current text: tracked by the editor's annotations when it is open. */
  private static Position positionOf(IMarker marker, ITextFileBuffer buffer) {
    IAnnotationModel model = buffer.getAnnotationModel();
    if (model instanceof AbstractMarkerAnnotationModel markerModel) {
      Position tracked = markerModel.getMarkerPosition(marker);
      if (tracked != null && !tracked.isDeleted()) {
        return tracked;
      }
    }
    int start = marker.getAttribute(IMarker.CHAR_START, 0);
    int end = marker.getAttribute(IMarker.CHAR_END, start);
    return new Position(start, end - start);
  }
}
