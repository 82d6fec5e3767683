package org.motorlearn.runtime;

import org.motorlearn.runtime.run.RunOptions;
import org.motorlearn.runtime.run.RunResult;
import org.motorlearn.runtime.run.Runner;
import org.motorlearn.runtime.spec.Experiment;

/**
 * The one entry point: runs an experiment into a run folder (layout in docs/run-format.md).
 *
 * <pre>{@code
 * RunResult result = MotorLearn.run(experiment, RunOptions.into(Path.of("runs/vr30")));
 * }</pre>
 *
 * <p>A run that fails (a non-finite loss) or is cancelled returns with that status, recorded in the
 * folder's manifest; a folder that cannot be used (it exists, or does not exist for a resume) is a
 * {@link org.motorlearn.runtime.run.RunException}; any other error is recorded as failed and rethrown.
 */
public final class MotorLearn {

  private MotorLearn() {}

  public static RunResult run(Experiment experiment, RunOptions options) {
    return new Runner(experiment, options).run();
  }
}
