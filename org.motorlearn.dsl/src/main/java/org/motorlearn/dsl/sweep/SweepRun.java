package org.motorlearn.dsl.sweep;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.motorlearn.dsl.util.Shell;
import org.motorlearn.runtime.spec.Parameters;

/**
 * One {@code motorlearn sweep} on a sweep folder: creates or continues it, decides which points run
 * (never the completed ones; the failed ones only with --retry-failed), and hands them to the local
 * or the SLURM executor. Progress goes to {@code err}; the result is a few lines for stdout.
 */
public final class SweepRun {

  /**
   * How to run; null means "choose" (see docs/sweeps.md).
   *
   * @param memoryMegabytes SLURM memory per point
   * @param minutes SLURM time limit per point
   */
  public record Settings(boolean slurm, Integer jobs, Integer threads, boolean retryFailed, String partition, String account,
      Long minutes, Integer cpus, Long memoryMegabytes) {

    public static Settings local(int jobs) {
      return new Settings(false, jobs, null, false, null, null, null, null, null);
    }
  }

  /** What to print when the command ends, and whether every point of the sweep is complete (or was submitted). */
  public record Result(List<String> lines, boolean allCompleted) {}

  private final SweepFolder folder;
  private final PrintStream err;
  private final boolean terminal;
  private final Function<Path, String> shown;

  /** @param shown how a path is shown to the user (relative to the working directory) */
  public SweepRun(SweepFolder folder, PrintStream err, boolean terminal, Function<Path, String> shown) {
    this.folder = folder;
    this.err = err;
    this.terminal = terminal;
    this.shown = shown;
  }

  /** The sweep folder as one word of a command to copy. */
  private String root() {
    return Shell.quote(shown.apply(folder.root()));
  }

  public Result execute(SweepPlanner.PlannedSweep planned, Settings settings) {
    int cores = Runtime.getRuntime().availableProcessors();
    SweepManifest.Estimate estimate = planned.manifest().estimate();
    long available = SweepResources.availableMemoryBytes();
    int jobs = settings.jobs() != null ? Math.max(1, settings.jobs())
        : SweepResources.parallelPoints(cores, available, estimate.memoryBytesPerPoint());
    Integer requestedThreads = settings.threads() != null ? settings.threads() : settings.slurm() ? settings.cpus() : null;
    int threads = requestedThreads != null ? requestedThreads : settings.slurm() ? 1 : Math.max(1, cores / jobs);
    if (!folder.exists()) {
      folder.create(planned.manifest().withThreadsPerPoint(threads));
    } else if (requestedThreads != null && folder.read().threadsPerPoint() != requestedThreads) {
      err.println("warning: the points of this sweep run with " + folder.read().threadsPerPoint() + " BLAS thread(s), as"
          + " recorded in sweep.json, so that all its results are bitwise comparable; the requested " + requestedThreads
          + " is not used");
    }
    try (AutoCloseable claimed = folder.exclusive()) {
      return settings.slurm() ? submit(settings, cores) : runLocally(settings, jobs, cores, available);
    } catch (SweepException e) {
      throw e;
    } catch (Exception e) {
      throw new SweepException("the sweep in " + folder.root() + " stopped: " + e.getMessage());
    }
  }

  private Result runLocally(Settings settings, int jobs, int cores, long available) {
    SweepManifest manifest = SweepStatus.refresh(folder);
    List<Integer> wanted = wanted(manifest, settings.retryFailed());
    if (wanted.isEmpty()) {
      return nothingToRun(manifest);
    }
    manifest = reset(wanted);
    Schedule schedule = Schedule.of(folder, manifest, wanted);
    header(manifest, schedule);
    err.println(String.format(Locale.ROOT, "local: %d point(s) at a time, %d BLAS thread(s) each (%d cores, %.1f GB"
        + " available, about %.1f GB per point)", jobs, manifest.threadsPerPoint(), cores, available / 1e9,
        manifest.estimate().memoryBytesPerPoint() / 1e9));
    SweepDisplay display = new SweepDisplay(err, terminal, System::nanoTime, 10, schedule.all().size());
    SweepManifest end = new LocalExecutor(folder, display, jobs).run(schedule);
    return ending(end);
  }

