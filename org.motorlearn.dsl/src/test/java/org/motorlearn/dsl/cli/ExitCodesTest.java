package org.motorlearn.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;

/** Every situation of docs/cli.md's exit-code table, with the exact message the user sees. */
class ExitCodesTest {

  @TempDir
  Path folder;

  private static final String VALID = """
      experiment Valid {
        network N {
          dt 10 ms
          module A { units 4 }
          input cue (3) -> A
          readout hand position (2) from A
        }
        task T { targets 8 trial 100 bins cue at bin 10 go at bin 40 movement 50 bins }
        phase initial { plastic all adam lr 1e-3 updates 2 batch 4 }
      }
      """;

  private Path write(String name, String text) throws IOException {
    Path file = folder.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  @Test
  void validSpecIsZero() throws IOException {
    write("valid.motor", VALID);
    CliRun run = CliRun.in(folder, "check", "valid.motor");
    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    assertEquals("0 errors, 0 warnings in 1 file\n", run.out());
  }

  @Test
  void specErrorIsOne() throws IOException {
    write("broken.motor", VALID.replace("module A { units 4 }", "module A { units 4 } connect A -> Missing"));
    CliRun run = CliRun.in(folder, "check", "broken.motor");
    assertEquals(ExitCode.SPEC_ERRORS, run.exitCode(), run::toString);
    assertTrue(run.out().endsWith("1 error, 0 warnings in 1 file\n"), run::toString);
  }

  @Test
  void unknownOptionIsTwoWithoutStackTrace() {
    CliRun run = CliRun.in(folder, "check", "--frobnicate", "x.motor");
    assertEquals(ExitCode.USAGE, run.exitCode());
    assertEquals("", run.out());
    assertEquals("error: Unknown option: '--frobnicate'\nRun 'motorlearn check --help' for the options.\n", run.err());
  }

  @Test
  void missingArgumentIsTwo() {
    CliRun run = CliRun.in(folder, "check");
    assertEquals(ExitCode.USAGE, run.exitCode());
    assertEquals("error: Missing required parameter: 'FILE'\nRun 'motorlearn check --help' for the options.\n", run.err());
  }

  @Test
  void unknownCommandIsTwoWithSuggestion() {
    CliRun run = CliRun.in(folder, "chek", "x.motor");
    assertEquals(ExitCode.USAGE, run.exitCode());
    assertEquals("error: unknown command 'chek'\nDid you mean: motorlearn check?\n"
        + "Run 'motorlearn --help' for the options.\n", run.err());
  }

  @Test
  void noCommandIsTwoAndListsCommands() {
    CliRun run = CliRun.in(folder);
    assertEquals(ExitCode.USAGE, run.exitCode());
    assertTrue(run.err().startsWith("error: no command given\nUsage: motorlearn "), run::toString);
    for (String command : List.of("check", "generate", "format", "new", "lsp")) {
      assertTrue(run.err().contains("\n  " + command + " "), () -> command + " missing from\n" + run.err());
    }
  }

  @Test
  void missingFileIsTwo() {
    CliRun run = CliRun.in(folder, "check", "missing.motor");
    assertEquals(ExitCode.USAGE, run.exitCode());
    assertEquals("error: no such file: missing.motor\n", run.err());
  }

  @Test
  void sweepNumbersBelowTheirLeastAreTwoAndNothingStarts() throws IOException {
    write("valid.motor", VALID);
    for (String[] option : new String[][] {{"--jobs", "0", "--jobs must be 1 or more, got 0"},
        {"--threads", "-1", "--threads must be 0 (all cores) or more, got -1"}, {"--cpus", "0", "--cpus must be 1 or more, got 0"},
        {"--time", "0", "--time must be 1 minute or more, got 0"}, {"--mem", "-5", "--mem must be 1 MB or more, got -5"}}) {
      CliRun run = CliRun.in(folder, "sweep", "valid.motor", option[0], option[1], "--out", "sweep");
      assertEquals(ExitCode.USAGE, run.exitCode(), run::toString);
      assertEquals("error: " + option[2] + "\n", run.err());
    }
    assertFalse(Files.exists(folder.resolve("sweep")), "nothing is created for a refused command line");
  }

  @Test
  void folderOrOtherFileIsTwo() throws IOException {
    write("notes.txt", "hello");
    Files.createDirectories(folder.resolve("specs"));
    assertEquals("error: notes.txt is not a spec file: MotorLearn specs end in .motor\n",
        CliRun.in(folder, "check", "notes.txt").err());
    CliRun run = CliRun.in(folder, "check", "specs");
    assertEquals(ExitCode.USAGE, run.exitCode());
    assertEquals("error: specs holds no spec files (.motor)\n", run.err());
    CliRun runFolder = CliRun.in(folder, "run", "specs");
    assertEquals(ExitCode.USAGE, runFolder.exitCode());
    assertEquals("error: specs is a folder; give a spec file (.motor)\n", runFolder.err(), "run takes one spec file");
  }

  @Test
  void checkOfAFolderChecksEverySpecUnderIt() throws IOException {
    write("specs/good.motor", "task T { targets 8 }\n");
    write("specs/deeper/bad.motor", "task T { targets 0 }\n");
    write("specs/.hidden/ignored.motor", "this is not a spec\n");
    write("specs/notes.txt", "not a spec either\n");
    CliRun run = CliRun.in(folder, "check", "specs");
    assertEquals(ExitCode.SPEC_ERRORS, run.exitCode(), run::toString);
    assertTrue(run.out().contains("--> specs/deeper/bad.motor:1:"), run::toString);
    assertTrue(run.out().endsWith("1 error, 0 warnings in 2 files\n"), run::toString);
  }

  @Test
  void versionNamesMotorLearnJavaAndNd4j() {
    CliRun run = CliRun.in(folder, "--version");
    assertEquals(ExitCode.OK, run.exitCode());
    List<String> lines = run.out().lines().toList();
    assertEquals(3, lines.size(), run::toString);
    assertTrue(lines.get(0).matches("MotorLearn \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(revision ([0-9a-f]{12}(-dirty)?|unknown)\\)"),
        lines.get(0));
    assertEquals("Java " + System.getProperty("java.version"), lines.get(1).substring(0, lines.get(1).indexOf(" (")));
    assertTrue(lines.get(2).startsWith("ND4J "), lines.get(2));
  }

  @Test
  void helpOnEveryCommand() {
    CliRun top = CliRun.in(folder, "--help");
    assertEquals(ExitCode.OK, top.exitCode());
    assertTrue(top.out().startsWith("Usage: motorlearn [-hV] [--no-color] [COMMAND]"), top::toString);
    for (String command : new Main(System.out, System.err, folder).commandLine().getSubcommands().keySet()) {
      CliRun run = CliRun.in(folder, command, "--help");
      assertEquals(ExitCode.OK, run.exitCode(), run::toString);
      assertTrue(run.out().startsWith("Usage: motorlearn " + command + " "), run::toString);
      assertTrue(run.out().contains("--help"), run::toString);
      assertEquals("", run.err());
    }
  }

  @Test
  void languageServerMissingIsThreeWithClearMessage() {
    // this module's tests have Xtext's server but not org.motorlearn.dsl.ide on the class path
    CliRun run = CliRun.in(folder, "lsp");
    assertEquals(ExitCode.RUNTIME_FAILURE, run.exitCode());
    assertEquals("error: the language server is not on the class path (missing org.motorlearn.dsl.ide.MotorLearnIdeSetup "
        + "from module org.motorlearn.dsl.ide); start MotorLearn with the ./motorlearn script, which builds that module "
        + "and puts it there\n", run.err());
  }

  @Command(name = "boom")
  static final class Boom implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new IllegalStateException("kaboom");
    }
  }

  @Test
  void internalErrorIsOneLineAndATraceFile() throws IOException {
    Path reports = folder.resolve("reports");
    CliRun.Capture capture = new CliRun.Capture(folder, false);
    capture.main.reportInternalErrorsTo(reports);
    capture.commandLine.addSubcommand(new Boom());
    CliRun run = CliRun.with(capture, "boom");
    assertEquals(ExitCode.RUNTIME_FAILURE, run.exitCode());
    List<Path> traces;
    try (Stream<Path> files = Files.list(reports)) {
      traces = files.toList();
    }
    assertEquals(1, traces.size());
    assertEquals("error: internal error (java.lang.IllegalStateException: kaboom); the full trace is in " + traces.get(0)
        + ". Please report it with that file.\n", run.err());
    String trace = Files.readString(traces.get(0));
    assertTrue(trace.startsWith("motorlearn boom\nMotorLearn "), trace);
    assertTrue(trace.contains("java.lang.IllegalStateException: kaboom\n\tat "), trace);
  }

  @Command(name = "readonly")
  static final class ReadOnly implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new java.io.UncheckedIOException("cannot update /shared/sweep/sweep.json: Read-only file system",
          new IOException("Read-only file system"));
    }
  }

  @Test
  void aFileSystemThatRefusesIsAnIoErrorNotAnInternalOne() throws IOException {
    Path reports = folder.resolve("reports");
    CliRun.Capture capture = new CliRun.Capture(folder, false);
    capture.main.reportInternalErrorsTo(reports);
    capture.commandLine.addSubcommand(new ReadOnly());
    CliRun run = CliRun.with(capture, "readonly");
    assertEquals(ExitCode.RUNTIME_FAILURE, run.exitCode());
    assertEquals("error: cannot update /shared/sweep/sweep.json: Read-only file system\n", run.err());
    assertFalse(Files.exists(reports), "no trace file for the file system's refusal");
  }

  @Test
  void colourOnlyOnTerminalsAndNeverWithNoColor() throws IOException {
    write("broken.motor", VALID.replace("module A { units 4 }", "module A { units 4 } connect A -> Missing"));
    String escape = "\u001b[";
    assertFalse(CliRun.in(folder, false, "check", "broken.motor").out().contains(escape));
    CliRun terminal = CliRun.in(folder, true, "check", "broken.motor");
    // NO_COLOR in the test environment turns colours off as documented
    assertEquals(System.getenv("NO_COLOR") == null, terminal.out().contains("\u001b[1;31merror\u001b[0m"), terminal::toString);
    assertFalse(CliRun.in(folder, true, "check", "--no-color", "broken.motor").out().contains(escape));
    assertFalse(CliRun.in(folder, true, "--no-color", "check", "broken.motor").out().contains(escape));
  }
}
