package org.motorlearn.dsl.model;

/**
 * The value of every setting a spec leaves out: the reference configuration of MODEL.md (Feulner et
 * al. 2022 and its reference implementation), in the default unit of its kind
 * ({@link Quantities.Kind#defaultUnit()}: ms for times in seconds, bins for times in bins, cm, deg).
 * Listed with the parameter names in
 * docs/generated-code.md ("Defaults"); change both together.
 */
public final class ReferenceDefaults {

  public static final long SEED = 0;
  public static final int CHECKPOINT_EVERY = 0;

  // network (MODEL.md section 2); times in ms, the unit of their parameters when not written
  public static final double DT_MS = 10;
  public static final int UNITS = 400;
  public static final double TAU_MS = 50;
  public static final double NOISE = 0;
  public static final double INITIAL_STATE_LOW = -0.1;
  public static final double INITIAL_STATE_HIGH = 0.1;
  public static final double DENSITY = 1;

  // task (MODEL.md section 3)
  public static final int TARGETS = 8;
  public static final double REACH_MIN_CM = 7;
  public static final double REACH_MAX_CM = 10;
  public static final int TRIAL_BINS = 400;
  public static final int CUE_MIN_BIN = 150;
  public static final int CUE_MAX_BIN = 180;
  public static final int GO_BIN = 282;
  public static final int MOVEMENT_BINS = 100;
  public static final double DIRECTION_JITTER_DEGREES = 0;
  public static final double DURATION_JITTER_BINS = 0;
  public static final int TRAIN_TRIALS = 400;
  public static final int TEST_TRIALS = 160;
  public static final double INPUT_GAIN = 2;
  public static final double HOLD = 2;

  // loss (MODEL.md section 4)
  public static final int MSE_FROM_BIN = 50;
  public static final double WEIGHT_PENALTY = 1e-3;
  public static final double RATE_PENALTY = 0.8;

  // phases (MODEL.md sections 4 and 5)
  public static final double LEARNING_RATE = 1e-4;
  public static final double BETA1 = 0.9;
  public static final double BETA2 = 0.999;
  public static final double EPSILON = 1e-8;
  public static final double MOMENTUM = 0;
  public static final int TRAINING_UPDATES = 500;
  public static final int TRAINING_BATCH = 80;
  public static final int ADAPTATION_UPDATES = 100;
  public static final int ADAPTATION_BATCH = 1;
  public static final double CLIP = 0.2;

  // analyses (MODEL.md section 6)
  public static final int WINDOW_START_BINS = -60;
  public static final int WINDOW_END_BINS = 60;
  public static final double NOISE_SCALE = 10;
  public static final int NOISE_REPEATS = 1;
  public static final int COMPONENTS = 10;

  private ReferenceDefaults() {
  }
}
