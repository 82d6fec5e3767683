package org.motorlearn.runtime.spec;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A change of the task that the network must adapt to. */
public sealed interface Perturbation {

  String name();

  AppliesTo appliesTo();

  /**
   * TARGETS: the instructed hand trajectories are transformed, inputs unchanged (as in the paper).
   * OUTPUT: the network's output is transformed before it is compared with the unchanged targets
   * (a cursor perturbation).
   */
  enum AppliesTo {
    TARGETS,
    OUTPUT
  }

  /** Rotation about the workspace centre, counter-clockwise, in degrees. */
  record Rotation(String name, double degrees, AppliesTo appliesTo) implements Perturbation {}

  /** Scaling of positions about the centre. */
  record Gain(String name, double factor, AppliesTo appliesTo) implements Perturbation {}

  /**
   * Target re-association: cue c now asks for the movement of target permutation[c]. Only
   * meaningful on targets. The paper's variant is a derangement (no cue keeps its movement).
   */
  record Reassociation(String name, List<Integer> permutation) implements Perturbation {
    public Reassociation {
      permutation = List.copyOf(permutation);
      int size = permutation.size();
      Set<Integer> seen = new HashSet<>(permutation);
      boolean isPermutation = seen.size() == size && permutation.stream().allMatch(i -> i >= 0 && i < size);
      SpecException.require(isPermutation, "perturbation " + name + ": " + permutation
          + " is not a permutation of 0.." + (permutation.size() - 1));
    }

    @Override
    public AppliesTo appliesTo() {
      return AppliesTo.TARGETS;
    }
  }

  static Perturbation rotation(String name, double degrees) {
    return new Rotation(name, degrees, AppliesTo.TARGETS);
  }

  static Perturbation gain(String name, double factor) {
    return new Gain(name, factor, AppliesTo.TARGETS);
  }

  static Perturbation reassociation(String name, Integer... permutation) {
    return new Reassociation(name, List.of(permutation));
  }
}
