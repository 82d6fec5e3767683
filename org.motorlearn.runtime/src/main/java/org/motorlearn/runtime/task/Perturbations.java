package org.motorlearn.runtime.task;

import java.util.Arrays;
import java.util.List;
import org.motorlearn.runtime.spec.Perturbation;
import org.motorlearn.runtime.spec.Perturbation.AppliesTo;
import org.motorlearn.runtime.spec.Perturbation.Gain;
import org.motorlearn.runtime.spec.Perturbation.Reassociation;
import org.motorlearn.runtime.spec.Perturbation.Rotation;
import org.motorlearn.runtime.spec.SpecException;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Perturbations of the instructed hand trajectories (MODEL.md sections 3 and 5). Inputs, target ids and
 * cue/go bins are never changed: the network sees the same cues and must produce a different movement.
 */
public final class Perturbations {

  private Perturbations() {}

  /**
   * The trials under a perturbation that applies to TARGETS; the trials themselves (same object) for
   * {@code null} (the plain task) and for perturbations that apply to the OUTPUT, which the engine
   * applies with {@link #outputMatrix}.
   * <ul>
   *   <li>Rotation: every position rotated counter-clockwise by {@code degrees} about the centre;
   *   <li>Gain: every position multiplied by {@code factor};
   *   <li>Reassociation: a trial showing cue c gets its own trajectory rotated by
   *       theta_{permutation[c]} - theta_c (theta_k = 2 pi k / targets), i.e. a reach towards target
   *       permutation[c] with the trial's own length, jitter and timing.
   * </ul>
   */
  public static TrialSet apply(Perturbation p, TrialSet trials, int targets) {
    if (p == null || p.appliesTo() == AppliesTo.OUTPUT) {
      return trials;
    }
    requirePlanar(p, trials);
    int count = trials.trials();
    double[][][] maps = new double[count][][];
    if (p instanceof Reassociation r) {
      List<Integer> permutation = r.permutation();
      if (permutation.size() != targets) {
        throw new SpecException("perturbation " + p.name() + ": a permutation of " + permutation.size()
            + " targets, but the task has " + targets);
      }
      for (int n = 0; n < count; n++) {
        int cue = trials.targetIds()[n];
        double angle = Tasks.targetAngle(permutation.get(cue), targets) - Tasks.targetAngle(cue, targets);
        maps[n] = rotation(angle);
      }
    } else {
      double[][] m = outputMatrix(p);
      Arrays.fill(maps, m);
    }
    return new TrialSet(trials.inputs(), transform(trials.targets(), maps), trials.targetIds().clone(),
        trials.cueBins().clone(), trials.goBins().clone());
  }

  /**
   * The 2x2 linear map of a rotation or gain, y' = M y (rows: output x, y). For OUTPUT perturbations the
   * engine applies it to the network's output before the loss; a re-association has no such map.
   */
  public static double[][] outputMatrix(Perturbation p) {
    if (p instanceof Rotation r) {
      return rotation(Math.toRadians(r.degrees()));
    }
    if (p instanceof Gain g) {
      return new double[][] {{g.factor(), 0}, {0, g.factor()}};
    }
    throw new SpecException("perturbation " + p.name() + ": a target re-association changes which movement a cue asks for,"
        + " so it can only apply to the targets, not to the output; remove 'output' from it");
  }

  private static double[][] rotation(double radians) {
    double c = Math.cos(radians);
    double s = Math.sin(radians);
    return new double[][] {{c, -s}, {s, c}};
  }

  private static void requirePlanar(Perturbation p, TrialSet trials) {
    if (trials.targets().rank() != 3 || trials.targets().size(2) != 2) {
      throw new SpecException("perturbation " + p.name() + ": it transforms 2-d hand positions, but the targets have shape "
          + Arrays.toString(trials.targets().shape()));
    }
  }

  /** Applies maps[n] to every position of trial n, in double precision; keeps the data type. */
  private static INDArray transform(INDArray targets, double[][][] maps) {
    DataType type = targets.dataType();
    double[] xy = targets.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    int bins = (int) targets.size(1);
    for (int n = 0; n < maps.length; n++) {
      double[][] m = maps[n];
      for (int t = 0; t < bins; t++) {
        int at = (n * bins + t) * 2;
        double x = xy[at];
        double y = xy[at + 1];
        xy[at] = m[0][0] * x + m[0][1] * y;
        xy[at + 1] = m[1][0] * x + m[1][1] * y;
      }
    }
    return Nd4j.create(xy, targets.shape(), 'c').castTo(type);
  }
}
