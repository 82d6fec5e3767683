package org.motorlearn.runtime.spec;

/** A gradient-descent rule with PyTorch's exact semantics. */
public sealed interface OptimizerSpec {

  double learningRate();

  /** torch.optim.Adam (no weight decay, no amsgrad). */
  record Adam(double learningRate, double beta1, double beta2, double epsilon) implements OptimizerSpec {
    public Adam {
      SpecException.require(learningRate > 0, "adam: lr must be positive, got " + learningRate);
      SpecException.require(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1,
          "adam: betas must lie in [0, 1), got " + beta1 + ", " + beta2);
      SpecException.require(epsilon > 0, "adam: eps must be positive, got " + epsilon);
    }
  }

  /** torch.optim.SGD with momentum (dampening 0, no Nesterov). */
  record Sgd(double learningRate, double momentum) implements OptimizerSpec {
    public Sgd {
      SpecException.require(learningRate > 0, "sgd: lr must be positive, got " + learningRate);
      SpecException.require(momentum >= 0 && momentum < 1, "sgd: momentum must lie in [0, 1), got " + momentum);
    }
  }

  static OptimizerSpec adam(double learningRate) {
    return new Adam(learningRate, 0.9, 0.999, 1e-8);
  }

  static OptimizerSpec sgd(double learningRate, double momentum) {
    return new Sgd(learningRate, momentum);
  }
}
