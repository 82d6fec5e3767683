package org.motorlearn.runtime.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.motorlearn.runtime.spec.Experiment;
import org.motorlearn.runtime.spec.PhaseSpec;
import org.motorlearn.runtime.spec.TaskSpec;

class MemoryCheckTest {

  private final List<String> messages = new ArrayList<>();
  private final ProgressListener record = new ProgressListener() {
    @Override
    public void message(String text) {
      messages.add(text);
    }
  };

  @Test
  void aTinyPhaseFitsWithoutAWarning() {
    Experiment e = TinyExperiments.standard();
    MemoryCheck.report(e, e.phase("initial"), record);
    assertEquals(List.of(), messages);
  }

  @Test
  void aPhaseLargerThanTheHeapIsReportedBeforeTraining() {
    // 400 bins x 4,000,000 trials per batch of the 13-unit network: far beyond any test JVM's heap
    TaskSpec.CenterOut task = new TaskSpec.CenterOut("reach", 4, 7, 10, 400, 150, 180, 282, 282, 100, TaskSpec.Profile.SIGMOID, 0, 0, 4_000_000,
        8, 2, 2);
    Experiment small = TinyExperiments.standard();
    PhaseSpec huge = PhaseSpec.train("huge", small.phase("initial").plasticity(), small.phase("initial").optimizer(), 1,
        4_000_000);
    Experiment e = Experiment.builder("Huge").network(small.network()).task(task).loss(small.loss()).phase(huge).build();
    MemoryCheck.report(e, huge, record);
    assertEquals(1, messages.size(), messages.toString());
    assertTrue(messages.get(0).contains("phase huge") && messages.get(0).contains("GB"), messages.get(0));
  }
}
