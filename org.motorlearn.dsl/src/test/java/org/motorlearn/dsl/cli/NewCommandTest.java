package org.motorlearn.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** {@code motorlearn new}: every template gives a spec that passes check; nothing is ever overwritten. */
class NewCommandTest {

  @TempDir
  Path folder;

  @TestFactory
  Stream<DynamicTest> everyTemplatePassesCheckAndIsFormatted() {
    return Arrays.stream(NewCommand.Template.values()).map(template -> DynamicTest.dynamicTest(template.name(), () -> {
      String name = "My_" + template.name();
      CliRun created = CliRun.in(folder, "new", name, "--template", template.name(), "-o", "specs");
      assertEquals(ExitCode.OK, created.exitCode(), created::toString);
      assertEquals("created specs/" + name + ".motor from template " + template.name() + " (" + template.description
          + ")\nnext: motorlearn check specs/" + name + ".motor\n      motorlearn run specs/" + name + ".motor\n",
          created.out());
      String text = Files.readString(folder.resolve("specs/" + name + ".motor"));
      assertTrue(text.contains("experiment " + name + " {"), text);
      assertTrue(!text.contains("{{"), text);

      CliRun checked = CliRun.in(folder, "check", "specs/" + name + ".motor");
      assertEquals(ExitCode.OK, checked.exitCode(), checked::toString);
      assertEquals("0 errors, 0 warnings in 1 file\n", checked.out(), checked::toString);

      // a new spec is already laid out as the formatter would
      CliRun formatted = CliRun.in(folder, "format", "--check", "specs/" + name + ".motor");
      assertEquals(ExitCode.OK, formatted.exitCode(), formatted::toString);
    }));
  }

  @Test
  void quickstartIsTheDefaultAndTheCurrentFolderTheDefaultPlace() throws IOException {
    CliRun run = CliRun.in(folder, "new", "Pilot");
    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    assertEquals(NewCommand.Template.quickstart.text().replace("{{NAME}}", "Pilot"),
        Files.readString(folder.resolve("Pilot.motor")));
  }

  @Test
  void anExistingFileIsNeverOverwritten() throws IOException {
    Files.writeString(folder.resolve("Pilot.motor"), "my work");
    CliRun run = CliRun.in(folder, "new", "Pilot", "--template", "blank");
    assertEquals(ExitCode.USAGE, run.exitCode());
    assertEquals("error: Pilot.motor already exists; choose another NAME or -o folder (motorlearn never overwrites a spec)\n",
        run.err());
    assertEquals("my work", Files.readString(folder.resolve("Pilot.motor")));

    CliRun intoAFile = CliRun.in(folder, "new", "Other", "-o", "Pilot.motor");
    assertEquals(ExitCode.USAGE, intoAFile.exitCode());
    assertEquals("error: -o Pilot.motor: Pilot.motor is a file, not a folder\n", intoAFile.err());
  }

  @Test
  void namesMustBeIdentifiersAndNotKeywords() {
    CliRun digit = CliRun.in(folder, "new", "30deg");
    assertEquals(ExitCode.USAGE, digit.exitCode());
    assertEquals("error: '30deg' is not a valid experiment name: use letters, digits and _, starting with a letter or _ "
        + "(for example VR30_pilot)\n", digit.err());
    CliRun keyword = CliRun.in(folder, "new", "phase");
    assertEquals(ExitCode.USAGE, keyword.exitCode());
    assertEquals("error: 'phase' is a keyword of the language; choose another experiment name\n", keyword.err());
  }

  @Test
  void unknownTemplateIsAUsageError() {
    CliRun run = CliRun.in(folder, "new", "Pilot", "--template", "fancy");
    assertEquals(ExitCode.USAGE, run.exitCode());
    assertTrue(run.err().startsWith("error: Invalid value for option '--template': expected one of "
        + "[quickstart, feulner2022, blank] (case-insensitive) but was 'fancy'\n"), run::toString);
  }
}
