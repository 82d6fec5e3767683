package org.motorlearn.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code motorlearn check} output compared with golden files (src/test/resources/cli/check, see its
 * README). {@code -Dmotorlearn.updateGolden=true} rewrites the golden files from the actual output
 * instead of comparing; the test then fails once so an update is never mistaken for a pass.
 */
class CheckGoldenTest {

  private static final boolean UPDATE = Boolean.getBoolean("motorlearn.updateGolden");

  /** The copied test resources: the working directory of every run, so files print as check/NAME.motor. */
  static Path cliResources() {
    try {
      return Path.of(CheckGoldenTest.class.getResource("/cli").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String> cases() throws IOException {
    try (Stream<Path> files = Files.list(cliResources().resolve("check"))) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".motor"))
          .map(n -> n.substring(0, n.length() - ".motor".length())).sorted().toList();
    }
  }

  @TestFactory
  Stream<DynamicTest> text() throws IOException {
    return cases().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
      CliRun run = CliRun.in(cliResources(), "check", "check/" + name + ".motor");
      assertEquals(ExitCode.SPEC_ERRORS, run.exitCode(), run::toString);
      assertEquals("", run.err());
      compare(name + ".txt", run.out());
    }));
  }

  @TestFactory
  Stream<DynamicTest> json() throws IOException {
    return cases().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
      CliRun run = CliRun.in(cliResources(), "check", "--json", "check/" + name + ".motor");
      assertEquals(ExitCode.SPEC_ERRORS, run.exitCode(), run::toString);
      assertEquals("", run.err());
      compare(name + ".json", run.out());
    }));
  }

  /** Several files: the diagnostics of each in order, one count at the end. */
  @Test
  void severalFilesAreCountedTogether() throws IOException {
    CliRun run = CliRun.in(cliResources(), "check", "check/tabs.motor", "check/unresolved.motor");
    assertEquals(ExitCode.SPEC_ERRORS, run.exitCode(), run::toString);
    String tabs = withoutSummary(CliRun.in(cliResources(), "check", "check/tabs.motor").out());
    String unresolved = withoutSummary(CliRun.in(cliResources(), "check", "check/unresolved.motor").out());
    long errors = (tabs + unresolved).lines().filter(l -> l.startsWith("error: ")).count();
    long warnings = (tabs + unresolved).lines().filter(l -> l.startsWith("warning: ")).count();
    assertEquals(tabs + unresolved + errors + " errors, " + warnings + " warnings in 2 files\n", run.out());
  }

  private static String withoutSummary(String output) {
    String trimmed = output.substring(0, output.length() - 1);
    return trimmed.substring(0, trimmed.lastIndexOf('\n') + 1);
  }

  private static void compare(String goldenName, String actual) throws IOException {
    // surefire runs in the module folder; the golden files' sources are updated there, not the copies
    Path source = Path.of("src/test/resources/cli/check").resolve(goldenName);
    if (UPDATE) {
      Files.writeString(source, actual, StandardCharsets.UTF_8);
      throw new AssertionError("golden file " + source + " updated; run again without -Dmotorlearn.updateGolden");
    }
    assertTrue(Files.exists(source), () -> "no golden file " + source + "; create it with -Dmotorlearn.updateGolden=true:\n"
        + actual);
    assertEquals(Files.readString(source, StandardCharsets.UTF_8), actual, goldenName);
  }
}
