package org.motorlearn.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.xtext.resource.XtextResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code motorlearn format}: stdout, --in-place and --check agree with the language's formatter, and a
 * file that does not parse is left alone. (The layout itself is the formatter's and tested there.)
 */
class FormatCommandTest {

  @TempDir
  Path folder;

  private static final String MESSY = """
      experiment   E{seed 0
      network N {dt 10 ms module A{units 4 activation tanh}
      input cue(3)->A readout hand position(2)from A with bias}}
      """;

  private String formatterOutput(String text) throws IOException {
    Path file = Files.writeString(folder.resolve("reference.motor"), text);
    SpecFiles specs = SpecFiles.load(new Console(System.out, System.err, folder, false), java.util.List.of(file.toString()));
    XtextResource resource = specs.requested().get(0);
    String formatted = FormatCommand.format(resource);
    Files.delete(file);
    return formatted;
  }

  @Test
  void printsTheCanonicalLayout() throws IOException {
    Files.writeString(folder.resolve("messy.motor"), MESSY);
    CliRun run = CliRun.in(folder, "format", "messy.motor");
    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    assertEquals("""
        experiment E {
          seed 0

          network N {
            dt 10 ms
            module A { units 4 activation tanh }
            input cue (3) -> A
            readout hand position (2) from A with bias
          }
        }
        """, run.out());
  }

  @Test
  void printsTheFormattedTextAndLeavesTheFileAlone() throws IOException {
    Files.writeString(folder.resolve("messy.motor"), MESSY);
    CliRun run = CliRun.in(folder, "format", "messy.motor");
    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    assertEquals(formatterOutput(MESSY), run.out());
    assertEquals(MESSY, Files.readString(folder.resolve("messy.motor")));
  }

  @Test
  void inPlaceRewritesAndCheckThenPasses() throws IOException {
    Files.writeString(folder.resolve("messy.motor"), MESSY);
    String expected = formatterOutput(MESSY);
    boolean changes = !expected.equals(MESSY);

    CliRun check = CliRun.in(folder, "format", "--check", "messy.motor");
    assertEquals(changes ? ExitCode.SPEC_ERRORS : ExitCode.OK, check.exitCode(), check::toString);
    assertEquals(changes ? "not formatted: messy.motor\n1 file not formatted; `motorlearn format --in-place` fixes them\n"
        : "all 1 file formatted\n", check.out());

    CliRun inPlace = CliRun.in(folder, "format", "--in-place", "messy.motor");
    assertEquals(ExitCode.OK, inPlace.exitCode(), inPlace::toString);
    assertEquals(changes ? "formatted messy.motor\n" : "", inPlace.out());
    assertEquals(expected, Files.readString(folder.resolve("messy.motor")));

    Files.writeString(folder.resolve("shared.motor"), MESSY);
    var groupWritable = java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-r--");
    Files.setPosixFilePermissions(folder.resolve("shared.motor"), groupWritable);
    assertEquals(ExitCode.OK, CliRun.in(folder, "format", "--in-place", "shared.motor").exitCode());
    assertEquals(groupWritable, Files.getPosixFilePermissions(folder.resolve("shared.motor")), "the spec keeps its mode");

    CliRun again = CliRun.in(folder, "format", "--check", "messy.motor");
    assertEquals(ExitCode.OK, again.exitCode(), again::toString);
    assertEquals("all 1 file formatted\n", again.out());
  }

  @Test
  void aFileWithSyntaxErrorsIsLeftAsItIsAndTheOthersAreFormatted() throws IOException {
    String broken = "experiment E { network N { module A { units 4 } } targets 8 }\n";
    Files.writeString(folder.resolve("broken.motor"), broken);
    CliRun run = CliRun.in(folder, "format", "--in-place", "broken.motor");
    assertEquals(ExitCode.SPEC_ERRORS, run.exitCode(), run::toString);
    assertEquals(broken, Files.readString(folder.resolve("broken.motor")));
    assertEquals("error: 1 file with syntax errors was left as it is (the formatter needs a file that parses): broken.motor",
        run.err().lines().reduce((first, second) -> second).orElseThrow());

    // one unparsable file in a folder does not hold the others back
    Files.writeString(folder.resolve("messy.motor"), MESSY);
    CliRun both = CliRun.in(folder, "format", "--in-place", ".");
    assertEquals(ExitCode.SPEC_ERRORS, both.exitCode(), both::toString);
    assertEquals(formatterOutput(MESSY), Files.readString(folder.resolve("messy.motor")));
    assertEquals(broken, Files.readString(folder.resolve("broken.motor")));
    CliRun check = CliRun.in(folder, "format", "--check", ".");
    assertEquals(ExitCode.SPEC_ERRORS, check.exitCode(), check::toString);
    assertEquals("the file that parses is formatted\n", check.out());
  }

  @Test
  void checkAndInPlaceExcludeEachOtherInOneMessage() throws IOException {
    Files.writeString(folder.resolve("messy.motor"), MESSY);
    CliRun run = CliRun.in(folder, "format", "--check", "--in-place", "messy.motor");
    assertEquals(ExitCode.USAGE, run.exitCode(), run::toString);
    assertTrue(run.err().startsWith("error: --in-place, --check are mutually exclusive"), run.err());
  }

  @Test
  void aFolderMeansEverySpecUnderIt() throws IOException {
    Files.createDirectories(folder.resolve("specs/sub"));
    Files.writeString(folder.resolve("specs/a.motor"), MESSY);
    Files.writeString(folder.resolve("specs/sub/b.motor"), formatterOutput(MESSY));
    CliRun check = CliRun.in(folder, "format", "--check", "specs");
    assertEquals(ExitCode.SPEC_ERRORS, check.exitCode(), check::toString);
    assertEquals("not formatted: specs/a.motor\n1 file not formatted; `motorlearn format --in-place` fixes them\n",
        check.out());
    CliRun print = CliRun.in(folder, "format", "specs");
    assertEquals(ExitCode.USAGE, print.exitCode(), "two files cannot go to stdout: " + print);
    CliRun inPlace = CliRun.in(folder, "format", "--in-place", "specs");
    assertEquals("formatted specs/a.motor\n", inPlace.out(), inPlace::toString);
    CliRun again = CliRun.in(folder, "format", "--check", "specs");
    assertEquals(ExitCode.OK, again.exitCode(), again::toString);
    assertEquals("all 2 files formatted\n", again.out());
  }

  @Test
  void severalFilesNeedInPlaceOrCheck() throws IOException {
    Files.writeString(folder.resolve("a.motor"), MESSY);
    Files.writeString(folder.resolve("b.motor"), MESSY);
    CliRun run = CliRun.in(folder, "format", "a.motor", "b.motor");
    assertEquals(ExitCode.USAGE, run.exitCode());
    assertEquals("error: several files can only be formatted with --in-place or --check\n", run.err());
    CliRun both = CliRun.in(folder, "format", "--in-place", "--check", "a.motor");
    assertEquals(ExitCode.USAGE, both.exitCode(), both::toString);
  }
}
