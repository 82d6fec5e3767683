package org.motorlearn.runtime.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.motorlearn.runtime.rng.RandomStreams;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Robustness of adapted weights to synaptic noise (MODEL.md section 6). For every plastic parameter,
 * W_noisy = W_before + dW + xi with dW = W_after - W_before and xi_ij ~ N(0, (scale * std(dW))^2),
 * std the population standard deviation (ddof 0) over the entries of dW. Entries outside a sparse mask
 * get no noise and do not enter std(dW). Frozen parameters keep W_after. Repeat r of phase p draws the
 * noise of parameter w from stream {@code "noise/<p>/<w>/<r>"} (standard normals in C order), so
 * repeats and parameters are independent and reproducible.
 *
 * <p>How the network is simulated is not this class's business: an {@link Evaluation} maps a full set of
 * weights to the behavioural MSE and the PSTHs per module. Activity and covariance changes are measured
 * against the reference PSTHs given (the baseline's, as for the adapted network itself).
 */
public final class NoiseRobustness {

  /** Runs the network with the given weights (every parameter, by name) and scores it. */
  @FunctionalInterface
  public interface Evaluation {
    Outcome evaluate(Map<String, INDArray> weights);
  }

  /** @param mse behavioural MSE (cm^2); @param psths PSTH [targets, bins, units] per module */
  public record Outcome(double mse, Map<String, INDArray> psths) {}

  /**
   * One noise draw.
   *
   * @param noiseStd the standard deviation used, scale * std(dW), per parameter
   * @param noiseParticipationRatio PR of the singular values of xi, per parameter
   */
  public record Repeat(int repeat, double rmse, Map<String, Double> activityChange, Map<String, Double> covarianceChange,
      Map<String, Double> noiseStd, Map<String, Double> noiseParticipationRatio) {}

  /** All repeats and their means (the mean RMSE is the mean of the per-repeat RMSEs). */
  public record Result(List<Repeat> repeats, double meanRmse, Map<String, Double> meanActivityChange,
      Map<String, Double> meanCovarianceChange, Map<String, Double> meanNoiseParticipationRatio) {}

  /** The noisy weights and the noise itself (DOUBLE) of one repeat. */
  public record Draw(Map<String, INDArray> weights, Map<String, INDArray> noise, Map<String, Double> noiseStd) {}

  private NoiseRobustness() {}

  /**
   * Draws repeat {@code repeat} of the noisy weights.
   *
   * @param masks sparse masks by parameter (absent or null: dense); entries where the mask is 0 get no noise
   */
  public static Draw draw(String phase, int repeat, Map<String, INDArray> before, Map<String, INDArray> after,
      Collection<String> plastic, Map<String, INDArray> masks, double scale, RandomStreams streams) {
    Map<String, INDArray> weights = new LinkedHashMap<>(after);
    Map<String, INDArray> noise = new LinkedHashMap<>();
    Map<String, Double> stds = new LinkedHashMap<>();
    for (String name : plastic) {
      INDArray w0 = before.get(name);
      INDArray w1 = after.get(name);
      if (w0 == null || w1 == null) {
        throw new IllegalArgumentException("noise robustness: no weights " + name + " before or after phase " + phase);
      }
      Values.requireSameShape(w0, w1, "noise robustness " + name);
      double[] a = Values.flat(w0);
      double[] b = Values.flat(w1);
      INDArray maskArray = masks == null ? null : masks.get(name);
      double[] mask = maskArray == null ? null : Values.flat(maskArray);
      double mean = 0;
      int count = 0;
      for (int i = 0; i < a.length; i++) {
        if (mask == null || mask[i] != 0) {
          mean += b[i] - a[i];
          count++;
        }
      }
      mean /= Math.max(1, count);
      double squares = 0;
      for (int i = 0; i < a.length; i++) {
        if (mask == null || mask[i] != 0) {
          double d = b[i] - a[i] - mean;
          squares += d * d;
        }
      }
      double std = scale * Math.sqrt(squares / Math.max(1, count));
      SplittableRandom random = streams.stream("noise/" + phase + "/" + name + "/" + repeat);
      double[] xi = new double[a.length];
      double[] noisy = new double[a.length];
      for (int i = 0; i < a.length; i++) {
        double z = RandomStreams.gaussian(random);
        xi[i] = mask == null || mask[i] != 0 ? std * z : 0;
        noisy[i] = b[i] + xi[i]; // = W_before + dW + xi without the rounding of b - a + a
      }
      noise.put(name, Nd4j.create(xi, w1.shape(), 'c'));
      weights.put(name, Nd4j.create(noisy, w1.shape(), 'c').castTo(w1.dataType()));
      stds.put(name, std);
    }
    return new Draw(weights, noise, stds);
  }

  /** Draws {@code repeats} noisy weight sets, evaluates each and compares it with the reference PSTHs. */
  public static Result run(String phase, Map<String, INDArray> before, Map<String, INDArray> after, Collection<String> plastic,
      Map<String, INDArray> masks, double scale, int repeats, RandomStreams streams, Map<String, INDArray> referencePsths,
      Evaluation evaluation) {
    List<Repeat> results = new ArrayList<>();
    for (int r = 0; r < repeats; r++) {
      Draw draw = draw(phase, r, before, after, plastic, masks, scale, streams);
      Outcome outcome = evaluation.evaluate(draw.weights());
      Map<String, Double> activity = new LinkedHashMap<>();
      Map<String, Double> covariance = new LinkedHashMap<>();
      for (Map.Entry<String, INDArray> e : referencePsths.entrySet()) {
        INDArray noisy = outcome.psths().get(e.getKey());
        if (noisy == null) {
          throw new IllegalArgumentException("noise robustness: the evaluation returned no PSTH for module " + e.getKey());
        }
        activity.put(e.getKey(), ActivityChange.percent(e.getValue(), noisy));
        covariance.put(e.getKey(), CovarianceChange.of(e.getValue(), noisy));
      }
      Map<String, Double> pr = new LinkedHashMap<>();
      for (Map.Entry<String, INDArray> e : draw.noise().entrySet()) {
        pr.put(e.getKey(), ParticipationRatio.of(e.getValue()));
      }
      results.add(new Repeat(r, Math.sqrt(outcome.mse()), activity, covariance, draw.noiseStd(), pr));
    }
    double rmse = results.stream().mapToDouble(Repeat::rmse).average().orElse(Double.NaN);
    return new Result(results, rmse, mean(results, Repeat::activityChange), mean(results, Repeat::covarianceChange),
        mean(results, Repeat::noiseParticipationRatio));
  }

  private static Map<String, Double> mean(List<Repeat> repeats, Function<Repeat, Map<String, Double>> field) {
    Map<String, Double> sum = new LinkedHashMap<>();
    for (Repeat r : repeats) {
      field.apply(r).forEach((k, v) -> sum.merge(k, v, Double::sum));
    }
    sum.replaceAll((k, v) -> v / repeats.size());
    return sum;
  }
}
