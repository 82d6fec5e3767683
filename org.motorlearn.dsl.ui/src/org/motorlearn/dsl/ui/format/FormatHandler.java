package org.motorlearn.dsl.ui.format;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRewriteTarget;
import org.eclipse.text.edits.MalformedTreeException;
import org.eclipse.ui.handlers.HandlerUtil;
import org.motorlearn.dsl.ui.editor.MotorLearnEditor;

/** Source > Format (Ctrl+Shift+F) in the MotorLearn editor: one undoable change. */
public final class FormatHandler extends AbstractHandler {

  @Override
  public Object execute(ExecutionEvent event) throws ExecutionException {
    if (HandlerUtil.getActiveEditor(event) instanceof MotorLearnEditor editor) {
      format(editor);
    }
    return null;
  }

  /** Formats the editor's whole document; returns the problem that prevented it, or null. */
  public static String format(MotorLearnEditor editor) throws ExecutionException {
    IDocument document = editor.document();
    SpecFormatter.Result result = SpecFormatter.format(editor.specUri(), document.get());
    if (result.problem() != null) {
      editor.getEditorSite().getActionBars().getStatusLineManager().setErrorMessage(result.problem());
      return result.problem();
    }
    IRewriteTarget target = editor.getAdapter(IRewriteTarget.class);
    if (target != null) {
      target.beginCompoundChange();
    }
    try {
      result.edit().apply(document);
    } catch (MalformedTreeException | BadLocationException e) {
      throw new ExecutionException("The formatter produced overlapping edits: " + e.getMessage(), e);
    } finally {
      if (target != null) {
        target.endCompoundChange();
      }
    }
    editor.getEditorSite().getActionBars().getStatusLineManager().setErrorMessage(null);
    return null;
  }
}
