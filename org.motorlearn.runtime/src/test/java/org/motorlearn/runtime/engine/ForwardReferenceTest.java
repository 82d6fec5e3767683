package org.motorlearn.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.motorlearn.runtime.rng.RandomStreams;
import org.motorlearn.runtime.spec.Activation;
import org.motorlearn.runtime.spec.InputSpec;
import org.motorlearn.runtime.spec.ModuleSpec;
import org.motorlearn.runtime.spec.Network;
import org.motorlearn.runtime.spec.Perturbation;
import org.motorlearn.runtime.spec.Precision;
import org.motorlearn.runtime.spec.ProjectionSpec;
import org.motorlearn.runtime.spec.ReadoutSpec;
import org.motorlearn.runtime.task.TrialSet;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The engine's forward pass against a plain-Java loop written straight from MODEL.md section 2: each
 * step every module integrates the PREVIOUS step's rates (one-step lag), then all rates are updated;
 * outputs read the new rates; velocity readouts are integrated from 0; x0 and noise are drawn as the
 * engine documents.
 */
class ForwardReferenceTest {

  @Test
  void engineMatchesThePlainLoopOnAGraphWithFeedbackNoiseAndBothReadouts() {
    Network network = Fixtures.noisyGraph();
    RandomStreams streams = new RandomStreams(21);
    Weights weights = Weights.initialise(network, streams, Precision.FLOAT64, null);
    weights.values().forEach((name, w) -> w.muli(3));
    TrialSet trials = Fixtures.trials(network, 4, Fixtures.BINS, 9);
    Activity activity = new Simulator(network, Precision.FLOAT64, null).simulate(weights, trials, streams, "test");

    int bins = Fixtures.BINS;
    int count = trials.trials();
    double[] u = Precisions.values(trials.inputs());
    int inputDim = 3;
    for (int trial = 0; trial < count; trial++) {
      int modules = network.modules().size();
      double[][] x = new double[modules][];
      double[][] r = new double[modules][];
      for (int m = 0; m < modules; m++) {
        ModuleSpec spec = network.modules().get(m);
        x[m] = drawX0(spec, streams, count)[trial];
        r[m] = f(spec.activation(), x[m]);
        assertClose(x[m], row(activity.initialStates().get(spec.name()), trial), "x0 of " + spec.name());
      }
      double[][] position = new double[network.readouts().size()][];
      for (int k = 0; k < position.length; k++) {
        position[k] = new double[network.readouts().get(k).dimension()];
      }
      for (int t = 0; t < bins; t++) {
        double[][] next = new double[modules][];
        for (int m = 0; m < modules; m++) {
          ModuleSpec spec = network.modules().get(m);
          double[] current = new double[spec.units()];
          for (ProjectionSpec p : network.projections()) {
            if (p.to().equals(spec.name())) {
              addProduct(current, weights.get(p.parameterName()), r[index(network, p.from())]);
            }
          }
          int column = 0;
          for (InputSpec in : network.inputs()) {
            if (in.targets().contains(spec.name())) {
              double[] ut = new double[in.dimension()];
              for (int d = 0; d < in.dimension(); d++) {
                ut[d] = u[(trial * bins + t) * inputDim + column + d];
              }
              addProduct(current, weights.get(in.name() + " -> " + spec.name()), ut);
            }
            column += in.dimension();
          }
          double[] xi = spec.noise() > 0 ? drawNoise(spec, streams, count, bins)[trial][t] : new double[spec.units()];
          double a = network.dt() / spec.tau();
          next[m] = new double[spec.units()];
          for (int j = 0; j < spec.units(); j++) {
            next[m][j] = x[m][j] + a * (-x[m][j] + current[j] + spec.noise() * xi[j]);
          }
        }
        for (int m = 0; m < modules; m++) {
          x[m] = next[m];
          r[m] = f(network.modules().get(m).activation(), x[m]);
          INDArray engine = activity.rates().get(network.modules().get(m).name());
          assertClose(r[m], Precisions.values(engine.get(org.nd4j.linalg.indexing.NDArrayIndex.point(trial),
              org.nd4j.linalg.indexing.NDArrayIndex.point(t), org.nd4j.linalg.indexing.NDArrayIndex.all())),
              "rates of " + network.modules().get(m).name() + " at bin " + t);
        }
        for (int k = 0; k < position.length; k++) {
          ReadoutSpec spec = network.readouts().get(k);
          double[] y = new double[spec.dimension()];
          addProduct(y, weights.get(spec.weightName()), r[index(network, spec.from())]);
          if (spec.bias()) {
            double[] b = Precisions.values(weights.get(spec.biasName()));
            for (int d = 0; d < y.length; d++) {
              y[d] += b[d];
            }
          }
          for (int d = 0; d < y.length; d++) {
            position[k][d] = spec.kind() == ReadoutSpec.Kind.VELOCITY ? position[k][d] + network.dt() * y[d] : y[d];
          }
          INDArray engine = activity.outputs().get(spec.name());
          assertClose(position[k], Precisions.values(engine.get(org.nd4j.linalg.indexing.NDArrayIndex.point(trial),
              org.nd4j.linalg.indexing.NDArrayIndex.point(t), org.nd4j.linalg.indexing.NDArrayIndex.all())),
              "output " + spec.name() + " at bin " + t);
        }
      }
    }
  }

