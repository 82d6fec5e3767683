package org.motorlearn.runtime.engine;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.motorlearn.runtime.rng.RandomStreams;
import org.motorlearn.runtime.spec.Init;
import org.motorlearn.runtime.spec.InputSpec;
import org.motorlearn.runtime.spec.Network;
import org.motorlearn.runtime.spec.Precision;
import org.motorlearn.runtime.spec.ProjectionSpec;
import org.motorlearn.runtime.spec.ReadoutSpec;
import org.motorlearn.runtime.spec.SpecException;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The named parameters of a network, in {@link Network#parameterShapes()} order, plus the fixed masks
 * of sparse projections (1 = connection exists). Masked entries are exactly 0 and stay so: the engine
 * masks their gradients. Training mutates the arrays in place.
 */
public final class Weights {

  private final Network network;
  private final Precision precision;
  private final Map<String, INDArray> values;
  private final Map<String, INDArray> masks;

  private Weights(Network network, Precision precision, Map<String, INDArray> values, Map<String, INDArray> masks) {
    this.network = network;
    this.precision = precision;
    this.values = values;
    this.masks = masks;
  }

  /**
   * Fresh weights. Each parameter draws from stream {@code "init/<param>"}, each sparse projection's
   * mask from {@code "mask/<param>"} (entry kept when U(0,1) < density), so adding a module or a
   * projection changes no other parameter. A readout's {@link Init.FromFile} loads the weight from
   * the file and the bias from the sibling file {@code <stem>.bias.npy}. Relative files resolve
   * against {@code specFolder}.
   *
   * @throws SpecException when an init file is missing or has the wrong shape
   */
  public static Weights initialise(Network network, RandomStreams streams, Precision precision, Path specFolder) {
    DataType type = Precisions.dataType(precision);
    Map<String, int[]> shapes = network.parameterShapes();
    Map<String, INDArray> values = new LinkedHashMap<>();
    Map<String, INDArray> masks = new LinkedHashMap<>();
    for (InputSpec in : network.inputs()) {
      for (String target : in.targets()) {
        String name = in.name() + " -> " + target;
        int units = network.module(target).units();
        values.put(name, draw(name, shapes.get(name), in.init(), units, in.dimension(), streams, specFolder, null, type));
      }
    }
    for (ProjectionSpec p : network.projections()) {
      String name = p.parameterName();
      int[] shape = shapes.get(name);
      int fanIn = network.module(p.from()).units();
      double[] w = drawValues(name, shape, p.init(), network.module(p.to()).units(), fanIn, streams, specFolder, null);
      if (p.density() < 1) {
        INDArray mask = drawMask(shape, p.density(), streams.stream("mask/" + name), type);
        double[] kept = Precisions.values(mask);
        for (int i = 0; i < w.length; i++) {
          w[i] = kept[i] == 1 ? w[i] : 0.0;
        }
        masks.put(name, mask);
      }
      values.put(name, Precisions.create(w, Arrays.stream(shape).asLongStream().toArray(), type));
    }
    for (ReadoutSpec r : network.readouts()) {
      int source = network.module(r.from()).units();
      values.put(r.weightName(), draw(r.weightName(), shapes.get(r.weightName()), r.init(), source, source, streams,
          specFolder, null, type));
      if (r.bias()) {
        values.put(r.biasName(), draw(r.biasName(), shapes.get(r.biasName()), r.init(), source, source, streams,
            specFolder, ".bias", type));
      }
    }
    return new Weights(network, precision, values, masks);
  }

  /**
   * Weights restored from saved values (any float type; converted to {@code precision}). The masks of
   * sparse projections are the non-zero patterns of the saved matrices (masked entries are exactly 0,
   * trained entries almost surely not); use {@link #of(Network, Precision, Map, RandomStreams)} to
   * redraw them from the seed instead.
   *
   * @throws SpecException naming a missing, unknown or wrongly shaped parameter
   */
  public static Weights of(Network network, Precision precision, Map<String, INDArray> saved) {
    Map<String, INDArray> values = restore(network, precision, saved);
    Map<String, INDArray> masks = new LinkedHashMap<>();
    for (ProjectionSpec p : network.projections()) {
      if (p.density() < 1) {
        INDArray w = values.get(p.parameterName());
        masks.put(p.parameterName(), w.neq(0).castTo(w.dataType()));
      }
    }
    return new Weights(network, precision, values, masks);
  }

  /** Weights restored from saved values, with the sparse masks redrawn from the run's streams. */
  public static Weights of(Network network, Precision precision, Map<String, INDArray> saved, RandomStreams streams) {
    Map<String, INDArray> values = restore(network, precision, saved);
    Map<String, INDArray> masks = new LinkedHashMap<>();
    DataType type = Precisions.dataType(precision);
    for (ProjectionSpec p : network.projections()) {
      if (p.density() < 1) {
        String name = p.parameterName();
        INDArray mask = drawMask(network.parameterShapes().get(name), p.density(), streams.stream("mask/" + name), type);
        if (values.get(name).mul(mask).neq(values.get(name)).any()) {
          throw new SpecException("weights of '" + name + "': the saved matrix has connections outside the mask of seed "
              + streams.seed() + "; restore with the seed it was trained with");
        }
        masks.put(name, mask);
      }
    }
    return new Weights(network, precision, values, masks);
  }

  private static Map<String, INDArray> restore(Network network, Precision precision, Map<String, INDArray> saved) {
    DataType type = Precisions.dataType(precision);
    Map<String, int[]> shapes = network.parameterShapes();
    for (String name : saved.keySet()) {
      if (!shapes.containsKey(name)) {
        throw new SpecException("weights: '" + name + "' is not a parameter of network " + network.name()
            + " (parameters: " + shapes.keySet() + ")");
      }
    }
    Map<String, INDArray> values = new LinkedHashMap<>();
    for (Map.Entry<String, int[]> e : shapes.entrySet()) {
      INDArray value = saved.get(e.getKey());
      if (value == null) {
        throw new SpecException("weights: parameter '" + e.getKey() + "' is missing");
      }
      long[] expected = Arrays.stream(e.getValue()).asLongStream().toArray();
      if (!Arrays.equals(value.shape(), expected)) {
        throw new SpecException("weights: '" + e.getKey() + "' has shape " + Arrays.toString(value.shape())
            + ", expected " + Arrays.toString(expected));
      }
      values.put(e.getKey(), value.castTo(type).dup('c'));
    }
    return values;
  }

  private static INDArray draw(String name, int[] shape, Init init, int defaultFan, int fanIn, RandomStreams streams,
      Path specFolder, String fileSuffix, DataType type) {
    double[] values = drawValues(name, shape, init, defaultFan, fanIn, streams, specFolder, fileSuffix);
    return Precisions.create(values, Arrays.stream(shape).asLongStream().toArray(), type);
  }

  private static double[] drawValues(String name, int[] shape, Init init, int defaultFan, int fanIn,
      RandomStreams streams, Path specFolder, String fileSuffix) {
    Path file = null;
    if (init instanceof Init.FromFile f) {
      Path resolved = specFolder == null ? f.file() : specFolder.resolve(f.file());
      if (fileSuffix != null) {
        String fileName = resolved.getFileName().toString();
        String stem = fileName.endsWith(".npy") ? fileName.substring(0, fileName.length() - 4) : fileName;
        resolved = resolved.resolveSibling(stem + fileSuffix + ".npy");
      }
      file = resolved;
    }
    return WeightInit.draw(name, shape, init, defaultFan, fanIn, streams.stream("init/" + name), file);
  }

  private static INDArray drawMask(int[] shape, double density, SplittableRandom random, DataType type) {
    int count = Arrays.stream(shape).reduce(1, (x, y) -> x * y);
    double[] mask = new double[count];
    for (int i = 0; i < count; i++) {
      mask[i] = random.nextDouble() < density ? 1 : 0;
    }
    return Precisions.create(mask, Arrays.stream(shape).asLongStream().toArray(), type);
  }

  /** A deep copy (values and masks). */
  public Weights copy() {
    Map<String, INDArray> v = new LinkedHashMap<>();
    values.forEach((k, a) -> v.put(k, a.dup()));
    Map<String, INDArray> m = new LinkedHashMap<>();
    masks.forEach((k, a) -> m.put(k, a.dup()));
    return new Weights(network, precision, v, m);
  }

  public Network network() {
    return network;
  }

  public Precision precision() {
    return precision;
  }

  public Set<String> names() {
    return Collections.unmodifiableSet(values.keySet());
  }

  public INDArray get(String name) {
    INDArray value = values.get(name);
    if (value == null) {
      throw new SpecException("network " + network.name() + " has no parameter '" + name + "' (parameters: "
          + values.keySet() + ")");
    }
    return value;
  }

  /** The 0/1 mask of a sparse projection; null when the parameter is dense. */
  public INDArray mask(String name) {
    return masks.get(name);
  }

  /** All parameters by name, in network order; the arrays themselves, not copies. */
  public Map<String, INDArray> values() {
    return Collections.unmodifiableMap(values);
  }
}
