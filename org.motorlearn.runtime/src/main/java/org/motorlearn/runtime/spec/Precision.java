package org.motorlearn.runtime.spec;

/** Floating-point precision of every tensor in a run. */
public enum Precision {
  FLOAT32,
  FLOAT64
}
