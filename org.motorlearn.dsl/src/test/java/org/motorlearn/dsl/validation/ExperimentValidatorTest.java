package org.motorlearn.dsl.validation;

import org.junit.jupiter.api.Test;

/** An experiment as a whole. */
class ExperimentValidatorTest extends ValidationTestBase {

  @Test
  void checkParts() {
    String spec = "experiment Empty { }\n";
    assertError(spec, ML.getExperiment(), IssueCodes.EXPERIMENT_WITHOUT_NETWORK, "experiment Empty has no network; declare one "
        + "with 'network Name { ... }' or refer to one with 'network Name'");
    assertError(spec, ML.getExperiment(), IssueCodes.EXPERIMENT_WITHOUT_TASK, "experiment Empty has no task; declare one with "
        + "'task Name { ... }' or refer to one with 'task Name'");
    assertError(spec, ML.getExperiment(), IssueCodes.EXPERIMENT_WITHOUT_PHASES, "experiment Empty has no phases, so nothing is "
        + "trained; add e.g. 'phase initial { plastic all adam lr 1e-4 updates 500 batch 80 }'");
    assertNoIssues(REFERENCE);
  }

  @Test
  void checkExperimentNumbers() {
    assertError(reference("window -600 ms..600 ms", "window -3 s..600 ms"), ML.getAnalysis(),
        IssueCodes.ANALYSIS_WINDOW_OUTSIDE_TRIAL, "the analysis window -3 s..600 ms around go covers bins -18..341, outside the "
            + "trial of 400 bins (bins 0..399); shorten the window");
    assertError(reference("  perturbation VR30", "  loss { mse from bin 500 }\n  perturbation VR30"), ML.getLoss(),
        IssueCodes.LOSS_WINDOW_OUTSIDE_TRIAL,
        "the loss starts at bin 500, outside the trial of 400 bins (bins 0..399); e.g. mse from bin 50");
    // the example fits the trial: not the reference's bin 50 after a 40-bin trial
    assertError(reference("  perturbation VR30", "  loss { mse from bin 50 }\n  perturbation VR30")
        .replace("trial 400 bins cue at bin 150..180 go at bin 282 movement 100 bins",
            "trial 40 bins cue at bin 5..10 go at bin 20 movement 10 bins"), ML.getLoss(), IssueCodes.LOSS_WINDOW_OUTSIDE_TRIAL,
        "the loss starts at bin 50, outside the trial of 40 bins (bins 0..39); e.g. mse from bin 5");
    assertNoIssues(reference("window -600 ms..600 ms around go", "window -1 s..1 s around go"));
    assertError(reference("window -600 ms..600 ms", "window 600 ms..-600 ms"), ML.getAnalysis(), IssueCodes.RANGE_REVERSED,
        "the analysis window 600 ms..-600 ms is reversed; write the earlier end first, e.g. window -600 ms..600 ms");
    // ends in order but no bin between them, or one end only: the hint is not to swap them
    assertError(reference("window -600 ms..600 ms", "window -2 ms..2 ms"), ML.getAnalysis(), IssueCodes.ANALYSIS_WINDOW_EMPTY,
        "the analysis window -2 ms..2 ms is empty: with dt 10 ms both ends fall on bin 0; widen it to at least one bin");
    assertError(reference("window -600 ms..600 ms", "window 200 ms"), ML.getAnalysis(), IssueCodes.ANALYSIS_WINDOW_EMPTY,
        "the analysis window 200 ms is a single time, not a window; write both ends, e.g. window -600 ms..600 ms");
    assertNoIssue(reference("window -600 ms..600 ms", "window -2 ms..2 ms"), IssueCodes.RANGE_REVERSED);
    assertError(reference("  seed 0", "  seed 0\n  checkpoint every -5 updates"), ML.getExperiment(), IssueCodes.NOT_POSITIVE,
        "checkpoint every must be 0 or more (0 saves only at the end of each phase), e.g. checkpoint every 50 updates");
    assertNoIssues(reference("  seed 0", "  seed 0\n  checkpoint every 0 updates"));
  }

