package org.motorlearn.dsl.ide.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.motorlearn.dsl.ide.server.LspSession.apply;
import static org.motorlearn.dsl.ide.server.LspSession.await;
import static org.motorlearn.dsl.ide.server.LspSession.positionOf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolCapabilities;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives the shaded language server jar (target/motorlearn-lsp.jar, built in `package`) as a child
 * process over stdio, as an editor does, through one whole session: initialize, diagnostics of an
 * invalid file, completion, hover, outline, formatting, rename, go to definition, find references, a
 * quick fix, shutdown and exit.
 */
public class LanguageServerJarIT {

  private static final String SPEC = """
      experiment Reach {
        network Cortex {
          dt 10 ms
          module Upstream { units 400 activation tanh tau 50 ms }
          module PMd { units 400 activation tanh tau 50 ms }
          module M1 { units 400 activation tanh tau 50 ms }
          input cue (3) -> Upstream, PMd
          connect Upstream -> PMd
          connect PMd -> M1
          readout hand position (2) from M1 with bias
        }
        task CenterOut { targets 8 }
        perturbation VR30 = rotation 30 deg
        phase initial { plastic all updates 500 batch 80 }
        phase Hlocal from initial under VR30 { plastic PMd.input, PMd.recurrent, PMd -> M1 updates 100 batch 1 }
      }
      """;

  /** A setting of a task inside a module: a syntax error at 'targets 8'. */
  private static final String INVALID = """
      experiment Broken {
        network N {
          module PMd {
            units 400
            targets 8
          }
        }
      }
      """;

  /** The user has just typed 'connect ' and asks what may follow. */
  private static final String TYPING = """
      experiment Typing {
        network N {
          module Upstream { units 4 }
          module PMd { units 4 }
          connect\s
        }
        phase p { plastic all updates 1 }
      }
      """;

  private static final String MESSY = "experiment   E {seed 0   precision float32\n"
      + "network N { module A {units 4 tau 50 ms} module B { units 2 }\n"
      + "connect A->B readout y (2) from B }\n"
      + "  phase p {plastic A.recurrent,A -> B batch 8}}\n";

  private static final String FORMATTED = """
      experiment E {
        seed 0
        precision float32

        network N {
          module A { units 4 tau 50 ms }
          module B { units 2 }
          connect A -> B
          readout y (2) from B
        }

        phase p { plastic A.recurrent, A -> B batch 8 }
      }
      """;

  @TempDir
  Path workspace;

  @Test
  public void aWholeEditorSessionOverStdio() throws Exception {
    Path jar = Path.of(System.getProperty("motorlearn.lsp.jar", "target/motorlearn-lsp.jar")).toAbsolutePath();
    assertTrue(Files.isRegularFile(jar), "the shaded language server is missing: " + jar + " (run `package` first)");
    try (LspSession session = new LspSession(jar, workspace)) {
      ServerCapabilities capabilities = initialize(session).getCapabilities();
      assertTrue(capabilities.getHoverProvider().getLeft(), "hover");
      assertTrue(capabilities.getDefinitionProvider().getLeft(), "definition");
      assertTrue(capabilities.getDocumentFormattingProvider().getLeft(), "formatting");
      assertTrue(capabilities.getRenameProvider().getLeft(), "rename");
      assertTrue(capabilities.getDocumentSymbolProvider().getLeft(), "document symbols");
      assertTrue(capabilities.getReferencesProvider().getLeft(), "references");
      assertTrue(capabilities.getCodeActionProvider().getLeft(), "code actions");

      diagnosticsOfAnInvalidFile(session);
      String spec = open(session, "reach.motor", SPEC);
      assertEquals(List.of(), session.nextDiagnostics(spec).getDiagnostics(), "the valid spec has no problems");
      completion(session);
      hover(session, spec);
      documentSymbols(session, spec);
      definition(session, spec);
      formatting(session);
      rename(session, spec);
      quickFix(session);

      await(session.server.shutdown());
      session.server.exit();
      assertTrue(session.process.waitFor(30, TimeUnit.SECONDS), "the server did not exit after 'exit'");
      assertEquals(0, session.process.exitValue(), "exit code after shutdown + exit");
    }
  }

