package org.motorlearn.runtime.spec;

/**
 * Distribution of a module's initial state x0, drawn per unit and per trial (redrawn every trial);
 * r0 = f(x0). The reference model uses uniform(-0.1, 0.1).
 */
public record InitialState(Kind kind, double a, double b) {

  public enum Kind {
    /** U(a, b). */
    UNIFORM,
    /** N(a, b^2). */
    NORMAL,
    /** x0 = 0. */
    ZEROS
  }

  public InitialState {
    SpecException.require(kind != null, "initial state: kind is missing");
    SpecException.require(kind != Kind.UNIFORM || a <= b, "initial state uniform(" + a + ", " + b + "): low must not exceed high");
    SpecException.require(kind != Kind.NORMAL || b >= 0, "initial state normal(" + a + ", " + b + "): std must be >= 0");
  }

  public static InitialState uniform(double low, double high) {
    return new InitialState(Kind.UNIFORM, low, high);
  }

  public static InitialState normal(double mean, double std) {
    return new InitialState(Kind.NORMAL, mean, std);
  }

  public static InitialState zeros() {
    return new InitialState(Kind.ZEROS, 0, 0);
  }

  /** The reference model's U(-0.1, 0.1). */
  public static InitialState reference() {
    return uniform(-0.1, 0.1);
  }
}
