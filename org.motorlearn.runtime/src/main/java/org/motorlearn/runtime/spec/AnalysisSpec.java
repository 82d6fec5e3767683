package org.motorlearn.runtime.spec;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Comparison of a baseline phase (on the plain task's test trials) with adapted phases (each on its
 * own perturbation's test trials, same cues), following MODEL.md section 6.
 *
 * @param windowStart first bin of the analysis window relative to each trial's go bin (-60)
 * @param windowEnd end of the window relative to go, exclusive (+60): bins go-60 .. go+59
 * @param noiseScale synaptic-noise std as a multiple of std(dW) (10 in the paper)
 * @param noiseRepeats independent noise draws averaged in the robustness analysis
 * @param pcaComponents components kept for PCA and principal angles
 */
public record AnalysisSpec(
    String baseline,
    List<String> compared,
    List<String> modules,
    int windowStart,
    int windowEnd,
    Set<Metric> metrics,
    double noiseScale,
    int noiseRepeats,
    int pcaComponents) {

  public enum Metric {
    /** MSE, RMSE and angular endpoint error on the test trials; learning curves. */
    BEHAVIOUR,
    /** Median normalised change of the PSTHs (%). */
    ACTIVITY,
    /** 1 - correlation of the PSTH covariance matrices. */
    COVARIANCE,
    /** Median relative weight change (%) per matrix. */
    WEIGHTS,
    /** Participation ratio of the singular values of dW per matrix. */
    DIMENSIONALITY,
    /** Principal components of the PSTHs (variance explained, trajectories). */
    PCA,
    /** Principal angles between baseline and adapted PCA subspaces. */
    ANGLES,
    /** Robustness of the adapted weights to synaptic noise. */
    NOISE
  }

  public AnalysisSpec {
    SpecException.require(baseline != null, "analysis: the baseline phase is missing");
    compared = List.copyOf(compared);
    modules = List.copyOf(modules);
    metrics = metrics.isEmpty() ? EnumSet.noneOf(Metric.class) : EnumSet.copyOf(metrics);
    SpecException.require(!compared.isEmpty(), "analysis: compare " + baseline + " with at least one phase");
    SpecException.require(windowStart < windowEnd,
        "analysis: the window " + windowStart + ".." + windowEnd + " bins around go is empty");
    SpecException.require(noiseScale >= 0, "analysis: noise scale must be >= 0");
    SpecException.require(noiseRepeats > 0, "analysis: noise repeats must be positive");
    SpecException.require(pcaComponents > 0, "analysis: PCA components must be positive");
  }

  /** The paper's analysis: window go-60..go+59, all metrics, noise 10 x std(dW), 10 components. */
  public static AnalysisSpec reference(String baseline, List<String> compared, List<String> modules) {
    return new AnalysisSpec(baseline, compared, modules, -60, 60, EnumSet.allOf(Metric.class), 10, 1, 10);
  }
}
