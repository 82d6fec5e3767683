package org.motorlearn.dsl.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine;

/** One in-process invocation of the command line: its exit code and everything it printed. */
record CliRun(int exitCode, String out, String err) {

  static CliRun in(Path workingDirectory, String... args) {
    return in(workingDirectory, false, args);
  }

  static CliRun in(Path workingDirectory, boolean terminal, String... args) {
    return with(new Capture(workingDirectory, terminal), args);
  }

  /** Runs on a command line that the test may extend first (see {@link Capture#commandLine()}). */
  static CliRun with(Capture capture, String... args) {
    int code = capture.main.execute(capture.commandLine, args);
    return new CliRun(code, capture.out(), capture.err());
  }

  /** Captured streams around a {@link Main}. */
  static final class Capture {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final Main main;
    final CommandLine commandLine;

    Capture(Path workingDirectory, boolean terminal) {
      main = new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
          workingDirectory, terminal);
      commandLine = main.commandLine();
    }

    String out() {
      return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
      return err.toString(StandardCharsets.UTF_8);
    }
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}
