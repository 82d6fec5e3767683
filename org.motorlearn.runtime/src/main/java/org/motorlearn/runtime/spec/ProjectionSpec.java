package org.motorlearn.runtime.spec;

/**
 * A weight matrix from the rates of one module to the input current of another (or of itself: the
 * module's recurrent weights). Its parameter name is {@code "<M>.recurrent"} for a self-loop and
 * {@code "<from> -> <to>"} otherwise; shape is (to.units x from.units).
 *
 * @param density fraction of non-zero entries; 1 is dense. A sparse mask is drawn once per run from
 *     the stream named after the projection and stays fixed.
 */
public record ProjectionSpec(String from, String to, double density, Init init) {

  public ProjectionSpec {
    SpecException.require(from != null && to != null, "connect: both ends must be named");
    SpecException.require(density > 0 && density <= 1,
        "connect " + from + " -> " + to + ": density must be in (0, 1], got " + density);
    SpecException.require(init != null, "connect " + from + " -> " + to + ": init is missing");
  }

  public static ProjectionSpec dense(String from, String to) {
    return new ProjectionSpec(from, to, 1.0, Init.defaults());
  }

  public static ProjectionSpec recurrent(String module) {
    return dense(module, module);
  }

  public static ProjectionSpec sparse(String from, String to, double density) {
    return new ProjectionSpec(from, to, density, Init.defaults());
  }

  public ProjectionSpec withInit(Init value) {
    return new ProjectionSpec(from, to, density, value);
  }

  public boolean isRecurrent() {
    return from.equals(to);
  }

  /** The parameter name of this projection's weight matrix. */
  public String parameterName() {
    return isRecurrent() ? to + ".recurrent" : from + " -> " + to;
  }
}
