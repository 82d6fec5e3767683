package org.motorlearn.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motorlearn.runtime.io.Npy;
import org.motorlearn.runtime.rng.RandomStreams;
import org.motorlearn.runtime.spec.Activation;
import org.motorlearn.runtime.spec.Init;
import org.motorlearn.runtime.spec.ModuleSpec;
import org.motorlearn.runtime.spec.Network;
import org.motorlearn.runtime.spec.Precision;
import org.motorlearn.runtime.spec.ProjectionSpec;
import org.motorlearn.runtime.spec.ReadoutSpec;
import org.motorlearn.runtime.spec.SpecException;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class WeightsTest {

  @Test
  void sameSeedGivesIdenticalBitsAndAnotherSeedDoesNot() {
    Network n = Fixtures.graph();
    float[] a = TrainerTest.concat(Weights.initialise(n, new RandomStreams(1), Precision.FLOAT32, null));
    float[] b = TrainerTest.concat(Weights.initialise(n, new RandomStreams(1), Precision.FLOAT32, null));
    float[] c = TrainerTest.concat(Weights.initialise(n, new RandomStreams(2), Precision.FLOAT32, null));
    assertArrayEquals(a, b);
    assertFalse(java.util.Arrays.equals(a, c));
  }

  @Test
  void addingAModuleChangesNoOtherInitialWeight() {
    Network small = Fixtures.graph();
    List<ModuleSpec> modules = new java.util.ArrayList<>(small.modules());
    modules.add(0, ModuleSpec.of("Extra", 6));
    List<ProjectionSpec> projections = new java.util.ArrayList<>(small.projections());
    projections.add(ProjectionSpec.dense("Extra", "A"));
    projections.add(0, ProjectionSpec.recurrent("Extra"));
    Network large = new Network("large", small.dt(), modules, small.inputs(), projections, small.readouts());
    Weights a = Weights.initialise(small, new RandomStreams(5), Precision.FLOAT64, null);
    Weights b = Weights.initialise(large, new RandomStreams(5), Precision.FLOAT64, null);
    for (String name : a.names()) {
      assertArrayEquals(a.get(name).data().asDouble(), b.get(name).data().asDouble(), name);
    }
    assertEquals(a.mask("C.recurrent"), b.mask("C.recurrent"));
  }

  @Test
  void defaultInitIsUniformWithBoundOneOverSqrtOfTheReceivingUnits() {
    Network n = Network.builder("paper")
        .module(ModuleSpec.of("M1", 400))
        .module(ModuleSpec.of("S", 100))
        .input(org.motorlearn.runtime.spec.InputSpec.of("u", 3, "M1"))
        .connect(ProjectionSpec.recurrent("M1"))
        .connect(ProjectionSpec.dense("M1", "S"))
        .readout(ReadoutSpec.position("hand", 2, "M1"))
        .readout(ReadoutSpec.position("small", 2, "S"))
        .build();
    Weights w = Weights.initialise(n, new RandomStreams(3), Precision.FLOAT32, null);
    assertBounded(w.get("M1.recurrent"), 0.05);
    assertBounded(w.get("u -> M1"), 0.05);
    assertBounded(w.get("hand.weight"), 0.05);
    assertBounded(w.get("M1 -> S"), 0.1);
    assertBounded(w.get("small.weight"), 0.1);
    assertTrue(w.get("hand.bias").amaxNumber().doubleValue() <= 0.05);
    assertEquals(0.0, w.get("M1.recurrent").meanNumber().doubleValue(), 0.002, "centred");
  }

  private static void assertBounded(INDArray w, double bound) {
    double max = w.amaxNumber().doubleValue();
    assertTrue(max <= bound, "max |w| " + max + " exceeds " + bound);
    assertTrue(max > 0.95 * bound, "max |w| " + max + " far below " + bound + ": not U(-b, b)");
  }

  @Test
  void gainNormalUniformAndZerosInits() {
    Network n = Network.builder("inits")
        .module(ModuleSpec.of("A", 300))
        .connect(ProjectionSpec.recurrent("A").withInit(Init.gain(1.5)))
        .readout(ReadoutSpec.position("hand", 2, "A").withInit(Init.zeros()))
        .build();
    Weights w = Weights.initialise(n, new RandomStreams(3), Precision.FLOAT64, null);
    assertEquals(1.5 / Math.sqrt(300), w.get("A.recurrent").stdNumber().doubleValue(), 0.02 * 1.5 / Math.sqrt(300));
    assertEquals(0.0, w.get("hand.weight").amaxNumber().doubleValue());
    Network u = Network.builder("u").module(ModuleSpec.of("A", 50))
        .connect(ProjectionSpec.recurrent("A").withInit(Init.uniform(0.2, 0.3)))
        .readout(ReadoutSpec.position("hand", 2, "A").withInit(Init.normal(1.0, 0.0))).build();
    Weights v = Weights.initialise(u, new RandomStreams(3), Precision.FLOAT64, null);
    assertTrue(v.get("A.recurrent").minNumber().doubleValue() >= 0.2 && v.get("A.recurrent").maxNumber().doubleValue() < 0.3);
    assertEquals(1.0, v.get("hand.weight").minNumber().doubleValue());
    assertEquals(1.0, v.get("hand.bias").maxNumber().doubleValue());
  }

  @Test
  void fromFileLoadsRelativeToTheSpecFolderAndChecksTheShape(@TempDir Path folder) {
    INDArray saved = Nd4j.linspace(org.nd4j.linalg.api.buffer.DataType.DOUBLE, 1, 9, 9).reshape(3, 3);
    Npy.write(folder.resolve("rec.npy"), saved);
    Npy.write(folder.resolve("hand.npy"), Nd4j.ones(org.nd4j.linalg.api.buffer.DataType.DOUBLE, 2, 3));
    Npy.write(folder.resolve("hand.bias.npy"), Nd4j.createFromArray(new double[] {7, 8}));
    Network n = Network.builder("f").module(ModuleSpec.of("A", 3))
        .connect(ProjectionSpec.recurrent("A").withInit(Init.fromFile("rec.npy")))
        .readout(ReadoutSpec.position("hand", 2, "A").withInit(Init.fromFile("hand.npy"))).build();
    Weights w = Weights.initialise(n, new RandomStreams(1), Precision.FLOAT64, folder);
    assertEquals(saved, w.get("A.recurrent"));
    assertEquals(Nd4j.createFromArray(new double[] {7, 8}), w.get("hand.bias"));

    Network wrong = Network.builder("f").module(ModuleSpec.of("A", 4))
        .connect(ProjectionSpec.recurrent("A").withInit(Init.fromFile("rec.npy")))
        .readout(ReadoutSpec.position("hand", 2, "A")).build();
    SpecException e = assertThrows(SpecException.class,
        () -> Weights.initialise(wrong, new RandomStreams(1), Precision.FLOAT64, folder));
    assertTrue(e.getMessage().contains("'A.recurrent'") && e.getMessage().contains("[3, 3]")
        && e.getMessage().contains("[4, 4]"), e.getMessage());
  }

  @Test
  void restoredWeightsAreShapeCheckedAndRecoverTheMasks() {
    Network n = Fixtures.graph();
    Weights w = Weights.initialise(n, new RandomStreams(4), Precision.FLOAT64, null);
    Map<String, INDArray> saved = new LinkedHashMap<>(w.values());
    Weights restored = Weights.of(n, Precision.FLOAT32, saved);
    assertEquals(w.mask("C.recurrent").castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT), restored.mask("C.recurrent"));
    Weights redrawn = Weights.of(n, Precision.FLOAT64, saved, new RandomStreams(4));
    assertEquals(w.mask("C.recurrent"), redrawn.mask("C.recurrent"));
    saved.put("A.recurrent", Nd4j.zeros(2, 2));
    SpecException e = assertThrows(SpecException.class, () -> Weights.of(n, Precision.FLOAT64, saved));
    assertTrue(e.getMessage().contains("'A.recurrent'") && e.getMessage().contains("[4, 4]"), e.getMessage());
  }

  @Test
  void copiesAreIndependent() {
    Weights w = Weights.initialise(Fixtures.reference(3, Activation.TANH), new RandomStreams(1), Precision.FLOAT64, null);
    Weights c = w.copy();
    c.get("U.recurrent").addi(1);
    assertFalse(w.get("U.recurrent").equals(c.get("U.recurrent")));
  }
}
