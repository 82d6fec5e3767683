package org.motorlearn.dsl.ui.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.IStreamListener;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.core.model.IStreamMonitor;
import org.motorlearn.dsl.ui.MotorLearnUiPlugin;

/**
 * The run as Eclipse sees it: a job in the Progress view that follows the process's output, shows
 * the phase and update, cancels the process when the user cancels the job, and refreshes the runs
 * folder (and the MotorLearn Runs view) when the process ends.
 */
final class RunJob extends Job {
  static final String FAMILY = MotorLearnUiPlugin.PLUGIN_ID + ".run";
  private static final int WORK_PER_PHASE = 1000;
  private static final long POLL_MS = 250;
  private static final long GRACE_SECONDS = 60;

  private final IFile spec;
  private final IContainer runs;
  private final Set<Path> before;
  private Path runFolder;
  private final IProcess process;
  private final Process systemProcess;
  private final List<String> phases;
  private final RunProgress progress = new RunProgress();

  /**
   * @param before the folders in the runs folder before the process started: the one that appears
   *     next is this run's (the command line names it {@code <experiment>-<yyyyMMdd-HHmmss>})
   */
  RunJob(IFile spec, IContainer runs, Set<Path> before, Process systemProcess, IProcess process, List<String> phases) {
    super("MotorLearn run of " + spec.getName());
    this.spec = spec;
    this.runs = runs;
    this.before = before;
    this.systemProcess = systemProcess;
    this.process = process;
    this.phases = phases;
    IStreamListener listener = (text, monitor) -> text.lines().forEach(progress::accept);
    IStreamMonitor out = process.getStreamsProxy() == null ? null : process.getStreamsProxy().getOutputStreamMonitor();
    IStreamMonitor err = process.getStreamsProxy() == null ? null : process.getStreamsProxy().getErrorStreamMonitor();
    if (out != null) {
      out.addListener(listener);
    }
    if (err != null) {
      err.addListener(listener);
    }
  }

  @Override
  public boolean belongsTo(Object family) {
    return FAMILY.equals(family);
  }

  /** The sub-folders of a folder (none if it does not exist). */
  static Set<Path> children(Path folder) {
    Set<Path> children = new HashSet<>();
    if (Files.isDirectory(folder)) {
      try (Stream<Path> list = Files.list(folder)) {
        list.filter(Files::isDirectory).map(p -> p.toAbsolutePath().normalize()).forEach(children::add);
      } catch (IOException e) {
        // an unreadable runs folder has no runs to tell apart
      }
    }
    return children;
  }

  private void findRunFolder() {
    if (runFolder == null) {
      for (Path child : children(runs.getLocation().toPath())) {
        if (!before.contains(child)) {
          runFolder = child;
          ActiveRuns.started(child);
          RunFolders.changed(spec);
          return;
        }
      }
    }
  }

  @Override
  protected IStatus run(IProgressMonitor monitor) {
    int total = Math.max(1, phases.size()) * WORK_PER_PHASE;
    monitor.beginTask(getName(), total);
    int reported = 0;
    try {
      while (!process.isTerminated()) {
        findRunFolder();
        if (monitor.isCanceled()) {
          monitor.subTask("cancelling: the run records where it stopped");
          terminate();
          return Status.CANCEL_STATUS;
        }
        int done = workDone();
        if (done > reported) {
          monitor.worked(done - reported);
          reported = done;
        }
        monitor.subTask(progress.describe());
        Thread.sleep(POLL_MS);
      }
      return finished();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      terminate();
      return Status.CANCEL_STATUS;
    } finally {
      findRunFolder();
      if (runFolder != null) {
        ActiveRuns.ended(runFolder);
      }
      ExperimentLaunchDelegate.refresh(runs);
      RunFolders.changed(spec);
      monitor.done();
    }
  }

  private int workDone() {
    int index = phases.indexOf(progress.phase());
    if (index < 0) {
      return 0;
    }
    return index * WORK_PER_PHASE + (int) (progress.fraction() * WORK_PER_PHASE);
  }

  private IStatus finished() {
    try {
      int exit = process.getExitValue();
      if (exit == 0) {
        return Status.OK_STATUS;
      }
      return Status.error("The MotorLearn run of " + spec.getFullPath() + " ended with exit code " + exit
          + "; its messages are in the Console view." + (runFolder == null ? "" : " Run folder: " + runFolder));
    } catch (DebugException e) {
      return e.getStatus();
    }
  }

  /**
   * Stops the run: SIGTERM first, so the command line can record where the run stopped (its manifest
   * then says cancelled, with a checkpoint to resume from), then, if it has not ended after
   * {@link #GRACE_SECONDS}, a forced kill. Either way the run folder never claims completion.
   */
  private void terminate() {
    systemProcess.destroy();
    try {
      if (!systemProcess.waitFor(GRACE_SECONDS, TimeUnit.SECONDS)) {
        systemProcess.destroyForcibly();
      }
    } catch (InterruptedException e) {
      systemProcess.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    if (!process.isTerminated()) {
      try {
        process.terminate();
      } catch (DebugException e) {
        MotorLearnUiPlugin.log(IStatus.WARNING, "Cancelling the MotorLearn run of " + spec.getFullPath() + " failed", e);
      }
    }
  }
}
