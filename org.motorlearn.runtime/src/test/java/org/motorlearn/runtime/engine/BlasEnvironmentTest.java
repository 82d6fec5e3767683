package org.motorlearn.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenBLAS environment (kernels chosen from a CPU's flags, thread timeout), in Java and in the launchers' shell lines. */
class BlasEnvironmentTest {

  private static final String SKYLAKE_X = "fpu sse sse2 avx avx2 fma avx512f avx512dq avx512cd avx512bw avx512vl";
  private static final String HASWELL = "fpu sse sse2 avx avx2 fma bmi2";
  private static final String OLD = "fpu sse sse2 sse4_2 avx";
  /** AVX-512 foundation alone (a Xeon Phi): not enough for OpenBLAS's SkylakeX kernels. */
  private static final String PARTIAL = "fpu sse avx avx2 fma avx512f avx512cd";

  @Test
  void theFlagsNameTheWidestKernelsTheCpuRuns() {
    assertEquals(Optional.of("SkylakeX"), BlasEnvironment.forFlags(flags(SKYLAKE_X)));
    assertEquals(Optional.of("Haswell"), BlasEnvironment.forFlags(flags(HASWELL)));
    assertEquals(Optional.of("Haswell"), BlasEnvironment.forFlags(flags(PARTIAL)));
    assertEquals(Optional.empty(), BlasEnvironment.forFlags(flags(OLD)));
  }

  @Test
  void aChildEnvironmentGetsTheRecommendationButKeepsTheUsersChoice() {
    Map<String, String> environment = new HashMap<>();
    BlasEnvironment.addTo(environment);
    assertEquals(BlasEnvironment.recommended().orElse(null), environment.get(BlasEnvironment.VARIABLE));
    assertEquals("20", environment.get(BlasEnvironment.TIMEOUT_VARIABLE));
    Map<String, String> chosen = new HashMap<>(Map.of(BlasEnvironment.VARIABLE, "Sandybridge",
        BlasEnvironment.TIMEOUT_VARIABLE, "28"));
    BlasEnvironment.addTo(chosen);
    assertEquals("Sandybridge", chosen.get(BlasEnvironment.VARIABLE));
    assertEquals("28", chosen.get(BlasEnvironment.TIMEOUT_VARIABLE));
  }

  @Test
  void aRunWithoutTheVariableIsWarnedWhatToSet() {
    String warning = BlasEnvironment.warning(null, Optional.of("SkylakeX")).orElseThrow();
    assertTrue(warning.contains("OPENBLAS_CORETYPE=SkylakeX"), warning);
    assertEquals(Optional.empty(), BlasEnvironment.warning("Haswell", Optional.of("SkylakeX")), "the user's choice stands");
    assertEquals(Optional.empty(), BlasEnvironment.warning(null, Optional.empty()), "nothing to recommend");
  }

  @Test
  void theShellLinesAgreeWithTheJavaChoice(@TempDir Path dir) throws Exception {
    for (String cpu : new String[] {SKYLAKE_X, HASWELL, OLD, PARTIAL}) {
      Path cpuinfo = dir.resolve("cpuinfo");
      Files.writeString(cpuinfo, "processor\t: 0\nflags\t\t: " + cpu + "\nbugs\t\t: spectre\n");
      String script = BlasEnvironment.shellLines().replace("/proc/cpuinfo", cpuinfo.toString())
          + "\necho \"${" + BlasEnvironment.VARIABLE + ":-none}\"\n";
      assertEquals(BlasEnvironment.forFlags(flags(cpu)).orElse("none"), bash(script, Map.of()), cpu);
    }
    Files.writeString(dir.resolve("cpuinfo"), "flags\t\t: " + SKYLAKE_X + "\n");
    String script = BlasEnvironment.shellLines().replace("/proc/cpuinfo", dir.resolve("cpuinfo").toString())
        + "\necho \"$" + BlasEnvironment.VARIABLE + "\"\n";
    assertEquals("Zen", bash(script, Map.of(BlasEnvironment.VARIABLE, "Zen")), "a value the user set stays");
    String timeout = BlasEnvironment.shellLines().replace("/proc/cpuinfo", dir.resolve("cpuinfo").toString())
        + "\necho \"$" + BlasEnvironment.TIMEOUT_VARIABLE + "\"\n";
    assertEquals("20", bash(timeout, Map.of()));
    assertEquals("30", bash(timeout, Map.of(BlasEnvironment.TIMEOUT_VARIABLE, "30")), "a value the user set stays");
  }

  @Test
  void theLauncherSetsTheKernelsWithTheSameLines() throws IOException {
    Path launcher = Path.of("..", "motorlearn");
    assertTrue(Files.readString(launcher).contains(BlasEnvironment.shellLines()),
        "./motorlearn must contain BlasEnvironment.shellLines() verbatim (update the launcher when they change)");
  }

  private static Set<String> flags(String line) {
    return Set.of(line.split(" "));
  }

  private static String bash(String script, Map<String, String> environment) throws Exception {
    ProcessBuilder builder = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true);
    builder.environment().remove(BlasEnvironment.VARIABLE);
    builder.environment().remove(BlasEnvironment.TIMEOUT_VARIABLE);
    builder.environment().putAll(environment);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertEquals(0, process.waitFor(), output);
    return output;
  }
}