  @Test
  void theLagMakesAChainRespondOneBinPerArea() {
    // Input only into A; A -> B -> C; x0 = 0: B is silent until bin 1, C until bin 2.
    Network chain = Network.builder("chain")
        .module(ModuleSpec.of("A", 2).withInitialState(org.motorlearn.runtime.spec.InitialState.zeros()))
        .module(ModuleSpec.of("B", 2).withInitialState(org.motorlearn.runtime.spec.InitialState.zeros()))
        .module(ModuleSpec.of("C", 2).withInitialState(org.motorlearn.runtime.spec.InitialState.zeros()))
        .input(InputSpec.of("u", 3, "A"))
        .connect(ProjectionSpec.dense("A", "B"))
        .connect(ProjectionSpec.dense("B", "C"))
        .readout(ReadoutSpec.position("hand", 2, "C"))
        .build();
    RandomStreams streams = new RandomStreams(1);
    Weights weights = Weights.initialise(chain, streams, Precision.FLOAT64, null);
    Activity activity = new Simulator(chain, Precision.FLOAT64, null)
        .simulate(weights, Fixtures.trials(chain, 1, 4, 2), streams, "test");
    assertTrue(activity.rates().get("A").getDouble(0, 0, 0) != 0, "A responds in bin 0");
    assertEquals(0.0, peak(activity, "B", 0), "B silent in bin 0");
    assertTrue(peak(activity, "B", 1) > 0, "B responds in bin 1");
    assertEquals(0.0, peak(activity, "C", 1), "C silent in bin 1");
    assertTrue(peak(activity, "C", 2) > 0, "C responds in bin 2");
  }

  @Test
  void outputRotationRotatesTheReportedOutput() {
    Network network = Fixtures.reference(3, Activation.TANH);
    RandomStreams streams = new RandomStreams(4);
    Weights weights = Weights.initialise(network, streams, Precision.FLOAT64, null);
    TrialSet trials = Fixtures.trials(network, 2, 5, 1);
    double[] plain = Precisions.values(new Simulator(network, Precision.FLOAT64, null)
        .simulate(weights, trials, streams, "test").outputs().get("hand"));
    double[] rotated = Precisions.values(new Simulator(network, Precision.FLOAT64,
        new Perturbation.Rotation("vr", 90, Perturbation.AppliesTo.OUTPUT)).simulate(weights, trials, streams, "test")
        .outputs().get("hand"));
    for (int i = 0; i < plain.length; i += 2) {
      assertEquals(-plain[i + 1], rotated[i], 1e-12);
      assertEquals(plain[i], rotated[i + 1], 1e-12);
    }
  }

