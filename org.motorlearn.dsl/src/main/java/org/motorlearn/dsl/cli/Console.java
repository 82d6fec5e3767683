package org.motorlearn.dsl.cli;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Where a command writes and how: the two streams, the working directory that relative paths are
 * resolved against and printed relative to, whether stderr is a terminal (live progress redraws with
 * carriage returns only there) and whether to use ANSI colours.
 */
public final class Console {

  /** ANSI styles; each is applied only when colours are on. */
  public enum Style {
    ERROR("\u001b[1;31m"), WARNING("\u001b[1;33m"), NOTE("\u001b[1;36m"), GUTTER("\u001b[1;34m"), BOLD("\u001b[1m"),
    GOOD("\u001b[1;32m");

    private final String code;

    Style(String code) {
      this.code = code;
    }
  }

  private static final String RESET = "\u001b[0m";

  private final PrintStream out;
  private final PrintStream err;
  private final Path workingDirectory;
  private final boolean terminal;
  private boolean color;

  public Console(PrintStream out, PrintStream err, Path workingDirectory, boolean terminal) {
    this.out = out;
    this.err = err;
    this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    this.terminal = terminal;
    this.color = terminal;
  }

  public PrintStream out() {
    return out;
  }

  public PrintStream err() {
    return err;
  }

  public Path workingDirectory() {
    return workingDirectory;
  }

  /** True when stderr is an interactive terminal (progress is redrawn in place). */
  public boolean terminal() {
    return terminal;
  }

  public boolean color() {
    return color;
  }

  void disableColor() {
    color = false;
  }

  /** {@code text} in the given style, or plain when colours are off. */
  public String style(Style style, String text) {
    return color ? style.code + text + RESET : text;
  }

  /** A user-given path resolved against the working directory. */
  public Path resolve(String path) {
    return workingDirectory.resolve(path).normalize();
  }

  /** How a path is shown to the user: relative to the working directory, with forward slashes. */
  public String display(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    String shown;
    if (absolute.getRoot() != null && absolute.getRoot().equals(workingDirectory.getRoot())) {
      shown = workingDirectory.relativize(absolute).toString();
    } else {
      shown = absolute.toString();
    }
    if (shown.isEmpty()) {
      shown = ".";
    }
    return shown.replace('\\', '/');
  }

  /** Prints {@code error: message} on stderr. */
  public void error(String message) {
    err.println(style(Style.ERROR, "error") + style(Style.BOLD, ": " + message));
  }

  /** Prints {@code warning: message} on stderr. */
  public void warning(String message) {
    err.println(style(Style.WARNING, "warning") + style(Style.BOLD, ": " + message));
  }
}
