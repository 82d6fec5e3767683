package org.motorlearn.runtime.spec;

/** Rate nonlinearity r = f(x) of a module. */
public enum Activation {
  TANH,
  RELU,
  SOFTPLUS,
  LINEAR
}
