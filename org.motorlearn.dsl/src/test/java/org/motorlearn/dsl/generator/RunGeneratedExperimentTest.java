package org.motorlearn.dsl.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Inject;
import com.google.inject.Provider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.motorlearn.dsl.model.SpecSource;
import org.motorlearn.dsl.tests.MotorLearnInjectorProvider;
import org.motorlearn.runtime.MotorLearn;
import org.motorlearn.runtime.run.RunOptions;
import org.motorlearn.runtime.run.RunResult;
import org.motorlearn.runtime.spec.Experiment;
import org.motorlearn.runtime.spec.Parameters;

/** The whole path of {@code motorlearn run}: spec -> generated Java -> compiled in memory -> run folder. */
@ExtendWith(InjectionExtension.class)
@InjectWith(MotorLearnInjectorProvider.class)
class RunGeneratedExperimentTest {

  private static final String TINY = """
      /** A few-unit version of the paper's design. */
      experiment Tiny {
        seed 3
        network Cortex {
          dt 10 ms
          module Upstream { units 5 }
          module PMd { units 4 }
          module M1 { units 4 }
          input cue (3) -> Upstream, PMd
          connect Upstream -> PMd
          connect PMd -> M1
          readout hand position (2) from M1
        }
        task Reach {
          targets 4
          reach 7..10 cm
          trial 400 ms
          cue at bin 5..8
          go at bin 20..23
          movement 100 ms
          train 16 trials
          test 8 trials
        }
        perturbation VR30 = rotation 30 deg
        loss { mse from bin 10 }
        phase initial { plastic all adam lr 1e-2 updates 3 batch 4 }
        phase Hlocal from initial under VR30 { plastic PMd.input, PMd.recurrent, PMd -> M1, M1.recurrent updates 2 }
        phase null from initial under VR30 { evaluate only }
        analysis { compare initial with Hlocal, null on PMd, M1 window -60 ms .. 60 ms around go components 2 }
      }
      """;

  @Inject
  private Provider<XtextResourceSet> resourceSets;

  @Test
  void aTinyGeneratedExperimentRunsIntoARunFolder(@TempDir Path project) throws IOException {
    Resource spec = Specs.write(resourceSets.get(), project, "tiny/tiny.motor", TINY);
    List<GeneratedExperiment> experiments = GeneratedExperiment.compile(spec, project);
    assertEquals("tiny.Tiny", experiments.get(0).qualifiedClassName());
    Experiment experiment = experiments.get(0).build(Parameters.of(Map.of("Hlocal.lr", 1e-3)));
    assertEquals(40, experiment.task().trialBins());

    Path folder = project.resolve("runs/tiny");
    RunResult result = MotorLearn.run(experiment, RunOptions.into(folder).withThreads(1));

    assertTrue(result.completed(), () -> result.status() + ": " + result.error());
    String manifest = Files.readString(folder.resolve("manifest.json"));
    assertTrue(manifest.contains("\"status\": \"completed\"") || manifest.contains("\"status\":\"completed\""), manifest);
    assertTrue(manifest.contains(SpecSource.sha256(TINY)), "the manifest records the spec's hash");
    assertTrue(manifest.contains("Hlocal.lr"), "the manifest records the parameters used");
  }
}
