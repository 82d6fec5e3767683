package org.motorlearn.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompletionCommandTest {

  @TempDir
  Path folder;

  @Test
  void theScriptCompletesEveryCommandAndItsOptionsInBash() throws Exception {
    CliRun run = CliRun.in(folder, "completion");
    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    Path script = Files.writeString(folder.resolve("motorlearn.bash"), run.out());
    for (String command : new Main(System.out, System.err, folder).commandLine().getSubcommands().keySet()) {
      assertTrue(run.out().contains(command), "completes " + command);
    }
    assertEquals("run", complete(script, "motorlearn ru"));
    assertEquals("--resume --reuse", complete(script, "motorlearn run --re"));
    assertEquals("studio", complete(script, "motorlearn stu"), "the launcher's command too");
    Process registered = new ProcessBuilder("bash", "-c", "source '" + script + "' 2>/dev/null; complete -p motorlearn ./motorlearn")
        .redirectErrorStream(true).start();
    String registrations = new String(registered.getInputStream().readAllBytes());
    assertTrue(registered.waitFor(30, TimeUnit.SECONDS));
    assertTrue(registrations.contains("_complete_motorlearn motorlearn\n")
        && registrations.contains("_complete_motorlearn ./motorlearn\n"), registrations);
  }

  @Test
  void studioThroughTheJavaCommandLineSaysToUseTheLauncher() {
    CliRun run = CliRun.in(folder, "studio");
    assertEquals(ExitCode.USAGE, run.exitCode(), run::toString);
    assertTrue(run.err().contains("run ./motorlearn studio"), run::toString);
  }

  /** What bash proposes for the last word of {@code line}, as the completion function computes it. */
  private static String complete(Path script, String line) throws IOException, InterruptedException {
    List<String> words = List.of(line.split(" "));
    String program = "source '" + script + "' 2>/dev/null; COMP_WORDS=(" + line + "); COMP_CWORD=" + (words.size() - 1)
        + "; COMP_LINE='" + line + "'; _complete_motorlearn motorlearn '" + words.get(words.size() - 1) + "' '"
        + words.get(words.size() - 2) + "' 2>/dev/null; echo \"${COMPREPLY[*]}\"";
    Process bash = new ProcessBuilder("bash", "-c", program).redirectErrorStream(true).start();
    String out = new String(bash.getInputStream().readAllBytes()).strip();
    assertTrue(bash.waitFor(30, TimeUnit.SECONDS));
    return out;
  }
}
