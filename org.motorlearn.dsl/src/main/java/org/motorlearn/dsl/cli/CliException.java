package org.motorlearn.dsl.cli;

/**
 * A failure the user can act on, with the exit code it maps to. {@link Main} prints its message as
 * {@code error: <message>} and never a stack trace.
 */
public class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  public CliException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public CliException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }

  /** A bad argument: a file that does not exist, a malformed value. */
  public static CliException usage(String message) {
    return new CliException(ExitCode.USAGE, message);
  }

  /** An I/O failure; the message names the path and what the operating system said. */
  public static CliException io(String action, java.nio.file.Path path, java.io.IOException cause) {
    String reason = cause instanceof java.nio.file.NoSuchFileException ? "no such file or folder"
        : cause instanceof java.nio.file.AccessDeniedException ? "permission denied"
        : cause instanceof java.nio.file.FileAlreadyExistsException ? "it already exists"
        : cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return new CliException(ExitCode.RUNTIME_FAILURE, "cannot " + action + " " + path + ": " + reason, cause);
  }
}
