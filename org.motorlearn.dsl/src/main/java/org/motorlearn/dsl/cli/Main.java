package org.motorlearn.dsl.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code motorlearn} command line. Streams and the working directory are given to the
 * constructor, so tests run it in-process and read what it printed.
 *
 * <p>Error handling is the contract of docs/cli.md: bad arguments print a one-line error and a hint
 * (exit 2); bad specs print diagnostics (exit 1); failures the user can fix print {@code error: ...}
 * naming the path or parameter (exit 2 or 3); only an unexpected internal error leaves a stack trace,
 * and that goes to a file whose path is printed (exit 3).
 */
public final class Main {

  private final Console console;
  private InternalErrorReport internalErrors = InternalErrorReport.inTemporaryFolder();

  /** A command line that writes to the given streams; stderr is treated as not being a terminal. */
  public Main(PrintStream out, PrintStream err, Path workingDirectory) {
    this(out, err, workingDirectory, false);
  }

  /**
   * @param terminal whether stderr is an interactive terminal: colours on (unless {@code --no-color}
   *     or the NO_COLOR environment variable) and progress redrawn in place
   */
  public Main(PrintStream out, PrintStream err, Path workingDirectory, boolean terminal) {
    this.console = new Console(out, err, workingDirectory, terminal);
    if (System.getenv("NO_COLOR") != null) {
      console.disableColor();
    }
  }

  /** Where traces of internal errors are written (tests point this at a temporary folder). */
  Main reportInternalErrorsTo(Path folder) {
    this.internalErrors = new InternalErrorReport(folder);
    return this;
  }

  public static void main(String[] args) {
    // Java can only tell whether stdin and stdout are terminals; a terminal there almost always means
    // stderr is one too. TERM=dumb (editors' shells) gets plain output.
    boolean terminal = System.console() != null && !"dumb".equals(System.getenv("TERM"));
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    int code = new Main(out, err, Path.of(""), terminal).execute(args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs one command line and returns its exit code ({@link ExitCode}). */
  public int execute(String... args) {
    return execute(commandLine(), args);
  }

  /** Runs a command line built by {@link #commandLine()} (tests add commands to it). */
  int execute(CommandLine commandLine, String... args) {
    try {
      return commandLine.execute(args);
    } finally {
      console.out().flush();
      console.err().flush();
    }
  }

  CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new MotorLearnCommand(console));
    commandLine.addSubcommand(new CheckCommand(console));
    commandLine.addSubcommand(new GenerateCommand(console));
    commandLine.addSubcommand(new RunCommand(console));
    commandLine.addSubcommand(new ParametersCommand(console));
    commandLine.addSubcommand(new FormatCommand(console));
    commandLine.addSubcommand(new NewCommand(console));
    commandLine.addSubcommand(new LspCommand());
    commandLine.addSubcommand(new SweepCommand(console));
    commandLine.addSubcommand(new CollectCommand(console));
    commandLine.addSubcommand(new ReportCommand(console));
    commandLine.addSubcommand(new StudioCommand(console));
    commandLine.addSubcommand(new CompletionCommand(console));
    commandLine.setOut(new PrintWriter(console.out(), true));
    commandLine.setErr(new PrintWriter(console.err(), true));
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setParameterExceptionHandler(this::badArguments);
    commandLine.setExecutionExceptionHandler((error, failed, parseResult) -> failure(error, parseResult.originalArgs()));
    commandLine.setExitCodeExceptionMapper(error -> ExitCode.RUNTIME_FAILURE);
    return commandLine;
  }

  private int badArguments(ParameterException error, String[] args) {
    CommandLine failed = error.getCommandLine();
    console.error(describe(error));
    if (error instanceof UnmatchedArgumentException unmatched) {
      UnmatchedArgumentException.printSuggestions(unmatched, new PrintWriter(console.err(), true));
    }
    console.err().println("Run '" + failed.getCommandSpec().qualifiedName() + " --help' for the options.");
    return ExitCode.USAGE;
  }

  /** picocli's message, except for a mistyped command, which it words in terms of argument indexes. */
  private static String describe(ParameterException error) {
    if (error instanceof UnmatchedArgumentException unmatched && !unmatched.isUnknownOption()
        && !error.getCommandLine().getSubcommands().isEmpty() && !unmatched.getUnmatched().isEmpty()) {
      return "unknown command '" + unmatched.getUnmatched().get(0) + "'";
    }
    // some of picocli's messages start with their own "Error: ", and ours are printed as "error: ..."
    return error.getMessage().startsWith("Error: ") ? error.getMessage().substring("Error: ".length()) : error.getMessage();
  }

  private int failure(Exception error, java.util.List<String> args) {
    if (error instanceof CliException known) {
      console.error(known.getMessage());
      return known.exitCode();
    }
    if (error instanceof java.io.UncheckedIOException io) {
      // the file system refused (read-only, full, no permission): our messages name the path and the
      // reason, and the user's fix is there, not in a bug report
      console.error(io.getMessage());
      return ExitCode.RUNTIME_FAILURE;
    }
    console.error(internalErrors.report(error, args.toArray(String[]::new)));
    return ExitCode.RUNTIME_FAILURE;
  }
}
