package org.motorlearn.runtime.task;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.motorlearn.runtime.rng.RandomStreams;
import org.motorlearn.runtime.spec.Precision;
import org.motorlearn.runtime.spec.SpecException;
import org.motorlearn.runtime.spec.TaskSpec;
import org.motorlearn.runtime.spec.TaskSpec.CenterOut;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Builds the training and test trials of a task.
 *
 * <p><b>Centre-out reaching</b> ({@link CenterOut}, MODEL.md section 3). Target c (0-based) lies at
 * angle theta_c = 2 pi c / targets. The training set is drawn from stream {@code "task/train"}, the
 * test set from {@code "task/test"}; both derive from the run seed, so neither depends on the other's
 * size. For every trial, in this order, from that trial set's stream:
 * <ol>
 *   <li>target id c: training trials {@code nextInt(targets)}; test trial i has c = i mod targets (no draw),
 *       so the test set is balanced;
 *   <li>reach length L = reachMin + (reachMax - reachMin) u, u = {@code nextDouble()};
 *   <li>direction phi = theta_c + directionJitter z degrees, z a standard normal
 *       ({@link RandomStreams#gaussian}, drawn even when the jitter is 0 so the sequence does not shift);
 *   <li>cue bin = cueMin + {@code nextInt(cueMax - cueMin + 1)};
 *   <li>go bin = goMin + {@code nextInt(goMax - goMin + 1)};
 *   <li>movement duration D = max(2, round(movementBins + durationJitter z')) bins, z' standard normal.
 * </ol>
 * Hand position (cm): 0 for bins t &lt;= go; L s((t - go)/D) (cos phi, sin phi) for go &lt;= t &lt;= go + D
 * with s the {@link ReachProfile}; the endpoint L (cos phi, sin phi) from bin go + D to the end of the
 * trial. A jittered reach that would end after the last bin is cut off by the trial's end.
 *
 * <p>Inputs of every task (also recorded ones): u_t = [g cos theta_c, g sin theta_c, hold_t], the
 * target channels 0 for t &lt; cue and g cos/sin of the TARGET angle theta_c (not the jittered
 * direction) for t &gt;= cue; hold_t = holdValue for t &lt; go and 0 for t &gt;= go; g = inputGain.
 *
 * <p><b>Recorded trajectories</b>: see {@link RecordedTrajectories} and docs/trajectory-format.md.
 */
public final class Tasks {

  private Tasks() {}

  /** The trials in double precision (FLOAT64). */
  public static TaskData generate(TaskSpec task, RandomStreams streams, Path specFolder) {
    return generate(task, streams, specFolder, Precision.FLOAT64);
  }

  /** The trials as arrays of the given precision (the generated values are the same doubles, rounded). */
  public static TaskData generate(TaskSpec task, RandomStreams streams, Path specFolder, Precision precision) {
    DataType type = precision == Precision.FLOAT32 ? DataType.FLOAT : DataType.DOUBLE;
    if (task instanceof CenterOut c) {
      return new TaskData(
          centerOut(c, streams.stream("task/train"), c.trainTrials(), false, type),
          centerOut(c, streams.stream("task/test"), c.testTrials(), true, type));
    }
    return RecordedTrajectories.load((TaskSpec.Recorded) task, specFolder, type);
  }

  /** Synthetic centre-out trials, drawn as documented on the class. */
  static TrialSet centerOut(CenterOut spec, SplittableRandom random, int count, boolean balanced, DataType type) {
    int bins = spec.trialBins();
    if (spec.goMax() + spec.movementBins() > bins - 1) {
      throw new SpecException("task " + spec.name() + ": a reach of " + spec.movementBins() + " bins starting at go (up to bin "
          + spec.goMax() + ") ends after the last bin " + (bins - 1) + "; lengthen the trial to at least "
          + (spec.goMax() + spec.movementBins() + 1) + " bins or shorten the movement");
    }
    int[] ids = new int[count];
    int[] cues = new int[count];
    int[] gos = new int[count];
    double[] positions = new double[count * bins * 2];
    for (int n = 0; n < count; n++) {
      int c = balanced ? n % spec.targets() : random.nextInt(spec.targets());
      double length = spec.reachMin() + (spec.reachMax() - spec.reachMin()) * random.nextDouble();
      double direction = targetAngle(c, spec.targets())
          + Math.toRadians(spec.directionJitter() * RandomStreams.gaussian(random));
      int cue = spec.cueMin() + random.nextInt(spec.cueMax() - spec.cueMin() + 1);
      int go = spec.goMin() + random.nextInt(spec.goMax() - spec.goMin() + 1);
      int duration = (int) Math.max(2, Math.round(spec.movementBins() + spec.durationJitter() * RandomStreams.gaussian(random)));
      ids[n] = c;
      cues[n] = cue;
      gos[n] = go;
      double ex = length * Math.cos(direction);
      double ey = length * Math.sin(direction);
      for (int t = go; t < bins; t++) {
        double s = ReachProfile.fraction(spec.profile(), (t - go) / (double) duration);
        positions[(n * bins + t) * 2] = s * ex;
        positions[(n * bins + t) * 2 + 1] = s * ey;
      }
    }
    return new TrialSet(
        inputs(ids, cues, gos, bins, spec.targets(), spec.inputGain(), spec.holdValue(), type),
        Nd4j.create(positions, new long[] {count, bins, 2}, 'c').castTo(type),
        ids, cues, gos);
  }

  /** Angle of target {@code id}: 2 pi id / targets, radians. */
  public static double targetAngle(int id, int targets) {
    return 2 * Math.PI * id / targets;
  }

  /** The task inputs [trials, bins, 3] documented on the class. */
  public static INDArray inputs(int[] ids, int[] cues, int[] gos, int bins, int targets,
      double gain, double hold, DataType type) {
    int count = ids.length;
    double[] u = new double[count * bins * 3];
    for (int n = 0; n < count; n++) {
      double angle = targetAngle(ids[n], targets);
      double cx = gain * Math.cos(angle);
      double cy = gain * Math.sin(angle);
      for (int t = 0; t < bins; t++) {
        int at = (n * bins + t) * 3;
        if (t >= cues[n]) {
          u[at] = cx;
          u[at + 1] = cy;
        }
        u[at + 2] = t < gos[n] ? hold : 0;
      }
    }
    return Nd4j.create(u, new long[] {count, bins, 3}, 'c').castTo(type);
  }
}
