package org.motorlearn.dsl.cli;

/** The exit codes of {@code motorlearn}; docs/cli.md lists them for users and scripts. */
public final class ExitCode {

  /** Everything worked (warnings do not change this). */
  public static final int OK = 0;
  /** The spec has errors (or, for {@code format --check}, is not formatted). */
  public static final int SPEC_ERRORS = 1;
  /** The command line is wrong: unknown option, missing argument, file not found, unknown parameter. */
  public static final int USAGE = 2;
  /** The spec was fine but running it failed (I/O, a failed run, an internal error). */
  public static final int RUNTIME_FAILURE = 3;

  private ExitCode() {
  }
}