  private Result submit(Settings settings, int cores) {
    if (!Slurm.available()) {
      throw new SweepException("SLURM does not answer here (sinfo failed); run this on a login node of your cluster, or"
          + " use --executor local");
    }
    SweepManifest manifest = SweepStatus.refresh(folder);
    List<Integer> wanted = wanted(manifest, settings.retryFailed());
    if (wanted.isEmpty()) {
      return nothingToRun(manifest);
    }
    manifest = reset(wanted);
    Schedule schedule = Schedule.of(folder, manifest, wanted);
    header(manifest, schedule);
    SlurmExecutor.Resources estimated = SlurmExecutor.Resources.estimated(manifest.estimate(),
        settings.cpus() != null ? settings.cpus() : manifest.threadsPerPoint());
    SlurmExecutor.Resources resources = new SlurmExecutor.Resources(settings.partition(), settings.account(),
        estimated.cpus(), settings.memoryMegabytes() != null ? settings.memoryMegabytes() : estimated.memoryMegabytes(),
        settings.minutes() != null ? settings.minutes() : estimated.minutes());
    int before = manifest.slurm().size();
    SweepManifest end = new SlurmExecutor(folder, resources).submit(schedule);
    List<String> lines = new ArrayList<>();
    for (SweepManifest.SlurmJob job : end.slurm().subList(before, end.slurm().size())) {
      lines.add("submitted job array " + job.id() + " (stage " + job.stage() + ", points " + job.points().stream()
          .map(String::valueOf).collect(Collectors.joining(",")) + ")" + (job.dependsOn() == null ? "" : " after " + job
          .dependsOn()));
    }
    lines.add(String.format(Locale.ROOT, "each point: %d CPU(s), %d MB, time limit %s", resources.cpus(),
        resources.memoryMegabytes(), resources.time()));
    lines.add("follow it with: motorlearn sweep --status " + root());
    lines.add("when done:      motorlearn collect " + root());
    return new Result(lines, true);
  }

  /** Points to run: all but the completed ones; failed ones only when retrying. */
  private static List<Integer> wanted(SweepManifest manifest, boolean retryFailed) {
    return manifest.points().stream()
        .filter(p -> p.status() != SweepManifest.Status.COMPLETED)
        .filter(p -> retryFailed || p.status() != SweepManifest.Status.FAILED)
        .map(SweepManifest.Point::index).collect(Collectors.toList());
  }

  private SweepManifest reset(List<Integer> points) {
    return folder.update(m -> {
      SweepManifest changed = m;
      for (int index : points) {
        changed = changed.withPoint(index, p -> p.with(SweepManifest.Status.PENDING, null));
      }
      return changed;
    });
  }

  private void header(SweepManifest manifest, Schedule schedule) {
    int completed = manifest.points().size() - schedule.all().size();
    err.println("sweep " + manifest.experiment() + ": " + manifest.points().size() + " point(s) in " + shown.apply(folder.root())
        + (completed > 0 ? "; " + completed + " done before, " + schedule.all().size() + " to run" : ""));
    for (SweepManifest.SharedPhase shared : manifest.shared()) {
      err.println("  phase " + shared.phase() + " trained once by point-" + shared.trainedBy() + ", reused by "
          + shared.reusedBy().stream().map(i -> "point-" + i).collect(Collectors.joining(", ")));
    }
  }

  private Result nothingToRun(SweepManifest manifest) {
    List<String> lines = new ArrayList<>();
    long failed = manifest.points().stream().filter(p -> p.status() == SweepManifest.Status.FAILED).count();
    lines.add("sweep " + manifest.experiment() + ": nothing to run (" + SweepStatus.summary(manifest) + ")");
    if (failed > 0) {
      lines.add("rerun the failed points with --retry-failed");
    }
    return new Result(lines, failed == 0);
  }

  private Result ending(SweepManifest end) {
    List<String> lines = new ArrayList<>();
    lines.add("sweep " + end.experiment() + ": " + SweepStatus.summary(end) + " in " + shown.apply(folder.root()));
    List<SweepManifest.Point> failed = end.points().stream().filter(p -> p.status() != SweepManifest.Status.COMPLETED)
        .toList();
    for (SweepManifest.Point p : failed) {
      lines.add("  " + SweepPlanner.describe(p.index(), p.parameters()) + ": " + p.status().label()
          + (p.error() == null ? "" : ": " + p.error()));
    }
    if (!failed.isEmpty()) {
      lines.add("rerun them with: " + retryCommand(end));
    } else {
      lines.add("collect the results with: motorlearn collect " + root());
    }
    return new Result(lines, failed.isEmpty());
  }

  /** The command that reruns the sweep's failed points: its spec, folder and --set values, as recorded. */
  private String retryCommand(SweepManifest manifest) {
    StringBuilder command = new StringBuilder("motorlearn sweep ").append(Shell.quote(shown.apply(Path.of(manifest.spec()))))
        .append(" --out ").append(root());
    manifest.set().forEach((name, value) -> command.append(" --set ").append(Shell.quote(name + "=" + Parameters.format(value))));
    if (!manifest.slurm().isEmpty()) {
      command.append(" --executor slurm");
    }
    return command.append(" --retry-failed").toString();
  }

  /** {@code motorlearn sweep --status}: statuses corrected from the processes and jobs still alive. */
  public static Result status(SweepFolder folder, Function<Path, String> shown) {
    SweepManifest manifest = SweepStatus.refresh(folder);
    List<String> lines = new ArrayList<>(SweepStatus.report(folder, manifest, shown));
    if (!manifest.slurm().isEmpty()) {
      Slurm.queue(manifest.slurm().stream().map(SweepManifest.SlurmJob::id).toList()).ifPresentOrElse(
          queue -> lines.add("squeue: " + (queue.isEmpty() ? "no task of this sweep is queued or running"
              : queue.size() + " task(s) queued or running")),
          () -> lines.add("squeue is not available here; statuses come from the sweep folder alone"));
    }
    boolean complete = manifest.points().stream().allMatch(p -> p.status() == SweepManifest.Status.COMPLETED);
    return new Result(lines, complete);
  }
}