  @Test
  void chunkingTheTrialsChangesNothing() {
    Network network = Fixtures.noisyGraph();
    RandomStreams streams = new RandomStreams(2);
    Weights weights = Weights.initialise(network, streams, Precision.FLOAT64, null);
    int count = Simulator.CHUNK + 6;
    TrialSet trials = Fixtures.trials(network, count, 3, 4);
    Activity chunked = new Simulator(network, Precision.FLOAT64, null).simulate(weights, trials, streams, "test");
    Layout layout = new Layout(network);
    int[] all = java.util.stream.IntStream.range(0, count).toArray();
    Bptt whole = new Bptt(layout, org.nd4j.linalg.api.buffer.DataType.DOUBLE, count, 3, false, null);
    whole.forward(weights, Batch.assemble(layout, TrialData.of(trials, layout), all, streams, "test", false));
    for (String module : chunked.rates().keySet()) {
      assertClose(Precisions.values(whole.ratesByModule().get(module)), Precisions.values(chunked.rates().get(module)),
          module);
    }
    for (String readout : chunked.outputs().keySet()) {
      assertClose(Precisions.values(whole.outputsByReadout().get(readout)),
          Precisions.values(chunked.outputs().get(readout)), readout);
    }
  }

  private static double peak(Activity activity, String module, int bin) {
    return activity.rates().get(module).get(org.nd4j.linalg.indexing.NDArrayIndex.point(0),
        org.nd4j.linalg.indexing.NDArrayIndex.point(bin), org.nd4j.linalg.indexing.NDArrayIndex.all())
        .amaxNumber().doubleValue();
  }

  private static double[][] drawX0(ModuleSpec spec, RandomStreams streams, int count) {
    SplittableRandom random = streams.stream("test/x0/" + spec.name());
    double[][] x0 = new double[count][spec.units()];
    for (int b = 0; b < count; b++) {
      for (int j = 0; j < spec.units(); j++) {
        var s = spec.initialState();
        x0[b][j] = switch (s.kind()) {
          case UNIFORM -> s.a() + (s.b() - s.a()) * random.nextDouble();
          case NORMAL -> s.a() + s.b() * RandomStreams.gaussian(random);
          case ZEROS -> 0;
        };
      }
    }
    return x0;
  }

  private static double[][][] drawNoise(ModuleSpec spec, RandomStreams streams, int count, int bins) {
    SplittableRandom random = streams.stream("test/noise/" + spec.name());
    double[][][] xi = new double[count][bins][spec.units()];
    for (int b = 0; b < count; b++) {
      for (int t = 0; t < bins; t++) {
        for (int j = 0; j < spec.units(); j++) {
          xi[b][t][j] = RandomStreams.gaussian(random);
        }
      }
    }
    return xi;
  }

  private static double[] f(Activation activation, double[] x) {
    double[] r = new double[x.length];
    for (int j = 0; j < x.length; j++) {
      r[j] = switch (activation) {
        case TANH -> Math.tanh(x[j]);
        case RELU -> Math.max(0, x[j]);
        case SOFTPLUS -> Math.log1p(Math.exp(x[j]));
        case LINEAR -> x[j];
      };
    }
    return r;
  }

  private static void addProduct(double[] out, INDArray matrix, double[] v) {
    double[] w = Precisions.values(matrix);
    int columns = v.length;
    for (int i = 0; i < out.length; i++) {
      for (int j = 0; j < columns; j++) {
        out[i] += w[i * columns + j] * v[j];
      }
    }
  }

  private static int index(Network network, String module) {
    for (int m = 0; m < network.modules().size(); m++) {
      if (network.modules().get(m).name().equals(module)) {
        return m;
      }
    }
    throw new AssertionError(module);
  }

  private static double[] row(INDArray matrix, int row) {
    return Precisions.values(matrix.getRow(row));
  }

  private static void assertClose(double[] expected, double[] actual, String what) {
    assertEquals(expected.length, actual.length, what);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], 1e-12 * (1 + Math.abs(expected[i])), what + " [" + i + "]");
    }
  }
}
