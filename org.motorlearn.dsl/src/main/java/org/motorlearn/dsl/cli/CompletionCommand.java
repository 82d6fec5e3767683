package org.motorlearn.dsl.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code motorlearn completion}: a bash completion script of every command and option, written by
 * picocli from the same definitions that parse the command line, so it never falls behind.
 */
@Command(name = "completion", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
    description = {"Print a completion script for bash (and zsh with bashcompinit) of every command and option.",
        "Load it in the current shell with: source <(motorlearn completion)",
        "or for every shell: motorlearn completion > ~/.local/share/bash-completion/completions/motorlearn"})
final class CompletionCommand implements Callable<Integer> {

  private final Console console;

  @Spec
  private CommandSpec spec;

  CompletionCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() {
    console.out().print(AutoComplete.bash("motorlearn", spec.root().commandLine()));
    // the README runs the launcher as ./motorlearn from the repository's root: complete that too
    console.out().println("complete -F _complete_motorlearn -o default ./motorlearn");
    console.out().flush();
    return ExitCode.OK;
  }
}
