package org.motorlearn.runtime.spec;

import java.nio.file.Path;

/**
 * Where the training and test trials come from. Every trial has an input sequence (target cue and
 * hold signal), a target hand trajectory (cm, relative to the workspace centre), a target id, a cue
 * bin and a go bin.
 */
public sealed interface TaskSpec {

  String name();

  /** Number of distinct targets (reach directions). */
  int targets();

  /** Bins per trial. */
  int trialBins();

  /** Dimension of the task input: cos and sin channels of the target plus the hold signal. */
  default int inputDimension() {
    return 3;
  }

  /** Dimension of the target trajectory: hand position x and y, cm. */
  default int targetDimension() {
    return 2;
  }

  /** Hand trajectory profile of synthetic reaches. */
  enum Profile {
    SIGMOID,
    MINIMUM_JERK
  }

  /**
   * Synthetic centre-out reaching (MODEL.md section 3). Targets at equal angular steps starting at 0
   * degrees; input u = [g cos(phi), g sin(phi), hold]: the target channels are 0 before the cue, the
   * hold channel is {@code holdValue} until go and 0 after. The hand stays at the centre until go,
   * then follows the profile for {@code movementBins} bins to the target.
   *
   * @param reachMin shortest reach, cm
   * @param reachMax longest reach, cm (lengths are drawn uniformly in between)
   * @param cueMin earliest cue bin; cue bins are drawn uniformly in [cueMin, cueMax]
   * @param goMin earliest go bin; go bins are drawn uniformly in [goMin, goMax]
   * @param movementBins duration of the reach profile
   * @param directionJitter standard deviation of the reach direction around the target, degrees
   * @param durationJitter standard deviation of the movement duration, bins
   * @param trainTrials size of the training set
   * @param testTrials size of the test set (balanced over targets where possible)
   * @param inputGain amplitude g of the target channels (2 in the reference)
   * @param holdValue value of the hold channel before go (2 in the reference)
   */
  record CenterOut(
      String name,
      int targets,
      double reachMin,
      double reachMax,
      int trialBins,
      int cueMin,
      int cueMax,
      int goMin,
      int goMax,
      int movementBins,
      Profile profile,
      double directionJitter,
      double durationJitter,
      int trainTrials,
      int testTrials,
      double inputGain,
      double holdValue)
      implements TaskSpec {

    public CenterOut {
      String where = "task " + name + ": ";
      SpecException.require(targets > 0, where + "targets must be positive, got " + targets);
      SpecException.require(reachMin > 0 && reachMin <= reachMax,
          where + "reach " + reachMin + ".." + reachMax + " cm must be positive and ordered");
      SpecException.require(trialBins > 0, where + "trial must be positive, got " + trialBins + " bins");
      SpecException.require(0 <= cueMin && cueMin <= cueMax, where + "cue " + cueMin + ".." + cueMax + " must be ordered and >= 0");
      SpecException.require(goMin <= goMax, where + "go " + goMin + ".." + goMax + " must be ordered");
      SpecException.require(cueMax <= goMin, where + "the cue (up to bin " + cueMax + ") must come before go (from bin " + goMin + ")");
      SpecException.require(goMax < trialBins, where + "go (up to bin " + goMax + ") must lie inside the trial of " + trialBins + " bins");
      SpecException.require(movementBins > 0, where + "movement must be positive, got " + movementBins + " bins");
      SpecException.require(profile != null, where + "profile is missing");
      SpecException.require(directionJitter >= 0 && durationJitter >= 0, where + "jitter must be >= 0");
      SpecException.require(trainTrials > 0 && testTrials > 0, where + "train and test trials must be positive");
    }

    /** The reference task: 8 targets, 7-10 cm, 400 bins, cue 150..180, go 282, 100-bin sigmoid reaches. */
    public static CenterOut reference(String name) {
      return new CenterOut(name, 8, 7, 10, 400, 150, 180, 282, 282, 100, Profile.SIGMOID, 0, 0, 400, 160, 2, 2);
    }
  }

  /**
   * Recorded hand trajectories, loaded from a file in the layout documented in docs/trajectory-format.md
   * (.npy with a sidecar trial table, or one CSV). The last {@code testTrials} trials form the test set.
   */
  record Recorded(String name, Path file, int targets, int trialBins, int testTrials, double inputGain, double holdValue)
      implements TaskSpec {
    public Recorded {
      SpecException.require(file != null, "task " + name + ": trajectories file is missing");
      SpecException.require(targets > 0, "task " + name + ": targets must be positive, got " + targets);
      SpecException.require(trialBins > 0, "task " + name + ": trial must be positive, got " + trialBins + " bins");
      SpecException.require(testTrials > 0, "task " + name + ": test trials must be positive");
    }
  }
}
