package org.motorlearn.runtime.engine;

import org.motorlearn.runtime.spec.Perturbation;
import org.motorlearn.runtime.spec.SpecException;

/**
 * A perturbation applied to the network's OUTPUT as a linear map z = A p of each readout's position
 * (a cursor rotation or gain); the loss compares z with the unchanged targets, and its gradient flows
 * back through A.
 */
final class OutputMap {

  private OutputMap() {}

  /**
   * The matrix A (row-major, dimension x dimension) for one readout, or null when nothing is applied.
   *
   * @throws SpecException when the perturbation cannot act on this readout
   */
  static double[][] matrix(Perturbation perturbation, int dimension, String readout) {
    if (perturbation == null) {
      return null;
    }
    if (perturbation.appliesTo() != Perturbation.AppliesTo.OUTPUT) {
      throw new IllegalArgumentException("perturbation " + perturbation.name() + " applies to the targets, not the output");
    }
    if (perturbation instanceof Perturbation.Rotation r) {
      if (dimension != 2) {
        throw new SpecException("perturbation " + r.name() + ": a rotation of the output needs 2-d readouts, but readout "
            + readout + " has dimension " + dimension);
      }
      double angle = Math.toRadians(r.degrees());
      return new double[][] {{Math.cos(angle), -Math.sin(angle)}, {Math.sin(angle), Math.cos(angle)}};
    }
    if (perturbation instanceof Perturbation.Gain g) {
      double[][] a = new double[dimension][dimension];
      for (int i = 0; i < dimension; i++) {
        a[i][i] = g.factor();
      }
      return a;
    }
    throw new SpecException("perturbation " + perturbation.name() + " cannot be applied to the output; apply it to the targets");
  }
}
