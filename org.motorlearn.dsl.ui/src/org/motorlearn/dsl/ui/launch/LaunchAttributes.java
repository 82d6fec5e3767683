package org.motorlearn.dsl.ui.launch;

import org.motorlearn.dsl.ui.MotorLearnUiPlugin;

/** Attributes of a "MotorLearn Experiment" launch configuration. */
public final class LaunchAttributes {
  public static final String TYPE_ID = MotorLearnUiPlugin.PLUGIN_ID + ".experimentLaunch";
  /** Workspace path of the spec, e.g. /reaching/reaching.motor. */
  public static final String SPEC = MotorLearnUiPlugin.PLUGIN_ID + ".spec";
  /** Workspace path of the folder that receives run folders; empty: "runs" next to the spec. */
  public static final String RUNS_FOLDER = MotorLearnUiPlugin.PLUGIN_ID + ".runsFolder";
  /** Extra arguments of `motorlearn run` (e.g. --set Cortex.PMd.units=100). */
  public static final String PROGRAM_ARGUMENTS = MotorLearnUiPlugin.PLUGIN_ID + ".programArguments";
  /** JVM options of the run's Java process; empty: the preference. */
  public static final String VM_ARGUMENTS = MotorLearnUiPlugin.PLUGIN_ID + ".vmArguments";

  private LaunchAttributes() {
  }
}
