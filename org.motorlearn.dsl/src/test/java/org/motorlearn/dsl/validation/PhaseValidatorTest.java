package org.motorlearn.dsl.validation;

import org.junit.jupiter.api.Test;

/** Phases: weight groups, plasticity, where they start, optimiser settings. */
class PhaseValidatorTest extends ValidationTestBase {

  private static final String HINPUT_PLASTIC = "plastic Upstream.input, Upstream.recurrent, Upstream -> PMd";
  private static final String NULL_PHASE = "phase null from initial under VR30 { evaluate only }";

  @Test
  void checkWeightGroup() {
    String spec = reference(HINPUT_PLASTIC, "plastic M1.input, Upstream -> M1, cue -> PMd, M1 -> hand");
    assertError(spec, ML.getInputGroup(), IssueCodes.UNKNOWN_WEIGHT_GROUP, "M1.input names no weights: no input reaches M1 "
        + "(input weight groups: Upstream.input, PMd.input); add M1 to an input's targets or name another group");
    assertError(spec, ML.getProjectionGroup(), IssueCodes.UNKNOWN_WEIGHT_GROUP, "Upstream -> M1 names no weights: it is no "
        + "connection, input or readout of network Cortex; its weight groups between nodes are: cue -> Upstream, cue -> PMd, "
        + "Upstream -> PMd, PMd -> M1, M1 -> hand");
    assertNoIssue(reference(HINPUT_PLASTIC, "plastic cue -> PMd, M1 -> hand, PMd.input, all except readout"),
        IssueCodes.UNKNOWN_WEIGHT_GROUP);
    // a misspelt connection is reported where it is written, not again at every weight group that means it
    String misspelt = reference("connect Upstream -> PMd", "connect Upstream -> PMdd");
    assertError(misspelt, ML.getConnection(), IssueCodes.UNRESOLVED_REFERENCE, "unknown module 'PMdd'; did you mean 'PMd'? "
        + "known modules: Upstream, PMd, M1");
    assertNoIssue(misspelt, IssueCodes.UNKNOWN_WEIGHT_GROUP);
  }

  @Test
  void recurrentGroupOfAModuleWithoutRecurrence() {
    assertError(reference("module Upstream { units 40 activation tanh tau 50 ms }", "module Upstream { units 40 no recurrence }"),
        ML.getRecurrentGroup(), IssueCodes.UNKNOWN_WEIGHT_GROUP,
        "Upstream.recurrent names no weights: module Upstream says 'no recurrence'");
  }

  @Test
  void checkPlasticity() {
    assertError(reference(NULL_PHASE, "phase null from initial under VR30 { plastic none }"), ML.getPhase(),
        IssueCodes.ADAPTATION_WITHOUT_PLASTICITY, "phase null adapts from initial but nothing is plastic: declare it "
            + "'evaluate only' to score the trained network unchanged, or name the weight groups that learn");
    assertNoIssues(reference(NULL_PHASE, "phase null from initial under VR30 { plastic none evaluate only }"));
  }

  @Test
  void checkEvaluateOnly() {
    String spec = reference(NULL_PHASE, "phase null under VR30 { evaluate only updates 5 }");
    assertError(spec, ML.getPhase(), IssueCodes.EVALUATE_ONLY_WITHOUT_FROM, "phase null is 'evaluate only' but starts from no "
        + "phase, so there is no trained network to evaluate; add 'from <phase>'");
    assertWarning(spec, ML.getPhase(), IssueCodes.EVALUATE_ONLY_WITH_TRAINING_SETTINGS, "phase null is 'evaluate only', so it "
        + "trains nothing and ignores updates; remove them, or remove 'evaluate only' to train");
    assertNoIssues(REFERENCE);
  }

  @Test
  void checkFrom() {
    assertError(reference("phase Hinput from initial", "phase Hinput from Hinput"), ML.getPhase(), IssueCodes.PHASE_FROM_ITSELF,
        "phase Hinput starts from itself; name an earlier phase, e.g. the initial training");
    assertError(reference("phase initial {", "phase initial from null {"), ML.getPhase(), IssueCodes.PHASE_FROM_LATER,
        "phase initial starts from null, which comes later; phases run in the order written: move null above initial");
    assertError(reference("phase initial {", "phase initial { continue optimizer"), ML.getPhase(),
        IssueCodes.CONTINUE_WITHOUT_FROM,
        "phase initial says 'continue optimizer' but starts from no phase; add 'from <phase>' or remove it");
    assertNoIssues(reference("phase Hinput from initial under VR30 {", "phase Hinput from initial under VR30 { continue optimizer"));
  }

