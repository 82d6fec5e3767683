package org.motorlearn.dsl.ide.server;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * The shaded language server started as a child process ({@code java -jar motorlearn-lsp.jar}), with
 * an LSP4J client on its stdin/stdout: what an editor does.
 */
final class LspSession implements AutoCloseable {

  final Process process;
  final LanguageServer server;
  private final BlockingQueue<PublishDiagnosticsParams> diagnostics = new LinkedBlockingQueue<>();

  LspSession(Path jar, Path workingDirectory) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    process = new ProcessBuilder(java, "-Xmx512m", "-jar", jar.toString())
        .directory(workingDirectory.toFile())
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(new Client(),
        process.getInputStream(), process.getOutputStream());
    launcher.startListening();
    server = launcher.getRemoteProxy();
  }

  /** The next diagnostics published for {@code uri} (earlier ones for other files are skipped). */
  PublishDiagnosticsParams nextDiagnostics(String uri) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      PublishDiagnosticsParams params = diagnostics.poll(1, TimeUnit.SECONDS);
      if (params != null && params.getUri().equals(uri)) {
        return params;
      }
    }
    throw new AssertionError("no diagnostics for " + uri + " within 60 s");
  }

  static <T> T await(CompletableFuture<T> future) throws Exception {
    return future.get(60, TimeUnit.SECONDS);
  }

  /** The LSP position of the {@code index}-th character of {@code needle} in {@code text}. */
  static Position positionOf(String text, String needle, int index) {
    int at = text.indexOf(needle);
    if (at < 0) {
      throw new AssertionError("'" + needle + "' is not in the test text");
    }
    return positionAt(text, at + index);
  }

  static Position positionAt(String text, int offset) {
    int line = 0;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new Position(line, offset - lineStart);
  }

  static int offsetOf(String text, Position position) {
    int offset = 0;
    for (int line = 0; line < position.getLine(); line++) {
      offset = text.indexOf('\n', offset) + 1;
    }
    return offset + position.getCharacter();
  }

  /** The text after applying the edits (as a client does: from the last edit backwards). */
  static String apply(String text, List<? extends TextEdit> edits) {
    List<? extends TextEdit> sorted = edits.stream()
        .sorted((a, b) -> Integer.compare(offsetOf(text, b.getRange().getStart()), offsetOf(text, a.getRange().getStart())))
        .toList();
    String result = text;
    for (TextEdit edit : sorted) {
      int start = offsetOf(text, edit.getRange().getStart());
      int end = offsetOf(text, edit.getRange().getEnd());
      result = result.substring(0, start) + edit.getNewText() + result.substring(end);
    }
    return result;
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }

  private final class Client implements LanguageClient {
    @Override
    public void telemetryEvent(Object object) {
    }

    @Override
    public void publishDiagnostics(PublishDiagnosticsParams params) {
      diagnostics.add(params);
    }

    @Override
    public void showMessage(MessageParams params) {
    }

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams params) {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams params) {
    }
  }
}
