package org.motorlearn.dsl.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code motorlearn studio}: listed here so that help and completion show it; the {@code motorlearn}
 * launcher script starts the Studio itself (releng/studio.sh, an Eclipse workbench, not this JVM).
 */
@Command(name = "studio", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
    description = {"Start MotorLearn Studio, the Eclipse workbench with the MotorLearn plugin (docs/eclipse.md).",
        "Started by the ./motorlearn launcher script; -data DIR chooses the workspace."})
final class StudioCommand implements Callable<Integer> {

  private final Console console;

  @Parameters(arity = "0..*", paramLabel = "ECLIPSE_ARGS", description = "Arguments for Eclipse, e.g. -data DIR.")
  private List<String> eclipseArguments;

  StudioCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() {
    console.error("the Studio is started by the ./motorlearn launcher script at the root of the MotorLearn repository"
        + " (it runs releng/studio.sh), not by the Java command line; run ./motorlearn studio");
    return ExitCode.USAGE;
  }
}
