package org.motorlearn.runtime.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.motorlearn.runtime.engine.Memory;
import org.motorlearn.runtime.engine.PaperNetwork;
import org.motorlearn.runtime.spec.Experiment;
import org.motorlearn.runtime.spec.Network;
import org.motorlearn.runtime.spec.Precision;
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

  @Test
  void aRunWhoseOutputsDoNotFitOnTheDiskIsWarnedWhereAndHowMuch() {
    Path folder = Path.of("runs", "big");
    assertEquals(Optional.empty(), MemoryCheck.diskWarning(2_000_000_000L, 2_000_000_001L, folder));
    String warning = MemoryCheck.diskWarning(9_200_000_000L, 2_500_000_000L, folder).orElseThrow();
    assertTrue(warning.contains("9.2 GB") && warning.contains("2.5 GB") && warning.contains(folder.toString())
        && warning.contains("--out"), warning);
    Experiment tiny = TinyExperiments.standard();
    MemoryCheck.reportDisk(tiny, Path.of("."), record);
    assertEquals(List.of(), messages, "a tiny run fits on the test machine's disk");
  }

  @Test
  void theRunFolderEstimateIsDominatedByTheTestTrialRates() {
    // Paper scale: 160 test trials x 400 bins x 1200 units x 4 bytes = 0.307 GB of rates per phase;
    // a rotation run of 4 phases measured 0.30-0.31 GB per phase folder.
    Network paper = PaperNetwork.of(400);
    TaskSpec task = TaskSpec.CenterOut.reference("c");
    long perPhase = Memory.estimateRunFolderBytes(paper, task, 1, Precision.FLOAT32);
    long rates = 160L * 400 * 1200 * 4;
    assertTrue(perPhase > rates && perPhase < 1.1 * rates, "per phase " + perPhase + " vs rates " + rates);
    assertEquals(4 * perPhase, Memory.estimateRunFolderBytes(paper, task, 4, Precision.FLOAT32));
    assertEquals(2 * perPhase, Memory.estimateRunFolderBytes(paper, task, 1, Precision.FLOAT64));
  }
}
