package org.motorlearn.runtime.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NetworkTest {

  private static Network.Builder withTau(double tauSeconds) {
    return Network.builder("N").dt(0.01).module(ModuleSpec.of("A", 4).withTau(tauSeconds))
        .input(InputSpec.of("cue", 3, "A")).readout(ReadoutSpec.position("hand", 2, "A"));
  }

  @Test
  void anEulerStepThatOvershootsIsRefusedNamingTheModule() {
    SpecException error = assertThrows(SpecException.class, () -> withTau(0.001).build());
    assertEquals("network N: dt/tau = 10 (dt 10 ms, tau 1 ms) in module A is above 1: the Euler step overshoots and the "
        + "dynamics are unstable; make tau at least dt", error.getMessage());
  }

  @Test
  void tauEqualToDtIsTheLargestStepAllowed() {
    assertEquals(0.01, withTau(0.01).build().modules().get(0).tau());
    assertEquals(0.05, withTau(0.05).build().modules().get(0).tau());
  }
}
