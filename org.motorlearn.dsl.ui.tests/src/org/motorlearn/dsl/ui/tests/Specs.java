package org.motorlearn.dsl.ui.tests;

/** Specs the UI tests edit (the language is documented in docs/language.md). */
final class Specs {
  private Specs() {
  }

  /** A small valid experiment with three modules. */
  static final String VALID = """
      experiment Small {
        seed 1
        network Cortex {
          dt 10 ms
          module Upstream {
            units 20
            tau 50 ms
          }
          module PMd {
            units 20
            tau 50 ms
          }
          module M1 {
            units 20
            tau 50 ms
          }
          input cue (3) -> Upstream, PMd
          connect Upstream -> PMd
          connect PMd -> M1
          readout hand position (2) from M1 with bias
        }
        task CenterOut {
          targets 8
          train 16 trials
          test 8 trials
        }
        phase initial {
          plastic all
          adam lr 1e-3
          updates 2
          batch 8
        }
      }
      """;
}
