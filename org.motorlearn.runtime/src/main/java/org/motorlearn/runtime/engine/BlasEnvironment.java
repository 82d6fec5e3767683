package org.motorlearn.runtime.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which OpenBLAS kernels the GEMMs run on. OpenBLAS picks its kernels when the library loads, from
 * the CPU's model number, or from the environment variable {@value #VARIABLE}. On virtual machines
 * that report an unknown model it falls back to its generic Prescott (SSE3) kernels: on the
 * development machine (AVX-512, "Intel Xeon Processor") that made a 4096^3 SGEMM run at 65 instead of
 * 320 GFLOP/s and a paper-scale training update take 3.0 instead of 1.1 s. The variable must be set
 * before the JVM starts (Java cannot change its own environment), so every launcher of a run
 * ({@code ./motorlearn}, the sweep executors, the Eclipse launch) sets it from the CPU's feature
 * flags, unless the user already has. Pure Java: safe to use where ND4J must not load (the editor).
 */
public final class BlasCore {

  /** The variable OpenBLAS reads. */
  public static final String VARIABLE = "OPENBLAS_CORETYPE";

  private static final Set<String> AVX512 = Set.of("avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl");

  private BlasCore() {}

  /**
   * The OpenBLAS core type for a CPU with these feature flags (as /proc/cpuinfo lists them):
   * SkylakeX with AVX-512 (F, CD, BW, DQ and VL, as its kernels need), Haswell with AVX2 and FMA, else
   * none (leave the choice to OpenBLAS).
   */
  static Optional<String> forFlags(Set<String> flags) {
    if (flags.containsAll(AVX512)) {
      return Optional.of("SkylakeX");
    }
    if (flags.contains("avx2") && flags.contains("fma")) {
      return Optional.of("Haswell");
    }
    return Optional.empty();
  }

  /** The core type for this machine's CPU; empty where its flags cannot be read (not Linux). */
  public static Optional<String> recommended() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(line -> line.startsWith("flags"))
          .findFirst()
          .map(line -> Arrays.stream(line.substring(line.indexOf(':') + 1).trim().split("\\s+")).collect(Collectors.toSet()))
          .flatMap(BlasCore::forFlags);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Adds {@value #VARIABLE} to the environment of a child JVM that will train, unless it is already set. */
  public static void addTo(Map<String, String> environment) {
    if (!environment.containsKey(VARIABLE)) {
      recommended().ifPresent(type -> environment.put(VARIABLE, type));
    }
  }

  /**
   * Shell lines that set {@value #VARIABLE} from the flags of the machine that runs them, unless it is
   * set (batch scripts run on cluster nodes, whose CPUs the submitting machine does not know).
   */
  public static String shellLines() {
    return String.join("\n",
        "# OpenBLAS may not recognise the CPU (virtual machines) and fall back to slow generic kernels:",
        "# name its kernels from the CPU's feature flags, unless " + VARIABLE + " is set already.",
        "if [ -z \"${" + VARIABLE + ":-}\" ] && [ -r /proc/cpuinfo ]; then",
        "  cpu_flags=\" $(grep -m1 '^flags' /proc/cpuinfo) \"",
        "  cpu_has() { for f in \"$@\"; do case \"$cpu_flags\" in *\" $f \"*) ;; *) return 1 ;; esac; done; }",
        "  if cpu_has avx512f avx512cd avx512bw avx512dq avx512vl; then export " + VARIABLE + "=SkylakeX",
        "  elif cpu_has avx2 fma; then export " + VARIABLE + "=Haswell",
        "  fi",
        "fi");
  }

  /** For the run manifest: the kernels asked for, or that OpenBLAS chose by itself. */
  public static String describe() {
    String set = System.getenv(VARIABLE);
    return set == null || set.isBlank() ? "OpenBLAS kernels auto-detected (" + VARIABLE + " not set)"
        : "OpenBLAS kernels " + set + " (" + VARIABLE + ")";
  }

  /**
   * A warning when this JVM was started without {@value #VARIABLE} on a CPU that has a recommended
   * core type (OpenBLAS may then be on its slow generic kernels); empty otherwise.
   */
  public static Optional<String> warning() {
    return warning(System.getenv(VARIABLE), recommended());
  }

  static Optional<String> warning(String current, Optional<String> recommended) {
    if (current != null && !current.isBlank()) {
      return Optional.empty();
    }
    return recommended.map(type -> VARIABLE + " is not set, so OpenBLAS picks its kernels from the CPU model, and on"
        + " virtual machines that often means its slow generic ones (5x slower GEMMs on the development machine);"
        + " start Java with " + VARIABLE + "=" + type + " for this CPU (./motorlearn does)");
  }
}
