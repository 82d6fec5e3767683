package org.motorlearn.dsl.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.motorlearn.runtime.engine.BlasEnvironment;

/**
 * Runs sweep points as SLURM job arrays: one batch script per stage in {@code slurm/}, one array task
 * per point (the task id is the point's index), the fan-out array submitted with
 * {@code --dependency=afterok:<first stage>} so it starts once every shared phase is trained. Every
 * task runs {@link PointMain}, which resumes from the point's checkpoint when the task is requeued
 * ({@code --requeue}; {@code --open-mode=append} keeps the log of every attempt).
 */
public final class SlurmExecutor {

  /**
   * What each array task asks for. Null fields are left to the cluster's defaults.
   *
   * @param memoryMegabytes per task; the JVM gets half as heap (ND4J's arrays live outside the heap)
   * @param minutes time limit per task
   */
  public record Resources(String partition, String account, int cpus, long memoryMegabytes, long minutes) {

    /** Resources from the sweep's estimate (one point, one core per BLAS thread), before overrides. */
    static Resources estimated(SweepManifest.Estimate estimate, int cpus) {
      long megabytes = Math.max(1024, (estimate.memoryBytesPerPoint() + (1 << 20) - 1) >> 20);
      long minutes = Math.max(10, (long) Math.ceil(estimate.secondsPerPoint() / 60.0 / cpus * 2));
      return new Resources(null, null, cpus, megabytes, minutes);
    }

    String time() {
      return String.format(Locale.ROOT, "%d:%02d:00", minutes / 60, minutes % 60);
    }
  }

  private final SweepFolder folder;
  private final Resources resources;

  SlurmExecutor(SweepFolder folder, Resources resources) {
    this.folder = folder;
    this.resources = resources;
  }

  /** Writes the scripts, submits the stages and records the jobs and each point's job in sweep.json. */
  SweepManifest submit(Schedule schedule) {
    SweepManifest manifest = folder.read();
    int attempt = manifest.slurm().size() + 1;
    String firstJob = null;
    if (!schedule.first().isEmpty()) {
      firstJob = submitStage(manifest.experiment(), attempt, 1, schedule.first(), null);
    }
    if (!schedule.fanOut().isEmpty()) {
      submitStage(manifest.experiment(), attempt + (firstJob == null ? 0 : 1), 2, schedule.fanOut(),
          firstJob == null ? null : "afterok:" + firstJob);
    }
    return folder.read();
  }

  private String submitStage(String experiment, int number, int stage, List<Integer> points, String dependency) {
    Path script = folder.slurm().resolve("submission-" + number + "-stage-" + stage + ".sh");
    write(script, script(experiment, stage, points));
    String id = Slurm.submit(script, dependency);
    folder.update(m -> {
      SweepManifest changed = m.withSlurmJob(new SweepManifest.SlurmJob(id, stage, points, dependency));
      for (int index : points) {
        changed = changed.withPoint(index, p -> p.submitted(id + "_" + index));
      }
      return changed;
    });
    return id;
  }

  /** The batch script of one stage. */
  String script(String experiment, int stage, List<Integer> points) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> lines = new ArrayList<>();
    lines.add("#!/bin/bash");
    lines.add("# Written by motorlearn sweep (docs/sweeps.md): one array task per sweep point; the task id is the point's");
    lines.add("# index. Stage " + stage + (stage == 1 ? ": points whose phases others reuse, and independent points."
        : ": points that reuse a phase trained in stage 1."));
    lines.add("#SBATCH --job-name=" + quoteFree("ml-" + experiment + "-" + stage));
    lines.add("#SBATCH --array=" + points.stream().map(String::valueOf).collect(Collectors.joining(",")));
    lines.add("#SBATCH --output=" + folder.root().resolve("logs").resolve("point-%a.log"));
    lines.add("#SBATCH --open-mode=append");
    lines.add("#SBATCH --requeue");
    lines.add("#SBATCH --ntasks=1");
    lines.add("#SBATCH --cpus-per-task=" + resources.cpus());
    lines.add("#SBATCH --mem=" + resources.memoryMegabytes() + "M");
    lines.add("#SBATCH --time=" + resources.time());
    if (resources.partition() != null) {
      lines.add("#SBATCH --partition=" + resources.partition());
    }
    if (resources.account() != null) {
      lines.add("#SBATCH --account=" + resources.account());
    }
    lines.add("");
    lines.add("export OMP_NUM_THREADS=1");
    lines.add(BlasEnvironment.shellLines());
    lines.add("exec " + shell(java) + " -Xmx" + Math.max(512, resources.memoryMegabytes() / 2) + "m -cp "
        + shell(System.getProperty("java.class.path")) + " " + PointMain.class.getName() + " " + shell(folder.root().toString())
        + " \"$SLURM_ARRAY_TASK_ID\"");
    return String.join("\n", lines) + "\n";
  }

  private static String shell(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }

  private static String quoteFree(String name) {
    return name.replaceAll("[^A-Za-z0-9_.-]", "_");
  }

  private static void write(Path script, String text) {
    try {
      Files.createDirectories(script.getParent());
      Files.writeString(script, text, StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the batch script " + script + ": " + e.getMessage(), e);
    }
  }
}
