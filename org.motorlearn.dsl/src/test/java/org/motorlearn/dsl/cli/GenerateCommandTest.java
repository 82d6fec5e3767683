package org.motorlearn.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code motorlearn generate}: the generator's files are written and listed; a spec with errors writes nothing. */
class GenerateCommandTest {

  @TempDir
  Path folder;

  @Test
  void listsExactlyTheFilesWritten() throws IOException {
    assertEquals(ExitCode.OK, CliRun.in(folder, "new", "Pilot").exitCode());
    CliRun run = CliRun.in(folder, "generate", "Pilot.motor", "-o", "gen");
    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    List<String> onDisk;
    try (Stream<Path> files = Files.walk(folder.resolve("gen"))) {
      onDisk = files.filter(Files::isRegularFile).map(f -> "wrote " + folder.relativize(f).toString().replace('\\', '/'))
          .sorted().toList();
    }
    List<String> lines = run.out().lines().toList();
    assertEquals(onDisk, lines.subList(0, lines.size() - 1).stream().sorted().toList());
    assertEquals(onDisk.size() + (onDisk.size() == 1 ? " file" : " files") + " written to gen", lines.get(lines.size() - 1));
  }

  @Test
  void specErrorsWriteNothing() throws IOException {
    Files.writeString(folder.resolve("broken.motor"), "experiment E { network N { connect A -> B } }\n");
    CliRun run = CliRun.in(folder, "generate", "broken.motor", "-o", "gen");
    assertEquals(ExitCode.SPEC_ERRORS, run.exitCode(), run::toString);
    assertEquals("", run.out());
    assertTrue(run.err().contains("error: unknown module 'A'; there are no modules in the network here [unresolvedReference]\n"
        + " --> broken.motor:1:36\n"), run::toString);
    assertTrue(run.err().endsWith("error: 4 errors in 1 file; nothing was generated (`motorlearn check` lists them again)\n"),
        run::toString);
    assertFalse(Files.exists(folder.resolve("gen")));
  }

  @Test
  void outputMustBeAFolder() throws IOException {
    assertEquals(ExitCode.OK, CliRun.in(folder, "new", "Pilot").exitCode());
    Files.writeString(folder.resolve("gen"), "a file");
    CliRun run = CliRun.in(folder, "generate", "Pilot.motor", "-o", "gen");
    assertEquals(ExitCode.USAGE, run.exitCode());
    assertEquals("error: gen is a file; -o needs a folder\n", run.err());
  }
}
