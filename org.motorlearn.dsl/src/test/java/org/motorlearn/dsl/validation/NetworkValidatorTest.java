package org.motorlearn.dsl.validation;

import org.junit.jupiter.api.Test;

/** Network numbers, connections, reachability, initialisations. */
class NetworkValidatorTest extends ValidationTestBase {

  private static final String M1 = "module M1 { units 40 activation tanh tau 50 ms }";

  @Test
  void checkNetworkNumbers() {
    String spec = reference(M1, "module M1 { units 0 activation tanh tau 50 ms noise -1 }");
    assertError(spec, ML.getModule(), IssueCodes.NOT_POSITIVE, "units must be positive, e.g. units 400");
    assertError(spec, ML.getModule(), IssueCodes.NEGATIVE_NOISE,
        "noise must be 0 or more (it is the standard deviation of the process noise), e.g. noise 0.05");
    assertError(reference("connect PMd -> M1", "connect PMd -> M1 sparse 1.5"), ML.getConnection(),
        IssueCodes.DENSITY_OUT_OF_RANGE,
        "density must lie in (0, 1] (the fraction of weights that exist), e.g. sparse 0.2 or sparse 20 %");
    assertNoIssues(reference("connect PMd -> M1", "connect PMd -> M1 sparse 20 %"));
  }

  @Test
  void eulerStepAboveOneIsAnError() {
    assertError(reference(M1, "module M1 { units 40 activation tanh tau 5 ms }"), ML.getModule(), IssueCodes.EULER_UNSTABLE,
        "dt/tau = 2 (dt 10 ms, tau 5 ms) in module M1 is above 1: the Euler step overshoots and the dynamics are unstable; "
            + "make tau at least dt (the reference uses dt 10 ms, tau 50 ms: dt/tau = 0.2)");
    // very small and very large numbers keep their digits (tau is not 0 ms) without filling the line
    assertError(reference(M1, "module M1 { units 40 activation tanh tau 0.0004 ms }"), ML.getModule(),
        IssueCodes.EULER_UNSTABLE, "dt/tau = 25000 (dt 10 ms, tau 4e-4 ms) in module M1 is above 1: the Euler step "
            + "overshoots and the dynamics are unstable; make tau at least dt (the reference uses dt 10 ms, tau 50 ms: dt/tau = 0.2)");
    assertError(reference(M1, "module M1 { units 40 activation tanh tau 2e-12 s }"), ML.getModule(),
        IssueCodes.EULER_UNSTABLE, "dt/tau = 5e9 (dt 10 ms, tau 2e-9 ms) in module M1 is above 1: the Euler step "
            + "overshoots and the dynamics are unstable; make tau at least dt (the reference uses dt 10 ms, tau 50 ms: dt/tau = 0.2)");
  }

  @Test
  void eulerStepAboveHalfIsAWarning() {
    assertWarning(reference(M1, "module M1 { units 40 activation tanh tau 15 ms }"), ML.getModule(), IssueCodes.EULER_COARSE,
        "dt/tau = 0.667 (dt 10 ms, tau 15 ms) in module M1 is above 0.5: the Euler step is too coarse to follow the continuous "
            + "dynamics; use a smaller dt or a larger tau (the reference uses dt/tau = 0.2)");
    assertNoIssue(reference(M1, "module M1 { units 40 activation tanh tau 20 ms }"), IssueCodes.EULER_COARSE);
  }

  @Test
  void eulerStepUsesTheNetworkDt() {
    assertError(reference("dt 10 ms", "dt 60 ms"), ML.getModule(), IssueCodes.EULER_UNSTABLE,
        "dt/tau = 1.2 (dt 60 ms, tau 50 ms) in module Upstream is above 1: the Euler step overshoots and the dynamics are "
            + "unstable; make tau at least dt (the reference uses dt 10 ms, tau 50 ms: dt/tau = 0.2)");
  }

  @Test
  void checkConnection() {
    String spec = reference("connect PMd -> M1", "connect PMd -> M1\n    connect PMd -> M1\n    connect M1 -> M1");
    assertError(spec, ML.getConnection(), IssueCodes.DUPLICATE_CONNECTION,
        "connect PMd -> M1 is already declared at line 10; two modules are joined by one weight matrix: remove this line");
    assertWarning(spec, ML.getConnection(), IssueCodes.SELF_CONNECTION,
        "connect M1 -> M1 repeats the recurrent weights every module has (M1.recurrent); remove it");
    assertNoIssue(REFERENCE, IssueCodes.DUPLICATE_CONNECTION);
    assertNoIssue(REFERENCE, IssueCodes.SELF_CONNECTION);
  }

  @Test
  void checkInputTargets() {
    assertError(reference("-> Upstream, PMd", "-> Upstream, PMd, PMd"), ML.getInput(), IssueCodes.DUPLICATE_INPUT_TARGET,
        "input cue names PMd twice; remove the repetition");
    assertNoIssue(REFERENCE, IssueCodes.DUPLICATE_INPUT_TARGET);
  }

  @Test
  void checkReachability() {
    String spec = reference("connect PMd -> M1\n", "");
    assertWarning(spec, ML.getModule(), IssueCodes.MODULE_UNREACHED, "module M1 receives no input, directly or through other "
        + "modules, so its activity cannot depend on the task; add it to an input's targets or connect a module to it");
    assertWarning(spec, ML.getModule(), IssueCodes.MODULE_WITHOUT_READOUT, "module PMd reaches no readout, directly or through "
        + "other modules, so it cannot affect the output; connect it onward or read out from it");
    assertNoIssue(REFERENCE, IssueCodes.MODULE_UNREACHED);
    assertNoIssue(REFERENCE, IssueCodes.MODULE_WITHOUT_READOUT);
    // a misspelt end leaves the graph unknown: its own error, no guesses about M1 and PMd
    String misspelt = reference("connect PMd -> M1\n", "connect PMd -> M2\n");
    assertError(misspelt, ML.getConnection(), IssueCodes.UNRESOLVED_REFERENCE,
        "unknown module 'M2'; did you mean 'M1'? known modules: Upstream, PMd, M1");
    assertNoIssue(misspelt, IssueCodes.MODULE_UNREACHED);
    assertNoIssue(misspelt, IssueCodes.MODULE_WITHOUT_READOUT);
  }

  @Test
  void checkInit() {
    assertError(reference("connect PMd -> M1", "connect PMd -> M1 init uniform(0.1, -0.1)"), ML.getUniformInit(),
        IssueCodes.INIT_INVALID,
        "uniform(0.1, -0.1) is empty: the lower bound must be below the upper one, e.g. uniform(-0.05, 0.05)");
    assertError(reference("connect PMd -> M1", "connect PMd -> M1 init normal(0, -1)"), ML.getNormalInit(),
        IssueCodes.INIT_INVALID, "the standard deviation of normal(...) must be 0 or more, e.g. normal(0, 0.05)");
    assertNoIssues(reference("connect PMd -> M1", "connect PMd -> M1 init uniform(-0.1, 0.1)"));
  }

  @Test
  void unknownModuleListsTheModules() {
    assertError(reference("connect PMd -> M1", "connect PMd -> M2"), ML.getConnection(), IssueCodes.UNRESOLVED_REFERENCE,
        "unknown module 'M2'; did you mean 'M1'? known modules: Upstream, PMd, M1");
  }
}
