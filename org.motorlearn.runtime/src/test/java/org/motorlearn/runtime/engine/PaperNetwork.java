package org.motorlearn.runtime.engine;

import org.motorlearn.runtime.spec.InputSpec;
import org.motorlearn.runtime.spec.ModuleSpec;
import org.motorlearn.runtime.spec.Network;
import org.motorlearn.runtime.spec.ProjectionSpec;
import org.motorlearn.runtime.spec.ReadoutSpec;

/** The paper's network for tests: three tanh areas U -> PMd -> M1, a 3-d input into U and PMd, a 2-d hand readout. */
public final class PaperNetwork {

  private PaperNetwork() {}

  /** With {@code units} units per area (400 at paper scale). */
  public static Network of(int units) {
    return Network.builder("paper")
        .module(ModuleSpec.of("U", units)).module(ModuleSpec.of("PMd", units)).module(ModuleSpec.of("M1", units))
        .input(InputSpec.of("u", 3, "U", "PMd"))
        .connect(ProjectionSpec.recurrent("U")).connect(ProjectionSpec.recurrent("PMd"))
        .connect(ProjectionSpec.recurrent("M1")).connect(ProjectionSpec.dense("U", "PMd"))
        .connect(ProjectionSpec.dense("PMd", "M1")).readout(ReadoutSpec.position("hand", 2, "M1")).build();
  }
}
