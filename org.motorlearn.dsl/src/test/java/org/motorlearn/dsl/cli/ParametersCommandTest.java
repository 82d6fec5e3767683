package org.motorlearn.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motorlearn.dsl.generator.GeneratedExperiment;
import org.motorlearn.runtime.spec.Parameters;

class ParametersCommandTest {

  @TempDir
  Path folder;

  /** The table's rows: parameter -> [value, unit, written at]. */
  private static Map<String, List<String>> rows(String out) {
    Map<String, List<String>> rows = new LinkedHashMap<>();
    List<String> lines = out.lines().toList();
    for (String line : lines.subList(2, lines.size())) {
      String[] cells = line.trim().split(" +");
      rows.put(cells[0], cells.length == 4 ? List.of(cells[1], cells[2], cells[3]) : List.of(cells[1], "", cells[2]));
    }
    return rows;
  }

  @Test
  void everyParameterIsListedWithItsValueUnitAndPlace() throws Exception {
    Files.writeString(folder.resolve("tiny.motor"), RunCommandTest.TINY);
    CliRun run = CliRun.in(folder, "parameters", "tiny.motor");
    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    List<String> lines = run.out().lines().toList();
    assertTrue(lines.get(0).matches("experiment Tiny \\(tiny\\.motor\\): \\d+ parameters"), lines.get(0));
    assertEquals(List.of("parameter", "value", "unit", "written", "at"), List.of(lines.get(1).trim().split(" +")));
    Map<String, List<String>> rows = rows(run.out());
    assertEquals(List.of("6", "", "4:22"), rows.get("N.A.units"));
    assertEquals(List.of("10", "ms", "3:8"), rows.get("N.dt"));
    assertEquals(List.of("0.01", "", "13:39"), rows.get("initial.lr"));
    assertEquals(List.of("50", "ms", "default"), rows.get("N.A.tau"));
    assertEquals(List.of("1e-8", "", "default"), rows.get("initial.eps"));
    assertEquals(List.of("-100", "ms", "16:54"), rows.get("analysis.window.min"));
  }

  @Test
  void theListIsWhatTheGeneratedCodeAsksFor() throws Exception {
    Path spec = Files.writeString(folder.resolve("tiny.motor"), RunCommandTest.TINY);
    Map<String, List<String>> rows = rows(CliRun.in(folder, "parameters", "tiny.motor").out());
    XtextResourceSet resources = LanguageInjector.get().getInstance(XtextResourceSet.class);
    Resource resource = resources.getResource(URI.createFileURI(spec.toString()), true);
    Parameters asked = Parameters.defaults();
    GeneratedExperiment.compile(resource, folder).get(0).build(asked);
    assertEquals(asked.used().keySet(), rows.keySet());
    asked.used().forEach((name, value) -> assertEquals(value, Double.parseDouble(rows.get(name).get(0)), 1e-12 * Math.abs(value),
        name));
  }

  @Test
  void sweptParametersShowTheirValuesAndImportedSettingsTheirFile() throws Exception {
    Files.createDirectories(folder.resolve("lib"));
    Files.writeString(folder.resolve("lib/net.motor"), "network N {\n  dt 10 ms\n  module A { units 6 }\n  module B { units 6 }\n"
        + "  input cue (3) -> A\n  connect A -> B\n  readout hand position (2) from B\n}\n");
    int start = RunCommandTest.TINY.indexOf("network N {");
    int end = RunCommandTest.TINY.indexOf("task T");
    String spec = "import \"lib/net.motor\"\n" + RunCommandTest.TINY.substring(0, start) + "network N\n  "
        + RunCommandTest.TINY.substring(end).replace("analysis {", "sweep seed 0..2\n  sweep R.angle in 10, 20 deg\n  analysis {");
    Files.writeString(folder.resolve("swept.motor"), spec);
    CliRun run = CliRun.in(folder, "parameters", "swept.motor");
    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    List<String> lines = run.out().lines().toList();
    assertTrue(lines.get(1).endsWith("swept over"), lines.get(1));
    assertTrue(lines.stream().anyMatch(l -> l.matches("seed +0 +default +0\\.\\.2")), run.out());
    assertTrue(lines.stream().anyMatch(l -> l.matches("R\\.angle +30 +deg +\\d+:\\d+ +10, 20 deg")), run.out());
    assertTrue(lines.stream().anyMatch(l -> l.matches("N\\.A\\.units +6 +lib/net\\.motor:3:20 *")), run.out());
  }

  @Test
  void aSpecWithErrorsListsNothing() throws Exception {
    Files.writeString(folder.resolve("bad.motor"), RunCommandTest.TINY.replace("units 6 }", "units 0 }"));
    CliRun run = CliRun.in(folder, "parameters", "bad.motor");
    assertEquals(ExitCode.SPEC_ERRORS, run.exitCode(), run::toString);
    assertEquals("", run.out());
    assertTrue(run.err().contains("no parameters listed"), run::toString);
  }
}
