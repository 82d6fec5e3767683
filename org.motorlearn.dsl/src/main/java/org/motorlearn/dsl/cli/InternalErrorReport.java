package org.motorlearn.dsl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * An error MotorLearn did not expect (a bug, not a bad spec or argument): the user sees one line,
 * and the full stack trace goes to a file they can attach to a bug report.
 */
final class InternalErrorReport {

  private final Path folder;

  InternalErrorReport(Path folder) {
    this.folder = folder;
  }

  /** Reports into the system's temporary folder. */
  static InternalErrorReport inTemporaryFolder() {
    return new InternalErrorReport(Path.of(System.getProperty("java.io.tmpdir")));
  }

  /** Writes the trace and returns the one line to show; it names the trace file (or says why there is none). */
  String report(Throwable error, String[] arguments) {
    String what = error.getClass().getName() + (error.getMessage() == null ? "" : ": " + firstLine(error.getMessage()));
    try {
      Files.createDirectories(folder);
      Path file = Files.createTempFile(folder, "motorlearn-error-", ".txt");
      StringWriter trace = new StringWriter();
      try (PrintWriter writer = new PrintWriter(trace)) {
        writer.println("motorlearn " + String.join(" ", Arrays.asList(arguments)));
        for (String line : new VersionInfo().getVersion()) {
          writer.println(line);
        }
        writer.println();
        error.printStackTrace(writer);
      }
      Files.writeString(file, trace.toString(), StandardCharsets.UTF_8);
      return "internal error (" + what + "); the full trace is in " + file + ". Please report it with that file.";
    } catch (IOException | RuntimeException e) {
      return "internal error (" + what + "); the trace could not be written to " + folder + ": " + e.getMessage();
    }
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