  private InitializeResult initialize(LspSession session) throws Exception {
    InitializeParams params = new InitializeParams();
    params.setProcessId((int) ProcessHandle.current().pid());
    // Xtext's server builds the workspace from rootUri (the folder the editor opened)
    setRootUri(params, workspace.toUri().toString());
    TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
    DocumentSymbolCapabilities symbols = new DocumentSymbolCapabilities();
    symbols.setHierarchicalDocumentSymbolSupport(true);
    text.setDocumentSymbol(symbols);
    ClientCapabilities client = new ClientCapabilities();
    client.setTextDocument(text);
    params.setCapabilities(client);
    InitializeResult result = await(session.server.initialize(params));
    session.server.initialized(new InitializedParams());
    return result;
  }

  @SuppressWarnings("deprecation")
  private static void setRootUri(InitializeParams params, String uri) {
    params.setRootUri(uri);
  }

  private String open(LspSession session, String fileName, String text) throws Exception {
    String uri = workspace.resolve(fileName).toUri().toString();
    session.server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "motorlearn", 1, text)));
    return uri;
  }

  private void diagnosticsOfAnInvalidFile(LspSession session) throws Exception {
    String uri = open(session, "broken.motor", INVALID);
    PublishDiagnosticsParams published = session.nextDiagnostics(uri);
    Position start = positionOf(INVALID, "targets 8", 0);
    Diagnostic expected = new Diagnostic(new Range(start, new Position(start.getLine(), start.getCharacter() + "targets".length())),
        "'targets' is not a setting of module PMd (it belongs in a task); module settings are: units, activation, tau, "
            + "noise, initial state, recurrent init, no recurrence",
        DiagnosticSeverity.Error, null, "org.motorlearn.dsl.syntax.settingInWrongBlock");
    Diagnostic actual = published.getDiagnostics().stream()
        .filter(d -> d.getRange().getStart().equals(start)).findFirst()
        .orElseThrow(() -> new AssertionError("no diagnostic at 'targets': " + published.getDiagnostics()));
    assertEquals(expected.getRange(), actual.getRange());
    assertEquals(expected.getMessage(), actual.getMessage());
    assertEquals(expected.getSeverity(), actual.getSeverity());
    assertEquals(expected.getCode().getLeft(), actual.getCode().getLeft());
  }

  private void completion(LspSession session) throws Exception {
    String uri = open(session, "typing.motor", TYPING);
    session.nextDiagnostics(uri);
    List<String> afterConnect = labels(session, uri, positionOf(TYPING, "connect ", "connect ".length()));
    assertTrue(afterConnect.containsAll(List.of("Upstream", "PMd")), "module names after 'connect ': " + afterConnect);
    assertFalse(afterConnect.contains("p"), "a phase is no module: " + afterConnect);

    List<String> plastic = labels(session, workspace.resolve("reach.motor").toUri().toString(),
        positionOf(SPEC, "plastic PMd.input", "plastic ".length()));
    assertTrue(plastic.containsAll(List.of("M1.recurrent", "PMd.input", "Upstream -> PMd", "cue -> PMd", "M1 -> hand",
        "all", "none", "readout")), "weight groups after 'plastic ': " + plastic);
  }

  private static List<String> labels(LspSession session, String uri, Position position) throws Exception {
    Either<List<CompletionItem>, org.eclipse.lsp4j.CompletionList> result = await(session.server.getTextDocumentService()
        .completion(new CompletionParams(new TextDocumentIdentifier(uri), position)));
    List<CompletionItem> items = result.isLeft() ? result.getLeft() : result.getRight().getItems();
    return items.stream().map(CompletionItem::getLabel).collect(Collectors.toList());
  }

  private void hover(LspSession session, String uri) throws Exception {
    String onKeyword = hoverText(session, uri, positionOf(SPEC, "module PMd", 2));
    assertTrue(onKeyword.startsWith("`module NAME { units N ... }`: a population of rate units"), onKeyword);

    String onModule = hoverText(session, uri, positionOf(SPEC, "module PMd", "module P".length()));
    assertTrue(onModule.startsWith("**module** `PMd`"), onModule);
    assertTrue(onModule.contains("a = dt/tau = 10 ms / 50 ms = 0.2"), onModule);

    String onNetwork = hoverText(session, uri, positionOf(SPEC, "network Cortex", "network C".length()));
    assertTrue(onNetwork.contains("Parameters: 803,202"), "the reference network: " + onNetwork);

    String onReference = hoverText(session, uri, positionOf(SPEC, "from initial", "from i".length()));
    assertTrue(onReference.startsWith("**phase** `initial`") && onReference.contains("Estimated training memory: "), onReference);

    // a number: the parameter it is (PMd's tau, the second "tau 50 ms" of the spec)
    int pmd = SPEC.indexOf("module PMd");
    String onNumber = hoverText(session, uri, LspSession.positionAt(SPEC, SPEC.indexOf("tau 50", pmd) + "tau 5".length()));
    assertTrue(onNumber.startsWith("**parameter** `Cortex.PMd.tau`") && onNumber.contains("`--set Cortex.PMd.tau=VALUE` (VALUE in ms"),
        onNumber);
    String onCount = hoverText(session, uri, positionOf(SPEC, "updates 500", "updates 5".length()));
    assertTrue(onCount.startsWith("**parameter** `initial.updates`") && !onCount.contains("VALUE in"), onCount);
  }

  private static String hoverText(LspSession session, String uri, Position position) throws Exception {
    Hover hover = await(session.server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri), position)));
    return hover.getContents().getRight().getValue();
  }

  private void documentSymbols(LspSession session, String uri) throws Exception {
    List<Either<org.eclipse.lsp4j.SymbolInformation, DocumentSymbol>> symbols = await(session.server.getTextDocumentService()
        .documentSymbol(new DocumentSymbolParams(new TextDocumentIdentifier(uri))));
    assertEquals(1, symbols.size(), "one experiment at the top: " + symbols);
    DocumentSymbol experiment = symbols.get(0).getRight();
    assertEquals("Reach", experiment.getName());
    assertEquals(SymbolKind.Class, experiment.getKind());
    assertEquals(List.of("Cortex", "CenterOut", "VR30", "initial", "Hlocal"), names(experiment.getChildren()));
    DocumentSymbol network = experiment.getChildren().get(0);
    assertEquals(List.of("Upstream", "PMd", "M1", "cue", "Upstream -> PMd", "PMd -> M1", "hand"), names(network.getChildren()));
    assertEquals(SymbolKind.Module, network.getChildren().get(1).getKind());
    assertEquals("400 units, tanh", network.getChildren().get(1).getDetail());
    assertEquals("from initial under VR30", experiment.getChildren().get(4).getDetail());
  }

  private static List<String> names(List<DocumentSymbol> symbols) {
    return symbols.stream().map(DocumentSymbol::getName).collect(Collectors.toList());
  }

  private void definition(LspSession session, String uri) throws Exception {
    Position reference = positionOf(SPEC, "connect Upstream -> PMd", "connect Upstream -> P".length());
    List<? extends Location> locations = await(session.server.getTextDocumentService()
        .definition(new DefinitionParams(new TextDocumentIdentifier(uri), reference))).getLeft();
    assertEquals(1, locations.size(), locations.toString());
    Position declaration = positionOf(SPEC, "module PMd", "module ".length());
    assertEquals(uri, locations.get(0).getUri());
    assertEquals(new Range(declaration, new Position(declaration.getLine(), declaration.getCharacter() + 3)),
        locations.get(0).getRange());

    // find references: every use of the module PMd, here or in a weight group
    ReferenceParams params = new ReferenceParams(new TextDocumentIdentifier(uri), declaration, new ReferenceContext(false));
    List<Position> uses = await(session.server.getTextDocumentService().references(params)).stream()
        .map(location -> location.getRange().getStart()).sorted(java.util.Comparator.comparingInt(Position::getLine)
            .thenComparingInt(Position::getCharacter)).toList();
    List<Position> expected = new java.util.ArrayList<>();
    for (int at = SPEC.indexOf("PMd"); at >= 0; at = SPEC.indexOf("PMd", at + 1)) {
      if (!SPEC.startsWith("PMd {", at)) {
        expected.add(positionAt(SPEC, at));
      }
    }
    assertEquals(expected, uses);
  }

  private static Position positionAt(String text, int offset) {
    String before = text.substring(0, offset);
    return new Position((int) before.chars().filter(c -> c == '\n').count(), offset - before.lastIndexOf('\n') - 1);
  }

  private void formatting(LspSession session) throws Exception {
    String uri = open(session, "messy.motor", MESSY);
    session.nextDiagnostics(uri);
    FormattingOptions options = new FormattingOptions(2, true);
    List<? extends TextEdit> edits = await(session.server.getTextDocumentService()
        .formatting(new DocumentFormattingParams(new TextDocumentIdentifier(uri), options)));
    assertEquals(FORMATTED, apply(MESSY, edits));
  }

  private void rename(LspSession session, String uri) throws Exception {
    WorkspaceEdit edit = await(session.server.getTextDocumentService()
        .rename(new RenameParams(new TextDocumentIdentifier(uri), positionOf(SPEC, "module PMd", "module P".length()), "Premotor")));
    List<TextEdit> edits = edit.getChanges().get(uri);
    // every PMd of the spec is the module or a reference to it: declaration, input, connections, weight groups
    assertEquals(SPEC.replace("PMd", "Premotor"), apply(SPEC, edits));
  }

  /** A misspelt module name: the diagnostic's code action replaces it by the module meant. */
  private void quickFix(LspSession session) throws Exception {
    String typo = SPEC.replace("connect PMd -> M1", "connect PMD -> M1");
    String uri = open(session, "typo.motor", typo);
    Diagnostic unresolved = session.nextDiagnostics(uri).getDiagnostics().stream()
        .filter(d -> d.getRange().getStart().equals(positionOf(typo, "PMD -> M1", 0))).findFirst()
        .orElseThrow(() -> new AssertionError("no diagnostic at 'PMD'"));
    CodeActionParams params = new CodeActionParams(new TextDocumentIdentifier(uri), unresolved.getRange(),
        new CodeActionContext(List.of(unresolved)));
    List<CodeAction> actions = await(session.server.getTextDocumentService().codeAction(params)).stream()
        .map(Either::getRight).toList();
    assertFalse(actions.isEmpty(), "no code action for: " + unresolved.getMessage());
    CodeAction first = actions.get(0);
    assertEquals("Change to 'PMd'", first.getTitle());
    assertEquals(CodeActionKind.QuickFix, first.getKind());
    assertTrue(first.getIsPreferred(), "the closest name is the preferred fix");
    assertEquals(List.of(unresolved), first.getDiagnostics());
    assertEquals(SPEC, apply(typo, first.getEdit().getChanges().get(uri)));

    // a client asking only for other kinds of action gets none of these
    CodeActionContext refactorings = new CodeActionContext(List.of(unresolved));
    refactorings.setOnly(List.of(CodeActionKind.Refactor));
    assertEquals(List.of(), await(session.server.getTextDocumentService()
        .codeAction(new CodeActionParams(new TextDocumentIdentifier(uri), unresolved.getRange(), refactorings))));
  }
}
