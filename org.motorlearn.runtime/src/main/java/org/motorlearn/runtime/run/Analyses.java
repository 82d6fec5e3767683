package org.motorlearn.runtime.run;

import java.util.Map;
import org.motorlearn.runtime.analysis.Analyzer;
import org.motorlearn.runtime.engine.Activity;
import org.motorlearn.runtime.engine.Weights;
import org.motorlearn.runtime.rng.RandomStreams;
import org.motorlearn.runtime.spec.AnalysisSpec;
import org.motorlearn.runtime.spec.Experiment;
import org.motorlearn.runtime.spec.PhaseSpec;
import org.motorlearn.runtime.task.TrialSet;

/** Runs one comparison of an analysis (baseline vs one adapted phase) through analysis.Analyzer. */
final class Analyses {

  private Analyses() {}

  static Map<String, Object> compare(Experiment experiment, AnalysisSpec analysis, Activity baseline, TrialSet baselineTest,
      Weights baselineWeights, Activity adapted, TrialSet adaptedTest, Weights adaptedWeights, PhaseSpec adaptedPhase,
      RandomStreams streams) {
    return Analyzer.run();
  }
}
