package org.motorlearn.dsl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IStreamsProxy;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.motorlearn.dsl.ui.MotorLearnPerspective;
import org.motorlearn.dsl.ui.launch.ExperimentLaunchShortcut;
import org.motorlearn.dsl.ui.runs.RunRecord;
import org.motorlearn.dsl.ui.runs.RunReportEditor;
import org.motorlearn.dsl.ui.runs.RunReportInput;
import org.motorlearn.dsl.ui.runs.RunsView;

/**
 * Run As > MotorLearn Experiment end to end: a child JVM on the command line's class path
 * (system property motorlearn.cli.classpath.file, set by the build as ./motorlearn studio sets it)
 * trains a tiny experiment into runs/, the Runs view lists it and its report opens.
 */
class LaunchTest {
  private static final long RUN_TIMEOUT_MS = 300_000;
  private static final String RUN_FAMILY = "org.motorlearn.dsl.ui.run";

  private IProject project;

  @BeforeEach
  void openPerspective() throws Exception {
    PlatformUI.getWorkbench().showPerspective(MotorLearnPerspective.ID,
        PlatformUI.getWorkbench().getActiveWorkbenchWindow());
    project = Workbench.project("launch");
  }

  @AfterEach
  void cleanUp() throws Exception {
    for (ILaunch launch : DebugPlugin.getDefault().getLaunchManager().getLaunches()) {
      if (!launch.isTerminated()) {
        launch.terminate();
      }
    }
    Workbench.page().closeAllEditors(false);
  }

  @Test
  void aTinyExperimentRunsIntoACompletedRunFolderWithAReport() throws Exception {
    IFile spec = Workbench.file(project, "tiny.motor", Specs.VALID);
    Workbench.open(spec);
    // The launch configuration Run As would use, launched directly: a failure throws here instead of
    // opening an error dialog that would block the test.
    ILaunch launch = ExperimentLaunchShortcut.configurationFor(spec).launch(ILaunchManager.RUN_MODE, null);
    // Listening from here misses nothing: the new JVM prints its first line only after starting up.
    IStreamsProxy streams = launch.getProcesses()[0].getStreamsProxy();
    StringBuffer output = new StringBuffer();
    StringBuffer errors = new StringBuffer();
    streams.getOutputStreamMonitor().addListener((text, monitor) -> output.append(text));
    streams.getErrorStreamMonitor().addListener((text, monitor) -> errors.append(text));
    waitForRun();

    // Progress (the command line's stderr) and the summary (its stdout) reach the Console as one
    // stream, not in the error colour.
    assertTrue(output.toString().contains("phase initial: 2 updates"), output.toString());
    assertTrue(output.toString().contains("run folder: "), output.toString());
    assertEquals("", errors.toString());

    Path runs = project.getLocation().toPath().resolve("runs");
    List<RunRecord> records = RunRecord.in(runs);
    assertEquals(1, records.size(), "run folders in " + runs);
    RunRecord run = records.get(0);
    assertEquals("completed", run.status(), "run " + run.folder() + " ended with '" + run.error() + "'");
    assertEquals("Small", run.experiment());
    assertEquals(1L, run.seed());
    assertEquals("completed", run.phases().get("initial"));
    assertTrue(Files.isDirectory(run.folder().resolve("phases/initial/weights")), "no weights of phase initial");
    assertTrue(project.getFolder("runs").exists(), "the runs folder is not refreshed into the workspace");

    RunsView view = (RunsView) Workbench.page().showView(RunsView.ID);
    view.showRunsOf(spec);
    assertEquals(List.of(run.folder()), view.runs().stream().map(RunRecord::folder).toList());
    assertEquals("completed", view.runs().get(0).displayStatus());
    Workbench.screenshot("runs-view");

    RunReportEditor report = (RunReportEditor) Workbench.page().openEditor(new RunReportInput(run.folder()),
        RunReportEditor.ID);
    assertEquals("completed", report.report().run().status());
    assertEquals(List.of("initial"), report.report().phases().stream().map(p -> p.name()).toList());
    assertEquals(2, report.report().phases().get(0).loss().length, "one loss per update (updates 2)");
    assertTrue(report.texts().contains("completed"), report.texts().toString());
    assertEquals(List.of(), run.warnings());
    assertFalse(report.texts().contains("Warning:"), report.texts().toString());
    Workbench.screenshot("run-report");
  }

  @Test
  void theReportShowsTheWarningsOfTheManifest() throws Exception {
    Path folder = project.getLocation().toPath().resolve("runs").resolve("Diverged-20261128-120000");
    Files.createDirectories(folder);
    String warning = "phase initial: the loss grew from 10.91 at update 0 to 1.842e+08 at update 2, so training diverged;"
        + " lower the learning rate (lr) or clip the gradient norm (clip)";
    Files.writeString(folder.resolve(RunRecord.MANIFEST), "{\"experiment\": \"Diverged\", \"status\": \"completed\","
        + " \"error\": null, \"warnings\": [\"" + warning + "\"], \"seed\": 1, \"started\": \"2026-11-28T12:00:00Z\","
        + " \"ended\": \"2026-11-28T12:00:05Z\", \"phases\": {}}");
    assertEquals(List.of(warning), RunRecord.read(folder).warnings());
    RunReportEditor report = (RunReportEditor) Workbench.page().openEditor(new RunReportInput(folder), RunReportEditor.ID);
    List<String> texts = report.texts();
    int at = texts.indexOf("Warning:");
    assertTrue(at >= 0 && texts.get(at + 1).equals(warning), texts.toString());
  }

  @Test
  void cancellingARunStopsItsProcessAndTheRunIsNotShownAsCompleted() throws Exception {
    IFile spec = Workbench.file(project, "long.motor", Specs.VALID.replace("updates 2", "updates 100000"));
    ILaunch launch = ExperimentLaunchShortcut.configurationFor(spec).launch(ILaunchManager.RUN_MODE, null);
    Workbench.waitUntil("the run job", () -> Job.getJobManager().find(RUN_FAMILY).length > 0);
    Path runs = project.getLocation().toPath().resolve("runs");
    Workbench.waitUntil("the run folder's manifest", () -> !RunRecord.in(runs).isEmpty());

    for (Job job : Job.getJobManager().find(RUN_FAMILY)) {
      job.cancel();
    }
    waitForRun();
    assertTrue(launch.isTerminated(), "the run's process still runs after cancelling");
    RunRecord run = RunRecord.in(runs).get(0);
    assertNotEquals("completed", run.status());
    assertNotEquals("completed", run.displayStatus());
    assertTrue(run.displayStatus().startsWith("cancelled") || run.displayStatus().startsWith("interrupted"),
        run.displayStatus());
  }

  private static void waitForRun() {
    long end = System.currentTimeMillis() + RUN_TIMEOUT_MS;
    Workbench.waitUntil("the run job to start", () -> Job.getJobManager().find(RUN_FAMILY).length > 0);
    while (Job.getJobManager().find(RUN_FAMILY).length > 0) {
      if (System.currentTimeMillis() > end) {
        throw new AssertionError("the run did not finish within " + RUN_TIMEOUT_MS / 1000 + " s");
      }
      if (!org.eclipse.swt.widgets.Display.getCurrent().readAndDispatch()) {
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }
}
