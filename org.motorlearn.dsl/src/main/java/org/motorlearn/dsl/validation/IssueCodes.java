package org.motorlearn.dsl.validation;

/**
 * Every problem the validator reports has one of these codes, so quick fixes, tests and the command
 * line can refer to it. docs/validation.md lists each code with its severity, message and fix.
 */
public final class IssueCodes {

  private IssueCodes() {
  }

  private static final String PREFIX = "org.motorlearn.dsl.";

  // settings
  public static final String UNKNOWN_SETTING = PREFIX + "unknownSetting";
  public static final String DUPLICATE_SETTING = PREFIX + "duplicateSetting";
  public static final String CONFLICTING_SETTINGS = PREFIX + "conflictingSettings";
  public static final String MISSING_UNIT = PREFIX + "missingUnit";
  public static final String WRONG_UNIT = PREFIX + "wrongUnit";
  public static final String NOT_WHOLE_NUMBER = PREFIX + "notWholeNumber";
  public static final String BAD_QUANTITY = PREFIX + "badQuantity";
  /** An entry of a list that an earlier one already names ("metrics pca, pca"); a warning, it changes nothing. */
  public static final String DUPLICATE_ENTRY = PREFIX + "duplicateEntry";

  // names and references
  public static final String DUPLICATE_NAME = PREFIX + "duplicateName";
  public static final String DUPLICATE_TOP_LEVEL_NAME = PREFIX + "duplicateTopLevelName";
  public static final String UNRESOLVED_REFERENCE = PREFIX + "unresolvedReference";

  // numbers
  public static final String NOT_POSITIVE = PREFIX + "notPositive";
  public static final String NEGATIVE_NOISE = PREFIX + "negativeNoise";
  public static final String DENSITY_OUT_OF_RANGE = PREFIX + "densityOutOfRange";
  public static final String BETA_OUT_OF_RANGE = PREFIX + "betaOutOfRange";
  public static final String MOMENTUM_OUT_OF_RANGE = PREFIX + "momentumOutOfRange";
  public static final String NEGATIVE_PENALTY = PREFIX + "negativePenalty";
  public static final String RANGE_REVERSED = PREFIX + "rangeReversed";
  public static final String INIT_INVALID = PREFIX + "initInvalid";
  public static final String EULER_UNSTABLE = PREFIX + "eulerUnstable";
  public static final String EULER_COARSE = PREFIX + "eulerCoarse";

  // network
  public static final String DUPLICATE_CONNECTION = PREFIX + "duplicateConnection";
  public static final String SELF_CONNECTION = PREFIX + "selfConnection";
  public static final String DUPLICATE_INPUT_TARGET = PREFIX + "duplicateInputTarget";
  public static final String MODULE_UNREACHED = PREFIX + "moduleUnreached";
  public static final String MODULE_WITHOUT_READOUT = PREFIX + "moduleWithoutReadout";
  public static final String READOUT_DIMENSION = PREFIX + "readoutDimension";

  // task timing
  public static final String CUE_AFTER_GO = PREFIX + "cueAfterGo";
  public static final String GO_OUTSIDE_TRIAL = PREFIX + "goOutsideTrial";
  public static final String MOVEMENT_OUTSIDE_TRIAL = PREFIX + "movementOutsideTrial";
  public static final String LOSS_WINDOW_OUTSIDE_TRIAL = PREFIX + "lossWindowOutsideTrial";
  public static final String ANALYSIS_WINDOW_OUTSIDE_TRIAL = PREFIX + "analysisWindowOutsideTrial";
  public static final String ANALYSIS_WINDOW_EMPTY = PREFIX + "analysisWindowEmpty";

  // perturbations
  public static final String REASSOCIATION_LENGTH = PREFIX + "reassociationLength";
  public static final String REASSOCIATION_NOT_PERMUTATION = PREFIX + "reassociationNotPermutation";
  public static final String REASSOCIATION_FIXED_POINT = PREFIX + "reassociationFixedPoint";
  public static final String REASSOCIATION_ON_OUTPUT = PREFIX + "reassociationOnOutput";

  // phases
  public static final String UNKNOWN_WEIGHT_GROUP = PREFIX + "unknownWeightGroup";
  public static final String ADAPTATION_WITHOUT_PLASTICITY = PREFIX + "adaptationWithoutPlasticity";
  public static final String EVALUATE_ONLY_WITH_TRAINING_SETTINGS = PREFIX + "evaluateOnlyWithTrainingSettings";
  public static final String EVALUATE_ONLY_WITHOUT_FROM = PREFIX + "evaluateOnlyWithoutFrom";
  public static final String CONTINUE_WITHOUT_FROM = PREFIX + "continueWithoutFrom";
  public static final String PHASE_FROM_ITSELF = PREFIX + "phaseFromItself";
  public static final String PHASE_FROM_LATER = PREFIX + "phaseFromLater";
  public static final String UNDER_WITHOUT_FROM = PREFIX + "underWithoutFrom";
  public static final String OPTIMIZER_SETTING_MISMATCH = PREFIX + "optimizerSettingMismatch";
  public static final String BATCH_LARGER_THAN_TRAINING_SET = PREFIX + "batchLargerThanTrainingSet";

  // experiment
  public static final String EXPERIMENT_WITHOUT_NETWORK = PREFIX + "experimentWithoutNetwork";
  public static final String EXPERIMENT_WITHOUT_TASK = PREFIX + "experimentWithoutTask";
  public static final String EXPERIMENT_WITHOUT_PHASES = PREFIX + "experimentWithoutPhases";
  public static final String ANALYSIS_COMPARES_ITSELF = PREFIX + "analysisComparesItself";
  public static final String MEMORY_ABOVE_LIMIT = PREFIX + "memoryAboveLimit";
  /** The experiment passes every rule but cannot be built as {@code run} builds it (see {@link BuildCheck}). */
  public static final String NOT_RUNNABLE = PREFIX + "notRunnable";

  // sweeps
  public static final String UNKNOWN_PARAMETER = PREFIX + "unknownParameter";
  public static final String SWEPT_TWICE = PREFIX + "sweptTwice";
  public static final String ZIP_LENGTHS_DIFFER = PREFIX + "zipLengthsDiffer";
  public static final String SWEEP_RANGE_EMPTY = PREFIX + "sweepRangeEmpty";
  public static final String SWEEP_PARTLY_CHECKED = PREFIX + "sweepPartlyChecked";

  // files
  /** A file imported twice, or a spec importing itself. */
  public static final String DUPLICATE_IMPORT = PREFIX + "duplicateImport";
  public static final String FILE_NOT_FOUND = PREFIX + "fileNotFound";
  public static final String FILE_OUTSIDE_PROJECT = PREFIX + "fileOutsideProject";
  public static final String FILE_UNREADABLE = PREFIX + "fileUnreadable";
  public static final String WEIGHT_FILE_SHAPE = PREFIX + "weightFileShape";
  public static final String TRAJECTORY_FILE_SHAPE = PREFIX + "trajectoryFileShape";
}
