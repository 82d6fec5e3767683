package org.motorlearn.dsl.validation;

import java.util.Map;

/**
 * Words that people who wrote such experiments as Python scripts type for a setting, and the
 * setting they mean ({@code learning_rate} in a phase is {@code adam lr}). Consulted when a
 * misspelling is not close enough to any setting for "did you mean" by edit distance. A phrase whose
 * second word is a keyword ("learning rate") cannot parse as an unknown setting; the syntax error
 * messages look it up.
 */
public final class SettingSynonyms {

  /** Per block (the grammar rule's name), the words in lower case and the setting meant. */
  private static final Map<String, Map<String, String>> BY_BLOCK = Map.of(
      "Phase", Map.ofEntries(
          Map.entry("learning_rate", "adam lr"), Map.entry("learning rate", "adam lr"), Map.entry("learningrate", "adam lr"),
          Map.entry("optimizer", "adam"), Map.entry("optimiser", "adam"),
          Map.entry("iterations", "updates"), Map.entry("steps", "updates"), Map.entry("epochs", "updates"),
          Map.entry("n_updates", "updates"), Map.entry("num_updates", "updates"), Map.entry("niter", "updates"),
          Map.entry("batch_size", "batch"), Map.entry("batchsize", "batch"), Map.entry("minibatch", "batch"),
          Map.entry("grad_clip", "clip"), Map.entry("clip_grad_norm", "clip"), Map.entry("clipping", "clip"),
          Map.entry("trainable", "plastic"), Map.entry("learnable", "plastic")),
      "Module", Map.ofEntries(
          Map.entry("size", "units"), Map.entry("neurons", "units"), Map.entry("n_units", "units"),
          Map.entry("num_units", "units"), Map.entry("hidden_size", "units"),
          Map.entry("time_constant", "tau"), Map.entry("timeconstant", "tau"),
          Map.entry("nonlinearity", "activation"), Map.entry("act", "activation"), Map.entry("transfer", "activation"),
          Map.entry("sigma", "noise"), Map.entry("noise_std", "noise")),
      "Experiment", Map.of("random_seed", "seed", "rng_seed", "seed", "dtype", "precision"),
      "Task", Map.of("n_targets", "targets", "num_targets", "targets", "trial_length", "trial", "n_trials", "train"),
      "Loss", Map.of("weight_decay", "weight penalty", "l2", "weight penalty"));

  private SettingSynonyms() {
  }

  /** Every block's words and the settings they mean. */
  static Map<String, Map<String, String>> all() {
    return BY_BLOCK;
  }

  /** The setting meant by this word (or phrase: "learning rate") in a block of the given rule, or null. */
  public static String meant(String blockRule, String word) {
    return BY_BLOCK.getOrDefault(blockRule, Map.of()).get(word.toLowerCase(java.util.Locale.ROOT));
  }
}
