package org.motorlearn.dsl.model;

/**
 * The names of an experiment's numeric parameters (docs/language.md, "Parameter names"): the dotted
 * path of names from a top-level element down to the setting, e.g. {@code Cortex.PMd.units},
 * {@code Cortex.Upstream->PMd.density}, {@code CenterOut.go}, {@code VR30.angle}, {@code initial.lr}.
 * Every parameter name of the generator and the {@link ExperimentBuilder} is made here and nowhere
 * else, so sweeps, {@code --set} and the generated code agree.
 *
 * <p>Rules: a setting of one word keeps its keyword ({@code units}, {@code tau}); a setting of
 * several words is written in lowerCamelCase ({@code inputGain}, {@code weightPenalty},
 * {@code checkpointEvery}); the two ends of a range written as a range are {@code .min} and
 * {@code .max} (a single value is the setting's name alone); a weight initialisation's numbers are
 * {@code .low .high} (uniform), {@code .mean .std} (normal), {@code .gain} after the weights' owner:
 * {@code Cortex.PMd.gain} (a module's recurrent weights), {@code Cortex.PMd->M1.low},
 * {@code Cortex.cue.std} (an input), {@code Cortex.hand.gain} (a readout); a module's initial state
 * likewise after {@code initialState}. The loss is always {@code loss}; an unnamed analysis is
 * {@code analysis} (or {@code analysis2}, {@code analysis3}, ... by position when an experiment has
 * several); an analysis's noise-robustness scale is {@code std} ({@code noise robustness 10 x std}).
 */
public final class ParameterNames {

  /** The run seed. */
  public static final String SEED = "seed";
  /** Updates between checkpoints. */
  public static final String CHECKPOINT_EVERY = "checkpointEvery";

  private ParameterNames() {
  }

  /** A setting of a named element: {@code owner.setting}. */
  public static String of(String owner, String setting) {
    return owner + "." + setting;
  }

  /** A setting of a module, input or readout of a network: {@code network.element.setting}. */
  public static String of(String network, String element, String setting) {
    return network + "." + element + "." + setting;
  }

  /** The prefix of a module's recurrent-weight initialisation: {@code network.module} (as in {@code Cortex.PMd.gain}). */
  public static String recurrent(String network, String module) {
    return network + "." + module;
  }

  /** The weight group of a projection between modules: {@code network.from->to}. */
  public static String projection(String network, String from, String to) {
    return network + "." + from + "->" + to;
  }

  /** The initial state of a module: {@code network.module.initialState}. */
  public static String initialState(String network, String module) {
    return network + "." + module + ".initialState";
  }

  /** The lower end of a range setting written as a range. */
  public static String min(String setting) {
    return setting + ".min";
  }

  /** The upper end of a range setting written as a range. */
  public static String max(String setting) {
    return setting + ".max";
  }

  /** The prefix of the loss's settings: always {@code loss} (an experiment has one loss, named or not). */
  public static String loss() {
    return "loss";
  }

  /**
   * The prefix of an analysis's settings: its name; or {@code analysis} for the only unnamed one;
   * or {@code analysis<position>} (1-based among the experiment's analyses) when there are several.
   */
  public static String analysis(String name, int position, int analyses) {
    if (name != null) {
      return name;
    }
    return analyses == 1 ? "analysis" : "analysis" + position;
  }
}
