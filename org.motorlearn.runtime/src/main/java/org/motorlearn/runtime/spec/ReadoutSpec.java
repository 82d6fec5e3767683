package org.motorlearn.runtime.spec;

/**
 * A linear readout {@code y = W r + b} of a module's rates. A POSITION readout's output is the hand
 * position (cm); a VELOCITY readout's output is a velocity (cm/s) integrated from the start position
 * 0 with the network's dt, so its loss is still on position. Parameters are named
 * {@code "<name>.weight"} (dimension x units) and {@code "<name>.bias"} (dimension).
 */
public record ReadoutSpec(String name, Kind kind, int dimension, String from, boolean bias, Init init) {

  public enum Kind {
    POSITION,
    VELOCITY
  }

  public ReadoutSpec {
    SpecException.require(name != null && !name.isBlank(), "readout: the name is missing");
    SpecException.require(kind != null, "readout " + name + ": kind is missing");
    SpecException.require(dimension > 0, "readout " + name + ": dimension must be positive, got " + dimension);
    SpecException.require(from != null, "readout " + name + ": source module is missing");
    SpecException.require(init != null, "readout " + name + ": init is missing");
  }

  public static ReadoutSpec position(String name, int dimension, String from) {
    return new ReadoutSpec(name, Kind.POSITION, dimension, from, true, Init.defaults());
  }

  public static ReadoutSpec velocity(String name, int dimension, String from) {
    return new ReadoutSpec(name, Kind.VELOCITY, dimension, from, true, Init.defaults());
  }

  public ReadoutSpec withBias(boolean value) {
    return new ReadoutSpec(name, kind, dimension, from, value, init);
  }

  public ReadoutSpec withInit(Init value) {
    return new ReadoutSpec(name, kind, dimension, from, bias, value);
  }

  public String weightName() {
    return name + ".weight";
  }

  public String biasName() {
    return name + ".bias";
  }
}
