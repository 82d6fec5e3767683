package org.motorlearn.dsl.sweep;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.motorlearn.dsl.generator.GeneratedExperiment;
import org.motorlearn.dsl.model.SpecSource;
import org.motorlearn.runtime.MotorLearn;
import org.motorlearn.runtime.run.RunException;
import org.motorlearn.runtime.run.RunOptions;
import org.motorlearn.runtime.run.RunResult;
import org.motorlearn.runtime.run.RunStatus;
import org.motorlearn.runtime.spec.Experiment;
import org.motorlearn.runtime.spec.Parameters;

/**
 * Runs ONE sweep point into its run folder, in its own JVM: {@code PointMain SWEEP_FOLDER INDEX}.
 * Started by the local executor (one child process per point) and by every SLURM array task (the
 * task id is the point's index). A folder with a run in it is resumed from its checkpoint, so a
 * requeued task or a retried point continues where it stopped. Phases shared with another point are
 * reused from that point's folder. The point's status in sweep.json is updated at start and end.
 *
 * <p>On SIGTERM (scancel, a time limit, preemption) the run is asked to stop at the next update,
 * writes its checkpoint, and the point is marked failed, so {@code --retry-failed} resumes it. A local
 * point (the local executor passes its sweep's Ctrl-C on as SIGTERM) is marked interrupted instead:
 * starting the sweep again resumes it.
 *
 * <p>Exit code: 0 completed, 1 failed.
 */
public final class PointMain {

  /** How long a SIGTERM waits for the run to checkpoint (SLURM's default KillWait is 30 s). */
  static final long CHECKPOINT_GRACE_SECONDS = 25;

  private PointMain() {}

  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    if (args.length != 2) {
      out.println("usage: PointMain SWEEP_FOLDER POINT_INDEX");
      System.exit(2);
    }
    SweepFolder folder = new SweepFolder(Path.of(args[0]));
    int index = Integer.parseInt(args[1].trim());
    PointProgress progress = new PointProgress(out);
    CountDownLatch finished = new CountDownLatch(1);
    Thread onSignal = new Thread(() -> {
      progress.requestCancel();
      try {
        finished.await(CHECKPOINT_GRACE_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    Runtime.getRuntime().addShutdownHook(onSignal);
    int code = run(folder, index, progress, out);
    finished.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(onSignal);
    } catch (IllegalStateException shuttingDown) {
      return; // a signal is ending the JVM; its exit code stands
    }
    System.exit(code);
  }

  private static int run(SweepFolder folder, int index, PointProgress progress, PrintStream out) {
    SweepManifest manifest;
    try {
      manifest = folder.read();
    } catch (RuntimeException e) {
      out.println("error: " + e.getMessage());
      return 1;
    }
    String job = slurmJob();
    folder.update(m -> m.withPoint(index, p -> withJob(p, job).started(host())));
    SweepManifest.Point point = manifest.point(index);
    out.println(SweepPlanner.describe(index, point.parameters()) + " on " + host()
        + (job == null ? "" : " (SLURM job " + job + ")"));
    try {
      RunResult result = MotorLearn.run(experiment(manifest, point), options(folder, manifest, point, progress));
      if (result.status() == RunStatus.COMPLETED) {
        folder.update(m -> m.withPoint(index, p -> p.with(SweepManifest.Status.COMPLETED, null)));
        out.println("point-" + index + ": completed");
        return 0;
      }
      if (result.status() == RunStatus.CANCELLED && job == null) {
        // a local point stops with its sweep (Ctrl-C, kill): starting the sweep again resumes it
        String why = "stopped with the sweep in phase " + progress.phase() + "; starting the sweep again resumes it from "
            + "its checkpoint";
        folder.update(m -> m.withPoint(index, p -> p.with(SweepManifest.Status.INTERRUPTED, why)));
        out.println("point-" + index + ": interrupted: " + why);
        return 1;
      }
      String error = result.status() == RunStatus.CANCELLED
          ? "terminated by a signal (scancel, a time limit or preemption) in phase " + progress.phase()
              + "; its checkpoint is kept and --retry-failed resumes it"
          : result.error();
      return failed(folder, index, error, out);
    } catch (SweepException | RunException | org.motorlearn.runtime.spec.SpecException e) {
      return failed(folder, index, e.getMessage(), out);
    } catch (RuntimeException | Error e) {
      e.printStackTrace(out);
      return failed(folder, index, e.getClass().getSimpleName() + ": " + e.getMessage(), out);
    }
  }

  private static int failed(SweepFolder folder, int index, String error, PrintStream out) {
    folder.update(m -> m.withPoint(index, p -> p.with(SweepManifest.Status.FAILED, error)));
    out.println("point-" + index + ": failed: " + error);
    return 1;
  }

  /** The point's experiment, compiled from the spec the sweep was planned with (refusing a changed one). */
  static Experiment experiment(SweepManifest manifest, SweepManifest.Point point) {
    Path spec = Path.of(manifest.spec());
    String text;
    try {
      text = Files.readString(spec, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SweepException("cannot read the sweep's spec " + spec + ": " + e.getMessage());
    }
    if (!SpecSource.sha256(text).equals(manifest.specSha256())) {
      throw new SweepException("the spec " + spec + " changed since the sweep was planned; its points would no longer"
          + " belong together: start a new sweep (another --out) or restore the spec");
    }
    GeneratedExperiment generated = SpecCompiler.experiment(spec, manifest.experiment());
    Map<String, Double> values = new LinkedHashMap<>(manifest.set());
    values.putAll(point.parameters());
    return generated.build(Parameters.of(values));
  }

  static RunOptions options(SweepFolder folder, SweepManifest manifest, SweepManifest.Point point, PointProgress progress) {
    Path runFolder = folder.point(point);
    RunOptions options = RunOptions.into(runFolder)
        .withThreads(manifest.threadsPerPoint())
        .withSpecFolder(Path.of(manifest.spec()).getParent())
        .withProgress(progress)
        .withCommandLine(List.of("motorlearn-sweep-point", folder.root().toString(), Integer.toString(point.index())));
    if (Files.isRegularFile(runFolder.resolve("manifest.json"))) {
      options = options.resuming();
    }
    for (Map.Entry<String, Integer> reuse : point.reuses().entrySet()) {
      options = options.withReusedPhase(reuse.getKey(), folder.point(manifest.point(reuse.getValue())));
    }
    return options;
  }

  private static SweepManifest.Point withJob(SweepManifest.Point point, String job) {
    return job == null ? point : point.submitted(job);
  }

  /** {@code arrayJob_task} of the SLURM array task running this process, or null outside SLURM. */
  private static String slurmJob() {
    String array = System.getenv("SLURM_ARRAY_JOB_ID");
    String task = System.getenv("SLURM_ARRAY_TASK_ID");
    return array == null || task == null ? null : array + "_" + task;
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown";
    }
  }
}
