package org.motorlearn.dsl.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;

/**
 * A spec that passes every rule but that {@code run} could not build is an error of {@code check}, at
 * the element the builder or the runtime names. Each case here passed {@code check} before and then
 * failed in {@code generate}, at the start of a run, or after training.
 */
class BuildCheckTest extends ValidationTestBase {

  /** A short trial (100 bins, go at 50) with a small network, so the defaults of the paper do not fit. */
  private static final String SHORT = """
      experiment T {
        network N {
          dt 10 ms
          module A { units 16 tau 50 ms }
          module B { units 16 tau 50 ms }
          input cue (3) -> A
          connect A -> B
          readout hand position (2) from B
        }
        task K { targets 8 reach 7..10 cm trial 100 bins cue at bin 20..30 go at bin 50 movement 40 bins train 64 trials test 32 trials }
        loss { mse from bin 20 }
        perturbation VR = rotation 30 deg
        phase initial { plastic all adam lr 1e-2 updates 60 batch 16 clip 1 }
        phase ad from initial under VR { plastic B.recurrent, A -> B adam lr 1e-3 updates 20 batch 4 }
        analysis { compare initial with ad on A, B window -200 ms .. 200 ms around go }
      }
      """;

  private static String shortSpec(String piece, String replacement) {
    assertTrue(SHORT.contains(piece), () -> "not in the spec: " + piece);
    return SHORT.replace(piece, replacement);
  }

  @Test
  void aSpecThatBuildsHasNoBuildProblem() {
    assertNoIssues(SHORT);
    assertNoIssues(REFERENCE);
  }

  @Test
  void aSettingTheRuntimeDoesNotSupportIsReportedWhereItIsWritten() {
    assertError(shortSpec("loss { mse from bin 20 }", "loss { mse window bin 20..90 }"), ML.getRange(), IssueCodes.NOT_RUNNABLE,
        "loss: the MSE window ends at bin 90, but the runtime measures the MSE up to the end of the trial (bin 99): write "
            + "mse from bin 20");
    assertError(shortSpec("loss { mse from bin 20 }", "loss { mse from bin 20 weight penalty 1e-3 on A -> B }"),
        ML.getWeightGroups(), IssueCodes.NOT_RUNNABLE,
        "loss: the runtime penalises every weight matrix (MODEL.md section 4); remove 'on A -> B'");
  }

  @Test
  void aDefaultThatDoesNotFitTheTrialIsReportedAtTheBlockThatLeavesItOut() {
    // the default window, 60 bins either side of go, leaves a 100-bin trial with go at 50
    assertError(shortSpec(" window -200 ms .. 200 ms around go", ""), ML.getAnalysis(), IssueCodes.NOT_RUNNABLE,
        "analysis: the window -60..+60 bins around go covers bins -10..109 of trials whose go cue is at bin 50, outside "
            + "task K's bins 0..99; narrow the window to -50..+50 bins or less");
    // the default loss starts at bin 50, after a 40-bin trial
    assertError(shortSpec("loss { mse from bin 20 }", "").replace("trial 100 bins cue at bin 20..30 go at bin 50 movement 40",
        "trial 40 bins cue at bin 5..10 go at bin 20 movement 10").replace(" window -200 ms .. 200 ms around go",
        " window -100 ms .. 100 ms around go"), ML.getExperiment(), IssueCodes.NOT_RUNNABLE,
        "experiment T: the loss starts at bin 50 (mse from), after the last bin 39 of task K's trials; start it earlier or "
            + "make the trials longer");
  }

  @Test
  void aPhaseThatContinuesAnotherKindOfOptimizerIsReportedAtThePhase() {
    String spec = shortSpec("adam lr 1e-3 updates 20 batch 4 }", "sgd lr 1e-3 momentum 0.9 updates 20 batch 4 continue optimizer }");
    assertError(spec, ML.getPhase(), IssueCodes.NOT_RUNNABLE,
        "phase ad: it continues phase initial's adam optimiser with sgd; use adam here too or drop 'continue optimizer'");
    Issue issue = only(issues(spec));
    assertEquals(14, issue.getLineNumber());
    assertEquals(9, issue.getColumn(), "at the phase's name");
  }

  @Test
  void aNetworkOfTheWrongShapeForTheTaskIsReportedAtTheNetwork() {
    assertError(shortSpec("input cue (3) -> A", "input cue (5) -> A"), ML.getNetwork(), IssueCodes.NOT_RUNNABLE,
        "experiment T: network N takes 5 input channels (the dimensions of its inputs added up), but task K gives 3 (the "
            + "target's cosine and sine and the hold signal); declare one input of dimension 3");
  }

  @Test
  void everySweepPointIsBuiltAndTheFirstFailuresAreListed() {
    assertError(shortSpec("  analysis {", "  sweep K.go in 50, 50.5\n  analysis {"), ML.getSweep(), IssueCodes.NOT_RUNNABLE,
        "sweep point 1 (K.go=50.5): parameter K.go must be a whole number, got 50.5");
    List<Issue> issues = issues(shortSpec("  analysis {", "  sweep N.hand.size in 1, 2, 3, 4, 5, 2\n  analysis {"));
    List<String> messages = issues.stream().map(Issue::getMessage).map(m -> m.substring(0, m.indexOf(':'))).toList();
    assertEquals(List.of("sweep point 0 (N.hand.size=1)", "sweep point 2 (N.hand.size=3)", "sweep point 3 (N.hand.size=4)"),
        messages);
    assertTrue(issues.get(2).getMessage().endsWith("(and 1 more of the 6 points)"), issues.get(2)::getMessage);
  }

  @Test
  void aSweepAboveTheLimitIsBuiltInPartAndSaysSo() {
    assertWarning(shortSpec("  analysis {", "  sweep seed 0..20000\n  analysis {"), ML.getSweep(), IssueCodes.SWEEP_PARTLY_CHECKED,
        "the sweeps of experiment T have 20001 points; check builds the first 20000 (run builds them all before it starts)");
  }

  @Test
  void aFileWithOtherErrorsIsNotBuilt() {
    // the unit error is the problem to fix; the builder would only repeat it
    List<Issue> issues = issues(shortSpec("loss { mse from bin 20 }", "loss { mse window bin 20..90 }")
        .replace("tau 50 ms }\n    module B", "tau 50 }\n    module B"));
    assertTrue(issues.stream().noneMatch(issue -> IssueCodes.NOT_RUNNABLE.equals(issue.getCode())), issues::toString);
    assertTrue(issues.stream().anyMatch(issue -> IssueCodes.MISSING_UNIT.equals(issue.getCode())), issues::toString);
  }

  private static Issue only(List<Issue> issues) {
    assertEquals(1, issues.size(), issues::toString);
    return issues.get(0);
  }
}
