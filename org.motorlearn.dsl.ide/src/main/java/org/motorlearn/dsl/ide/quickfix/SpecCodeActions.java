package org.motorlearn.dsl.ide.quickfix;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

/**
 * The language server's code actions: for every MotorLearn diagnostic in the editor's request that has
 * quick fixes ({@link SpecFixes}), one "quickfix" action per fix, an edit of the open document. The
 * first fix of a problem is marked preferred, so editors can apply it with one key.
 */
public class SpecCodeActions implements ICodeActionService2 {

  @Override
  public List<Either<Command, CodeAction>> getCodeActions(Options options) {
    CodeActionContext request = options.getCodeActionParams().getContext();
    List<Diagnostic> diagnostics = request.getDiagnostics().stream()
        .filter(d -> d.getCode() != null && SpecFixes.offersFixes(d.getCode().getLeft())).toList();
    boolean quickFixesWanted = request.getOnly() == null || request.getOnly().isEmpty()
        || request.getOnly().contains(CodeActionKind.QuickFix);
    if (diagnostics.isEmpty() || !quickFixesWanted) {
      return List.of();
    }
    // the server hands over no resource: read the document's current state through its access
    return options.getLanguageServerAccess().doSyncRead(options.getURI(), context ->
        context.getResource() instanceof XtextResource resource
            ? actions(resource, context.getDocument(), options.getURI(), diagnostics, options.getCancelIndicator())
            : List.of());
  }

  private static List<Either<Command, CodeAction>> actions(XtextResource resource, Document document, String uri,
      List<Diagnostic> diagnostics, CancelIndicator cancel) {
    List<Either<Command, CodeAction>> actions = new ArrayList<>();
    for (Diagnostic diagnostic : diagnostics) {
      if (cancel.isCanceled()) {
        break;
      }
      int offset;
      int end;
      try {
        offset = document.getOffSet(diagnostic.getRange().getStart());
        end = document.getOffSet(diagnostic.getRange().getEnd());
      } catch (IndexOutOfBoundsException stale) {
        continue; // the diagnostic belongs to an older version of the text
      }
      String message = diagnostic.getMessage() == null ? "" : diagnostic.getMessage().isLeft()
          ? diagnostic.getMessage().getLeft() : diagnostic.getMessage().getRight().getValue();
      boolean first = true;
      for (SpecFixes.Fix fix : SpecFixes.of(resource, diagnostic.getCode().getLeft(), message, offset, end - offset)) {
        Range range = new Range(document.getPosition(fix.offset()), document.getPosition(fix.offset() + fix.length()));
        CodeAction action = new CodeAction(fix.label());
        action.setKind(CodeActionKind.QuickFix);
        action.setDiagnostics(List.of(diagnostic));
        action.setIsPreferred(first);
        action.setEdit(new WorkspaceEdit(Map.of(uri, List.of(new TextEdit(range, fix.text())))));
        actions.add(Either.forRight(action));
        first = false;
      }
    }
    return actions;
  }
}