  @Test
  void memoryAboveTheJvmLimitIsAWarning() {
    long limit = Runtime.getRuntime().maxMemory();
    String spec = reference("module M1 { units 40", "module M1 { units 200000");
    String limitText = MemoryEstimate.gigabytes(limit);
    assertWarning(spec, ML.getExperiment(), IssueCodes.MEMORY_ABOVE_LIMIT, "training phase initial needs about 793.8 GB (400 bins "
        + "x batch 80 x 200080 units x 6 arrays x 4 bytes, plus 40008405042 weights x 4), more than the " + limitText
        + " this JVM may use; reduce batch, units or trial length, or run Java with more memory (e.g. -Xmx993g)");
    assertNoIssue(REFERENCE, IssueCodes.MEMORY_ABOVE_LIMIT);
    // the largest module a count allows: its 4.6e18 weights must not overflow into a small estimate
    String huge = reference("module M1 { units 40", "module M1 { units 2147483647");
    assertWarning(huge, ML.getExperiment(), IssueCodes.MEMORY_ABOVE_LIMIT, "training phase initial needs about 73788626936.7 GB"
        + " (400 bins x batch 80 x 2147483727 units x 6 arrays x 4 bytes, plus 4611686104326738825 weights x 4), more than"
        + " the " + limitText + " this JVM may use; reduce batch, units or trial length, or run Java with more memory"
        + " (e.g. -Xmx92235783671g)");
  }

  @Test
  void reassociationMustListEveryTarget() {
    assertError(reference("rotation 30 deg", "reassociation(1 2 0)"), ML.getReassociation(), IssueCodes.REASSOCIATION_LENGTH,
        "re-association VR30 lists 3 targets but task CenterOut has 8; list each of the targets 0..7 once");
    assertNoIssue(reference("rotation 30 deg", "reassociation(1 2 0)").replace("targets 8", "targets 3"),
        IssueCodes.REASSOCIATION_LENGTH);
  }

  @Test
  void checkReadoutDimension() {
    assertError(reference("hand position (2)", "hand position (3)"), ML.getReadout(), IssueCodes.READOUT_DIMENSION,
        "readout hand has dimension 3, but the centre-out task CenterOut asks for a 2-d hand position (x, y); write (2)");
    assertNoIssue(REFERENCE, IssueCodes.READOUT_DIMENSION);
  }

  @Test
  void checkAnalysisCompares() {
    assertWarning(reference("compare initial with Hinput", "compare initial with initial"), ML.getAnalysis(),
        IssueCodes.ANALYSIS_COMPARES_ITSELF, "the analysis compares phase initial with itself, which always shows no change; "
            + "remove it from the list after 'with'");
    assertNoIssue(REFERENCE, IssueCodes.ANALYSIS_COMPARES_ITSELF);
  }

  @Test
  void unknownNetworkReference() {
    assertError(reference("  task CenterOut", "  network Cortex\n  task CenterOut").replace("network Cortex {", "network Brain {"),
        ML.getExperiment(), IssueCodes.UNRESOLVED_REFERENCE, "unknown network 'Cortex'; no network is declared in this file or in "
            + "the files it imports; declare one or import its file");
  }

  @Test
  void checkRepeatedAnalysisEntries() {
    assertWarning(reference("on PMd, M1", "on PMd, PMd"), ML.getAnalysis(), IssueCodes.DUPLICATE_ENTRY,
        "module PMd is listed twice after 'on' in the analysis; remove it");
    assertWarning(reference("with Hinput, null", "with Hinput, Hinput"), ML.getAnalysis(), IssueCodes.DUPLICATE_ENTRY,
        "phase Hinput is listed twice after 'with' in the analysis; remove it");
    assertWarning(reference("metrics activity, covariance", "metrics pca, activity, pca"), ML.getAnalysis(),
        IssueCodes.DUPLICATE_ENTRY, "metric pca is listed twice after 'metrics' in the analysis; remove it");
    assertWarning(reference("analysis {", "analysis drift {").replace("on PMd, M1", "on M1, M1"), ML.getAnalysis(),
        IssueCodes.DUPLICATE_ENTRY, "module M1 is listed twice after 'on' in analysis drift; remove it");
    assertNoIssue(REFERENCE, IssueCodes.DUPLICATE_ENTRY);
  }
}
