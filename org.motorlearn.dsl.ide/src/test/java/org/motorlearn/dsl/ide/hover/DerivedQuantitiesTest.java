package org.motorlearn.dsl.ide.hover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.inject.Injector;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.junit.jupiter.api.Test;
import org.motorlearn.dsl.ide.MotorLearnIdeSetup;
import org.motorlearn.dsl.motorLearn.Experiment;
import org.motorlearn.dsl.motorLearn.Model;
import org.motorlearn.dsl.motorLearn.Network;
import org.motorlearn.runtime.spec.InputSpec;
import org.motorlearn.runtime.spec.ModuleSpec;
import org.motorlearn.runtime.spec.ProjectionSpec;
import org.motorlearn.runtime.spec.ReadoutSpec;

/** a = dt/tau, parameter counts and training memory, computed from specs as they are written. */
public class DerivedQuantitiesTest {

  private static final Injector INJECTOR = new MotorLearnIdeSetup().createInjectorAndDoEMFRegistration();

  private static Experiment parse(String text) throws Exception {
    XtextResourceSet resourceSet = INJECTOR.getInstance(XtextResourceSet.class);
    XtextResource resource = (XtextResource) resourceSet.createResource(URI.createURI("test.motor"));
    resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Map.of());
    assertEquals(List.of(), resource.getErrors(), "the test spec must parse");
    return (Experiment) ((Model) resource.getContents().get(0)).getElements().get(0);
  }

  private static final String REFERENCE = """
      experiment Reference {
        network Cortex {
          module Upstream { units 400 }
          module PMd { units 400 }
          module M1 { units 400 tau 0.05 s }
          input cue (3) -> Upstream, PMd
          connect Upstream -> PMd
          connect PMd -> M1
          readout hand (2) from M1
        }
        task T { trial 4 s }
        phase initial { plastic all batch 80 updates 500 }
        phase null from initial { evaluate only }
      }
      """;

  @Test
  public void theReferenceNetworkHasAsManyParametersAsTheRuntimeCounts() throws Exception {
    Network network = parse(REFERENCE).getNetwork();
    org.motorlearn.runtime.spec.Network runtime = org.motorlearn.runtime.spec.Network.builder("Cortex")
        .module(ModuleSpec.of("Upstream", 400)).module(ModuleSpec.of("PMd", 400)).module(ModuleSpec.of("M1", 400))
        .input(InputSpec.of("cue", 3, "Upstream", "PMd"))
        .connect(ProjectionSpec.recurrent("Upstream")).connect(ProjectionSpec.recurrent("PMd"))
        .connect(ProjectionSpec.recurrent("M1"))
        .connect(ProjectionSpec.dense("Upstream", "PMd")).connect(ProjectionSpec.dense("PMd", "M1"))
        .readout(ReadoutSpec.position("hand", 2, "M1"))
        .build();
    assertEquals(runtime.parameterCount(), DerivedQuantities.parameterCount(network));
    assertEquals(803_202L, DerivedQuantities.parameterCount(network), "MODEL.md section 2");
  }

  @Test
  public void parameterCountLeavesOutMissingRecurrenceAndBias() throws Exception {
    Network network = parse("""
        experiment Small {
          network N {
            module A { units 2 }
            module B { units 3 no recurrence }
            input u (1) -> A
            connect A -> B
            readout y (2) from B without bias
          }
        }
        """).getNetwork();
    // A.recurrent 2x2 + u -> A 2x1 + A -> B 3x2 + B -> y 2x3, no bias
    assertEquals(4 + 2 + 6 + 6, DerivedQuantities.parameterCount(network));
  }

  @Test
  public void eulerFactorIsDtOverTau() throws Exception {
    Network network = parse("""
        experiment E {
          network N {
            dt 5 ms
            module A { units 1 tau 20 ms }
            module B { units 1 tau 8 bins }
            module C { units 1 }
          }
        }
        """).getNetwork();
    assertEquals("a = dt/tau = 5 ms / 20 ms = 0.25", DerivedQuantities.eulerStep(network.getModules().get(0)).describe());
    assertEquals(0.125, DerivedQuantities.eulerStep(network.getModules().get(1)).a(), 1e-12);
    assertEquals("a = dt/tau = 5 ms / 50 ms (default tau) = 0.1", DerivedQuantities.eulerStep(network.getModules().get(2)).describe());
  }

  @Test
  public void trainingMemoryCountsStatesOfEveryBinAndParameterCopies() throws Exception {
    Experiment experiment = parse(REFERENCE);
    DerivedQuantities.TrainingMemory memory = DerivedQuantities.trainingMemory(experiment.getPhases().get(0));
    // 4 s at 10 ms = 400 bins; float32
    long expected = 400L * 80 * 1200 * DerivedQuantities.STATE_ARRAYS * 4 + 803_202L * DerivedQuantities.PARAMETER_COPIES * 4;
    assertEquals(expected, memory.bytes());
    assertEquals("0.93 GB (400 bins x batch 80 x 1,200 units x 6 arrays x 4 bytes, plus 803,202 parameters x 4 copies x 4 bytes)",
        memory.describe());
    assertNull(DerivedQuantities.trainingMemory(experiment.getPhases().get(1)), "an evaluate-only phase does not train");
  }
}
