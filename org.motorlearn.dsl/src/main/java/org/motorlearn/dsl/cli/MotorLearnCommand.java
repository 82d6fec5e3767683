package org.motorlearn.dsl.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code motorlearn}: without a command it prints the list of commands and exits with 2. */
@Command(name = "motorlearn", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
    description = "Check, format, generate and run MotorLearn experiment specs (*.motor).",
    footer = {"", "Exit codes: 0 fine, 1 spec errors, 2 bad command line, 3 runtime failure.",
        "Documentation: docs/cli.md"})
final class MotorLearnCommand implements Callable<Integer> {

  private final Console console;

  @Spec
  private CommandSpec spec;

  MotorLearnCommand(Console console) {
    this.console = console;
  }

  @Option(names = "--no-color", scope = ScopeType.INHERIT,
      description = "Plain output without ANSI colours (colours are used only on terminals anyway).")
  void noColor(boolean noColor) {
    if (noColor) {
      console.disableColor();
    }
  }

  @Override
  public Integer call() {
    console.error("no command given");
    spec.commandLine().usage(console.err());
    return ExitCode.USAGE;
  }
}
