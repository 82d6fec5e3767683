package org.motorlearn.runtime.engine;

/** A training update met a NaN or infinite loss or gradient; the weights were left unchanged. */
public final class NonFiniteLossException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String phase;
  private final int update;

  public NonFiniteLossException(String phase, int update, String what) {
    super("phase " + phase + ", update " + update + ": " + what + " is not finite; the weights were left as they were "
        + "before this update. Lower the learning rate, clip the gradient, or check the initial weights.");
    this.phase = phase;
    this.update = update;
  }

  public String phase() {
    return phase;
  }

  public int update() {
    return update;
  }
}
