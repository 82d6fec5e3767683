package org.motorlearn.dsl.validation;

import org.junit.jupiter.api.Test;

/** Names that must be unique. */
class NamesValidatorTest extends ValidationTestBase {

  @Test
  void checkDuplicateNamesInNetwork() {
    assertError(reference("readout hand position", "readout PMd position"), ML.getReadout(), IssueCodes.DUPLICATE_NAME,
        "'PMd' is already the name of the module at line 6 in network Cortex (modules, inputs and readouts share one set of "
            + "names); rename one of them");
    assertNoIssue(REFERENCE, IssueCodes.DUPLICATE_NAME);
  }

  @Test
  void checkDuplicateNamesInExperiment() {
    assertError(reference("phase null from", "phase Hinput from"), ML.getPhase(), IssueCodes.DUPLICATE_NAME,
        "'Hinput' is already the name of the phase at line 16 in experiment Feulner2022; rename one of them");
    assertError(reference("perturbation VR30 = rotation 30 deg", "perturbation VR30 = rotation 30 deg\n  perturbation VR30 = gain 2"),
        ML.getPerturbation(), IssueCodes.DUPLICATE_NAME,
        "'VR30' is already the name of the perturbation at line 14 in experiment Feulner2022; rename one of them");
    assertNoIssue(REFERENCE, IssueCodes.DUPLICATE_NAME);
  }

  @Test
  void checkDuplicateTopLevelNames() {
    assertError(REFERENCE + "network Feulner2022 { }\n", ML.getNetwork(), IssueCodes.DUPLICATE_TOP_LEVEL_NAME,
        "'Feulner2022' is already declared in this file (experiment Feulner2022, line 1); top-level names must be unique: "
            + "rename one of them");
    assertNoIssue(REFERENCE + "network Other { }\n", IssueCodes.DUPLICATE_TOP_LEVEL_NAME);
  }
}
