package org.motorlearn.dsl.validation;

import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.motorlearn.dsl.motorLearn.Experiment;
import org.motorlearn.dsl.motorLearn.Module;
import org.motorlearn.dsl.motorLearn.Network;

/** Parameter names (written settings and defaults) point at the setting they change. */
class SweepableSettingsTest extends ValidationTestBase {

  @Test
  void writtenAndDefaultSettingsAreParameters() {
    Experiment experiment = (Experiment) parse(REFERENCE).getElements().get(0);
    var names = SweepableSettings.of(experiment);
    for (String name : List.of("seed", "Cortex.dt", "Cortex.PMd.units", "Cortex.M1.tau", "Cortex.PMd->M1.density",
        "CenterOut.go", "CenterOut.cue.min", "CenterOut.reach.max", "Cortex.PMd.noise", "CenterOut.hold", "VR30.angle", "initial.lr", "Hinput.batch",
        "analysis.components")) {
      Assertions.assertTrue(names.containsKey(name), () -> name + " missing from " + names.keySet());
    }
    Network network = experiment.getNetwork();
    Module pmd = network.getModules().get(1);
    Assertions.assertSame(pmd, names.get("Cortex.PMd.units").owner());
    Assertions.assertSame(ML.getModule_Units(), names.get("Cortex.PMd.units").feature());
  }

  @Test
  void renamingAModuleRenamesItsParameters() {
    Experiment experiment = (Experiment) parse(REFERENCE.replace("PMd", "Premotor")).getElements().get(0);
    var names = SweepableSettings.of(experiment);
    Assertions.assertTrue(names.containsKey("Cortex.Premotor.units"));
    Assertions.assertFalse(names.containsKey("Cortex.PMd.units"));
  }
}