  @Test
  void unknownPhaseSuggestsTheClosest() {
    assertError(reference("phase Hinput from initial", "phase Hinput from intial"), ML.getPhase(), IssueCodes.UNRESOLVED_REFERENCE,
        "unknown phase 'intial'; did you mean 'initial'? known phases: initial, Hinput, null");
  }

  @Test
  void checkUnderWithoutFrom() {
    assertWarning(reference("phase initial {", "phase initial under VR30 {"), ML.getPhase(), IssueCodes.UNDER_WITHOUT_FROM,
        "phase initial trains under VR30 from freshly initialised weights; to adapt a trained network write 'from <phase>' "
            + "before 'under'");
    assertNoIssue(REFERENCE, IssueCodes.UNDER_WITHOUT_FROM);
  }

  @Test
  void checkOptimizerSettings() {
    assertError(reference("plastic all adam lr 1e-4", "plastic all adam lr 1e-4 momentum 0.9"), ML.getOptimizer(),
        IssueCodes.OPTIMIZER_SETTING_MISMATCH, "momentum is a setting of sgd, not adam (adam has betas); remove it or write 'sgd'");
    assertError(reference("plastic all adam lr 1e-4", "plastic all sgd lr 1e-4 betas 0.9 0.99"), ML.getOptimizer(),
        IssueCodes.OPTIMIZER_SETTING_MISMATCH, "betas are a setting of adam, not sgd (sgd has momentum); remove them or write 'adam'");
    assertNoIssues(reference("plastic all adam lr 1e-4", "plastic all sgd lr 1e-2 momentum 0.9"));
  }

  @Test
  void optimizerNumbers() {
    String spec = reference("plastic all adam lr 1e-4", "plastic all adam lr 0 betas 0.9 1 eps 1e-8");
    assertError(spec, ML.getOptimizer(), IssueCodes.NOT_POSITIVE, "lr must be positive, e.g. lr 1e-4");
    assertError(spec, ML.getOptimizer(), IssueCodes.BETA_OUT_OF_RANGE, "the second beta must lie in [0, 1), e.g. betas 0.9 0.999");
    assertError(reference("plastic all adam lr 1e-4", "plastic all sgd lr 1e-2 momentum 1"), ML.getOptimizer(),
        IssueCodes.MOMENTUM_OUT_OF_RANGE, "momentum must lie in [0, 1), e.g. momentum 0.9");
    assertError(reference("clip 0.2 }\n  phase Hinput", "clip 0 }\n  phase Hinput"), ML.getPhase(), IssueCodes.NOT_POSITIVE,
        "clip must be positive, e.g. clip 0.2");
  }

  @Test
  void batchLargerThanTheTrainingSet() {
    assertError(reference("batch 80", "batch 500"), ML.getPhase(), IssueCodes.BATCH_LARGER_THAN_TRAINING_SET,
        "batch 500 is larger than the training set of task CenterOut (400 trials); batches are drawn without replacement: "
            + "use at most batch 400 or more train trials");
    assertNoIssue(reference("batch 80", "batch 400"), IssueCodes.BATCH_LARGER_THAN_TRAINING_SET);
  }

  @Test
  void checkRepeatedWeightGroups() {
    String hinput = "plastic Upstream.input, Upstream.recurrent, Upstream -> PMd";
    assertWarning(reference(hinput, hinput + ", Upstream.recurrent"), ML.getWeightGroups(), IssueCodes.DUPLICATE_ENTRY,
        "Upstream.recurrent is listed twice after 'plastic' in phase Hinput; remove it");
    assertWarning(reference(hinput, "plastic all, Upstream.recurrent"), ML.getWeightGroups(), IssueCodes.DUPLICATE_ENTRY,
        "Upstream.recurrent is already included in 'all' after 'plastic' in phase Hinput; remove it");
    assertWarning(reference(hinput, "plastic Upstream -> PMd, all"), ML.getWeightGroups(), IssueCodes.DUPLICATE_ENTRY,
        "Upstream -> PMd is already included in 'all' after 'plastic' in phase Hinput; remove it");
    // an exception of 'all' named again is not included in it: the spec means all weights
    assertNoIssue(reference(hinput, "plastic all except Upstream.recurrent, Upstream.recurrent"), IssueCodes.DUPLICATE_ENTRY);
    // the same module's input and recurrent weights, or two connections of one module, are different groups
    assertNoIssue(reference(hinput, hinput + ", PMd -> M1, M1.recurrent"), IssueCodes.DUPLICATE_ENTRY);
    assertNoIssue(REFERENCE, IssueCodes.DUPLICATE_ENTRY);
  }
}
