package org.motorlearn.runtime.run;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.motorlearn.runtime.analysis.AnalysisInput;
import org.motorlearn.runtime.analysis.Analyzer;
import org.motorlearn.runtime.spec.AnalysisSpec;
import org.motorlearn.runtime.spec.Experiment;
import org.motorlearn.runtime.spec.ReadoutSpec;
import org.motorlearn.runtime.task.TrialSet;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Runs an analysis block through {@link Analyzer} and splits its result into one tree per compared
 * phase: {@code analysis/<baseline>-vs-<phase>.json}.
 */
final class Analyses {

  private Analyses() {}

  /**
   * @param phases what each named phase produced (its test trials under its perturbation, activity,
   *     weights at start and end, plastic set, masks)
   * @return per compared phase: baseline, compared, window, modules, the behaviour of both phases and
   *     every metric of the comparison
   */
  static Map<String, Map<String, Object>> run(Experiment experiment, AnalysisSpec analysis,
      Map<String, AnalysisInput.Phase> phases, org.motorlearn.runtime.rng.RandomStreams streams,
      AnalysisInput.Simulation simulation) {
    // The analysis scores the first readout; its targets are the first columns of the trials' targets.
    ReadoutSpec readout = experiment.network().readouts().get(0);
    Function<TrialSet, TrialSet> firstReadout = t -> t.targets().size(2) == readout.dimension() ? t
        : new TrialSet(t.inputs(), t.targets().get(NDArrayIndex.all(), NDArrayIndex.all(),
            NDArrayIndex.interval(0, readout.dimension())).dup(), t.targetIds(), t.cueBins(), t.goBins());
    Map<String, AnalysisInput.Phase> inputs = new LinkedHashMap<>();
    for (String name : phaseNames(analysis)) {
      AnalysisInput.Phase p = phases.get(name);
      inputs.put(name, new AnalysisInput.Phase(firstReadout.apply(p.testTrials()), p.activity(), p.weightsBefore(),
          p.weightsAfter(), p.plastic(), p.masks()));
    }
    AnalysisInput input = new AnalysisInput(experiment.task().targets(), experiment.loss().fromBin(), readout.name(), inputs,
        streams, simulation);
    Map<String, Object> result = Analyzer.run(analysis, input);

    @SuppressWarnings("unchecked")
    Map<String, Object> behaviour = (Map<String, Object>) result.get("behaviour");
    @SuppressWarnings("unchecked")
    Map<String, Object> compared = (Map<String, Object>) result.get("compared");
    Map<String, Map<String, Object>> split = new LinkedHashMap<>();
    for (String name : analysis.compared()) {
      Map<String, Object> tree = new LinkedHashMap<>();
      tree.put("baseline", analysis.baseline());
      tree.put("compared", name);
      tree.put("readout", readout.name());
      tree.put("window", result.get("window"));
      tree.put("modules", result.get("modules"));
      if (behaviour != null) {
        Map<String, Object> both = new LinkedHashMap<>();
        both.put(analysis.baseline(), behaviour.get(analysis.baseline()));
        both.put(name, behaviour.get(name));
        tree.put("behaviour", both);
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> metrics = (Map<String, Object>) compared.get(name);
      tree.putAll(metrics);
      split.put(name, tree);
    }
    return split;
  }

  private static Set<String> phaseNames(AnalysisSpec analysis) {
    Set<String> names = new java.util.LinkedHashSet<>();
    names.add(analysis.baseline());
    names.addAll(analysis.compared());
    return names;
  }
}
