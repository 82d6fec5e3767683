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
 * The environment OpenBLAS reads when it loads, which launchers of a training JVM set.
 *
 * <p>Which kernels the GEMMs run on: OpenBLAS picks them from the CPU's model number, or from the
 * environment variable {@value #VARIABLE}. On virtual machines
 * that report an unknown model it falls back to its generic Prescott (SSE3) kernels: on the
 * development machine (AVX-512, "Intel Xeon Processor") that made a 4096^3 SGEMM run at 65 instead of
 * 320 GFLOP/s and a paper-scale training update take 3.0 instead of 1.1 s. The variable must be set
 * before the JVM starts (Java cannot change its own environment), so every launcher of a run
 * ({@code ./motorlearn}, the sweep executors, the Eclipse launch) sets it from the CPU's feature
 * flags, unless the user already has.
 *
 * <p>How long its idle threads spin: after a multi-threaded call, OpenBLAS's worker threads keep
 * polling for work (yielding) for 2^{@value #THREAD_TIMEOUT} cycles, by default 2^28, a tenth of a
 * second. The engine's float32 training loops run their own threads with single-threaded BLAS
 * ({@code FusedLoops}), and a worker still spinning from the weight-gradient GEMMs took a share of
 * their cores: {@value #TIMEOUT_VARIABLE}={@value #THREAD_TIMEOUT} (under a millisecond, still
 * longer than the gaps between the GEMMs of the general path) made a paper-scale update 6 % faster.
 *
 * <p>Pure Java: safe to use where ND4J must not load (the editor).
 */
public final class BlasEnvironment {

  /** The variable that names OpenBLAS's kernels. */
  public static final String VARIABLE = "OPENBLAS_CORETYPE";
  /** The variable that sets how long OpenBLAS's idle threads spin, as a power of two of cycles. */
  public static final String TIMEOUT_VARIABLE = "OPENBLAS_THREAD_TIMEOUT";
  /** 2^20 cycles, about 0.4 ms. */
  public static final String THREAD_TIMEOUT = "20";

  private static final Set<String> AVX512 = Set.of("avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl");

  private BlasEnvironment() {}

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
          .flatMap(BlasEnvironment::forFlags);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Adds {@value #VARIABLE} and {@value #TIMEOUT_VARIABLE} to the environment of a child JVM that will
   * train, each unless it is already set.
   */
  public static void addTo(Map<String, String> environment) {
    if (!environment.containsKey(VARIABLE)) {
      recommended().ifPresent(type -> environment.put(VARIABLE, type));
    }
    environment.putIfAbsent(TIMEOUT_VARIABLE, THREAD_TIMEOUT);
  }

  /**
   * Shell lines that set {@value #VARIABLE} from the flags of the machine that runs them, and
   * {@value #TIMEOUT_VARIABLE}, each unless it is set (batch scripts run on cluster nodes, whose CPUs
   * the submitting machine does not know).
   */
  public static String shellLines() {
    return String.join("\n",
        "# OpenBLAS's idle threads stop spinning after 2^" + THREAD_TIMEOUT
            + " cycles, not 2^28: the engine's training loops need the cores.",
        "export " + TIMEOUT_VARIABLE + "=\"${" + TIMEOUT_VARIABLE + ":-" + THREAD_TIMEOUT + "}\"",
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

  /** For the run manifest: the kernels asked for, or that OpenBLAS chose by itself, and the thread timeout. */
  public static String describe() {
    String set = System.getenv(VARIABLE);
    String timeout = System.getenv(TIMEOUT_VARIABLE);
    return (set == null || set.isBlank() ? "OpenBLAS kernels auto-detected (" + VARIABLE + " not set)"
        : "OpenBLAS kernels " + set + " (" + VARIABLE + ")")
        + (timeout == null || timeout.isBlank() ? "" : ", idle threads spin 2^" + timeout + " cycles (" + TIMEOUT_VARIABLE + ")");
  }

  /**
   * A warning when this JVM was started without {@value #VARIABLE} on a CPU that has a recommended
   * core type (OpenBLAS may then be on its slow generic kernels); empty otherwise.
   */
  public static Optional<String> warning() {
    return warning(System.getenv(VARIABLE), recommended());
  }

  /** Only the kernels warrant a warning: the thread timeout costs a few per cent, the kernels up to 5x. */
  static Optional<String> warning(String current, Optional<String> recommended) {
    if (current != null && !current.isBlank()) {
      return Optional.empty();
    }
    return recommended.map(type -> VARIABLE + " is not set, so OpenBLAS picks its kernels from the CPU model, and on"
        + " virtual machines that often means its slow generic ones (5x slower GEMMs on the development machine);"
        + " start Java with " + VARIABLE + "=" + type + " " + TIMEOUT_VARIABLE + "=" + THREAD_TIMEOUT
        + " for this CPU (./motorlearn does)");
  }
}
