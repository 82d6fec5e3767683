package org.motorlearn.dsl.ui.editor;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.IRewriteTarget;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.ui.handlers.HandlerUtil;

/**
 * Toggle Comment (Ctrl+/): comments the selected lines out with {@code //}, or, when every selected
 * non-blank line is already commented, removes the comment markers.
 */
public final class ToggleCommentHandler extends AbstractHandler {
  private static final String PREFIX = "//";

  @Override
  public Object execute(ExecutionEvent event) throws ExecutionException {
    if (HandlerUtil.getActiveEditor(event) instanceof MotorLearnEditor editor) {
      ITextSelection selection = (ITextSelection) editor.getSelectionProvider().getSelection();
      toggle(editor, selection.getOffset(), selection.getLength());
    }
    return null;
  }

  public static void toggle(MotorLearnEditor editor, int offset, int length) throws ExecutionException {
    IDocument document = editor.document();
    IRewriteTarget target = editor.getAdapter(IRewriteTarget.class);
    if (target != null) {
      target.beginCompoundChange();
    }
    try {
      int first = document.getLineOfOffset(offset);
      int last = document.getLineOfOffset(offset + length);
      if (last > first && length > 0 && document.getLineOffset(last) == offset + length) {
        last--; // a selection ending at the start of a line does not include that line
      }
      boolean allCommented = true;
      for (int line = first; line <= last; line++) {
        String text = lineText(document, line);
        if (!text.isBlank() && !text.stripLeading().startsWith(PREFIX)) {
          allCommented = false;
        }
      }
      // From the last line up, so earlier offsets stay valid.
      for (int line = last; line >= first; line--) {
        IRegion region = document.getLineInformation(line);
        String text = lineText(document, line);
        if (allCommented) {
          int at = text.indexOf(PREFIX);
          if (at >= 0) {
            document.replace(region.getOffset() + at, PREFIX.length(), "");
          }
        } else if (!text.isBlank() || first == last) {
          document.replace(region.getOffset(), 0, PREFIX);
        }
      }
    } catch (BadLocationException e) {
      throw new ExecutionException("Toggle comment outside the document: " + e.getMessage(), e);
    } finally {
      if (target != null) {
        target.endCompoundChange();
      }
    }
  }

  private static String lineText(IDocument document, int line) throws BadLocationException {
    IRegion region = document.getLineInformation(line);
    return document.get(region.getOffset(), region.getLength());
  }
}
