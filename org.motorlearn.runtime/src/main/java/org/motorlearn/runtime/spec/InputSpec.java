package org.motorlearn.runtime.spec;

import java.util.List;

/**
 * A named external input of the given dimension, projected into each target module through its own
 * weight matrix, named {@code "<input> -> <module>"} (shape units x dimension).
 */
public record InputSpec(String name, int dimension, List<String> targets, Init init) {

  public InputSpec {
    SpecException.require(name != null && !name.isBlank(), "input: the name is missing");
    SpecException.require(dimension > 0, "input " + name + ": dimension must be positive, got " + dimension);
    SpecException.require(targets != null && !targets.isEmpty(), "input " + name + ": it reaches no module");
    SpecException.require(init != null, "input " + name + ": init is missing");
    targets = List.copyOf(targets);
  }

  public static InputSpec of(String name, int dimension, String... targets) {
    return new InputSpec(name, dimension, List.of(targets), Init.defaults());
  }

  public InputSpec withInit(Init value) {
    return new InputSpec(name, dimension, targets, value);
  }
}
