package org.motorlearn.dsl.validation;

import org.junit.jupiter.api.Test;

/** Task timing, perturbations, losses. */
class TaskValidatorTest extends ValidationTestBase {

  @Test
  void checkTaskNumbers() {
    assertError(reference("targets 8", "targets 0"), ML.getTask(), IssueCodes.NOT_POSITIVE, "targets must be positive, e.g. targets 8");
    assertError(reference("reach 7..10 cm", "reach 10..7 cm"), ML.getTask(), IssueCodes.RANGE_REVERSED,
        "reach 10 cm..7 cm is reversed; write the smaller end first");
    assertNoIssues(REFERENCE);
  }

  @Test
  void cueAfterGoIsAnError() {
    assertError(reference("go at bin 282", "go at bin 170"), ML.getTask(), IssueCodes.CUE_AFTER_GO,
        "the cue (up to bin 180) comes after go (from bin 170): the target must be shown before the go cue; move the cue "
            + "earlier or go later");
    assertNoIssue(reference("go at bin 282", "go at bin 181"), IssueCodes.CUE_AFTER_GO);
  }

  @Test
  void goAfterTheEndOfTheTrialIsAnError() {
    assertError(reference("go at bin 282", "go at bin 400"), ML.getTask(), IssueCodes.GO_OUTSIDE_TRIAL,
        "go (bin 400) lies outside the trial of 400 bins (bins 0..399); move go earlier or make the trial longer");
    assertError(reference("go at bin 282", "go at 4 s"), ML.getTask(), IssueCodes.GO_OUTSIDE_TRIAL,
        "go (bin 400) lies outside the trial of 400 bins (bins 0..399); move go earlier or make the trial longer");
    assertNoIssue(reference("go at bin 282", "go at bin 399"), IssueCodes.GO_OUTSIDE_TRIAL);
    // before the trial: the error is at go, not a cue that "comes after" it
    String early = reference("go at bin 282", "go at bin -5");
    assertError(early, ML.getTask(), IssueCodes.GO_OUTSIDE_TRIAL,
        "go (bin -5) lies outside the trial of 400 bins (bins 0..399), before it starts; move go later, after the cue");
    assertNoIssue(early, IssueCodes.CUE_AFTER_GO);
  }

  @Test
  void aReachThatOutlastsTheTrialIsAWarning() {
    assertWarning(reference("movement 100 bins", "movement 2 s"), ML.getTask(), IssueCodes.MOVEMENT_OUTSIDE_TRIAL,
        "the reach ends at bin 482 (go bin 282 + movement 200 bins), after the trial of 400 bins ends; the network never "
            + "learns to hold the target: make the trial longer or go earlier");
    assertNoIssue(reference("movement 100 bins", "movement 1 s"), IssueCodes.MOVEMENT_OUTSIDE_TRIAL);
  }

  @Test
  void checkPerturbationNumbers() {
    assertError(reference("rotation 30 deg", "gain 0"), ML.getGain(), IssueCodes.NOT_POSITIVE,
        "the gain factor must be positive, e.g. gain 1.5");
    assertNoIssues(reference("rotation 30 deg", "gain 1.5"));
  }

  @Test
  void checkLossNumbers() {
    assertError(reference("  perturbation VR30", "  loss { mse from bin 50 weight penalty -1 }\n  perturbation VR30"),
        ML.getLoss(), IssueCodes.NEGATIVE_PENALTY,
        "the weight penalty must be 0 or more (0 switches it off), e.g. weight penalty 1e-3");
    assertNoIssues(reference("  perturbation VR30", "  loss { mse from bin 50 weight penalty 1e-3 rate penalty 0.8 }\n  perturbation VR30"));
  }

  @Test
  void checkReassociation() {
    String perturbation = "perturbation VR30 = rotation 30 deg";
    assertError(reference(perturbation, perturbation + "\n  perturbation RE = reassociation(1 0 3 2 5 4 7 9)"),
        ML.getReassociation(), IssueCodes.REASSOCIATION_NOT_PERMUTATION,
        "entry 7 of the re-association is 9, but with 8 entries the targets are numbered 0..7; the list must be a permutation of 0..7");
    assertError(reference(perturbation, perturbation + "\n  perturbation RE = reassociation(1 1 3 2 5 4 7 6)"),
        ML.getReassociation(), IssueCodes.REASSOCIATION_NOT_PERMUTATION,
        "target 1 appears twice in the re-association (entries 0 and 1); each target must appear exactly once");
    assertWarning(reference(perturbation, perturbation + "\n  perturbation RE = reassociation(0 2 1 4 3 6 5 7)"),
        ML.getReassociation(), IssueCodes.REASSOCIATION_FIXED_POINT,
        "cue 0 keeps its own movement (entry 0 is 0); the paper's re-association moves every cue to another target (no entry "
            + "equals its position)");
    assertNoIssues(reference(perturbation, perturbation + "\n  perturbation RE = reassociation(1 2 3 4 5 6 7 0)"));
  }

  @Test
  void checkReassociationOnOutput() {
    assertError(reference("rotation 30 deg", "reassociation(1 2 3 4 5 6 7 0) on output"), ML.getPerturbation(),
        IssueCodes.REASSOCIATION_ON_OUTPUT, "a re-association changes which movement each cue asks for, so it applies to the "
            + "targets, not to the output; remove 'on output'");
    assertNoIssues(reference("rotation 30 deg", "reassociation(1 2 3 4 5 6 7 0) on targets"));
  }
}
