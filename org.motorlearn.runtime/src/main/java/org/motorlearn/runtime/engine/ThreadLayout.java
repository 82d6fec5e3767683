package org.motorlearn.runtime.engine;

import org.nd4j.linalg.factory.Nd4j;

/**
 * How the engine uses the cores. Measured here (docs/performance.md, TOOLCHAIN.md): ND4J's default of
 * as many OpenMP threads as BLAS threads is slower and collapses under load; one OpenMP thread for
 * ND4J's element-wise ops and all cores for BLAS (the GEMMs, which hold almost all the FLOPs) is
 * fastest. Training a float32 tanh network splits its time loops over as many Java threads instead
 * ({@link FusedLoops}). Results are bitwise reproducible for a fixed layout; changing the BLAS thread count
 * changes the rounding of GEMM sums, and so do OpenBLAS's kernels ({@link BlasEnvironment}). Denormals are NOT flushed to zero (ND4J has no switch): arrays
 * that decay into the denormal range make GEMMs very slow.
 */
public final class ThreadLayout {

  private final int blasThreads;
  private final int ompThreads;
  private final int cores;
  private final String blasVendor;

  private ThreadLayout(int blasThreads, int ompThreads, int cores, String blasVendor) {
    this.blasThreads = blasThreads;
    this.ompThreads = ompThreads;
    this.cores = cores;
    this.blasVendor = blasVendor;
  }

  /**
   * Sets BLAS threads to {@code threads} (0 = all available cores) and ND4J's OpenMP threads to 1;
   * process-wide, so call it once before training.
   */
  public static synchronized ThreadLayout apply(int threads) {
    if (threads < 0) {
      throw new IllegalArgumentException("threads must be >= 0 (0 = all cores), got " + threads);
    }
    int cores = Runtime.getRuntime().availableProcessors();
    int blas = threads == 0 ? cores : threads;
    Nd4j.getEnvironment().setMaxMasterThreads(1);
    Nd4j.getEnvironment().setMaxThreads(1);
    Nd4j.factory().blas().setMaxThreads(blas);
    return current();
  }

  /**
   * A warning when {@code threads} asks for more BLAS threads than the machine has cores: the threads
   * then take turns on the cores (the training loops' spinning team most of all), so the run is slower
   * than with as many threads as cores.
   */
  public static java.util.Optional<String> oversubscription(int threads) {
    int cores = Runtime.getRuntime().availableProcessors();
    if (threads <= cores) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(threads + " threads were asked for but only " + cores + " cores are available, so the"
        + " threads take turns and the run is slower than with " + cores + "; ask for at most " + cores
        + " (results depend on the thread count: keep it fixed to reproduce a run)");
  }

  /** The layout in effect now, as ND4J reports it. */
  public static ThreadLayout current() {
    return new ThreadLayout(Nd4j.factory().blas().getMaxThreads(), Nd4j.getEnvironment().maxThreads(),
        Runtime.getRuntime().availableProcessors(), String.valueOf(Nd4j.factory().blas().getBlasVendor()));
  }

  public int blasThreads() {
    return blasThreads;
  }

  public int ompThreads() {
    return ompThreads;
  }

  /** One line for the run manifest. */
  public String describe() {
    return "BLAS (" + blasVendor + ") " + blasThreads + " thread" + (blasThreads == 1 ? "" : "s") + ", ND4J OpenMP "
        + ompThreads + " thread" + (ompThreads == 1 ? "" : "s") + ", " + cores + " cores available; backend "
        + Nd4j.getBackend().getClass().getSimpleName() + "; " + BlasEnvironment.describe()
        + "; float32 tanh training loops on min(" + blasThreads + ", units / " + Layout.MIN_SHARE
        + ") threads; denormals not flushed";
  }
}
