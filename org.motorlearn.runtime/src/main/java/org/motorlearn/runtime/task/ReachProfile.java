package org.motorlearn.runtime.task;

import org.motorlearn.runtime.spec.TaskSpec.Profile;

/**
 * Fraction s(tau) of the reach completed at normalised movement time tau in [0, 1]; s(0) = 0 and
 * s(1) = 1 exactly, so the hand starts at the centre and ends exactly on the endpoint.
 *
 * <ul>
 *   <li>SIGMOID: a logistic centred mid-movement, shifted and scaled to span [0, 1]:
 *       s(tau) = (sig(k (tau - 1/2)) - sig(-k/2)) / (sig(k/2) - sig(-k/2)), sig(x) = 1/(1 + e^-x), k = 10.
 *   <li>MINIMUM_JERK: s(tau) = 10 tau^3 - 15 tau^4 + 6 tau^5 (Flash and Hogan 1985).
 * </ul>
 */
public final class ReachProfile {

  /** Steepness of the sigmoid profile: 10 puts 99% of the displacement inside the movement. */
  public static final double SIGMOID_STEEPNESS = 10;

  private ReachProfile() {}

  public static double fraction(Profile profile, double tau) {
    double t = Math.min(1, Math.max(0, tau));
    return switch (profile) {
      case SIGMOID -> {
        double k = SIGMOID_STEEPNESS;
        double low = logistic(-k / 2);
        double high = logistic(k / 2);
        yield (logistic(k * (t - 0.5)) - low) / (high - low);
      }
      case MINIMUM_JERK -> t * t * t * (10 - 15 * t + 6 * t * t);
    };
  }

  private static double logistic(double x) {
    return 1 / (1 + Math.exp(-x));
  }
}
