package org.motorlearn.dsl.sweep;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.motorlearn.runtime.run.Json;

/**
 * Where a sweep stands, judged from the sweep folder (sweep.json, each point's run manifest and
 * lock, its log) and, for SLURM points, from squeue: a point whose process or job is gone without
 * having recorded its end is corrected here. SLURM points whose job ended that way are failed (the
 * job was cancelled or killed); local points are interrupted (the whole sweep was stopped).
 */
public final class SweepStatus {

  private SweepStatus() {}

  /** Corrects stale statuses in sweep.json and returns the corrected manifest. */
  public static SweepManifest refresh(SweepFolder folder) {
    SweepManifest current = folder.read();
    List<String> jobs = current.slurm().stream().map(SweepManifest.SlurmJob::id).collect(Collectors.toList());
    Optional<Map<String, String>> queue = jobs.isEmpty() ? Optional.of(Map.of()) : Slurm.queue(jobs);
    return folder.update(m -> {
      SweepManifest changed = m;
      for (SweepManifest.Point p : m.points()) {
        SweepManifest.Point corrected = corrected(folder, p, queue);
        if (corrected != p) {
          changed = changed.withPoint(p.index(), old -> corrected);
        }
      }
      return changed;
    });
  }

  private static SweepManifest.Point corrected(SweepFolder folder, SweepManifest.Point p, Optional<Map<String, String>> queue) {
    SweepManifest.Status s = p.status();
    if (s != SweepManifest.Status.RUNNING && s != SweepManifest.Status.SUBMITTED) {
      return p;
    }
    Path run = folder.point(p);
    if ("completed".equals(runStatus(run))) {
      return p.with(SweepManifest.Status.COMPLETED, null);
    }
    if (p.job() != null) {
      if (queue.isEmpty() || queue.get().containsKey(p.job())) {
        return p;
      }
      return p.with(SweepManifest.Status.FAILED, "its SLURM job " + p.job() + " ended without finishing the point (cancelled,"
          + " killed, or the shared phase it depends on failed); see logs/point-" + p.index() + ".log; --retry-failed reruns it");
    }
    return SweepFolder.runIsLive(run) ? p : p.with(SweepManifest.Status.INTERRUPTED, "its process ended without finishing"
        + " the point; starting the sweep again resumes it");
  }

  /** The status recorded in a run folder's manifest, or null without one. */
  public static String runStatus(Path runFolder) {
    Path manifest = runFolder.resolve("manifest.json");
    if (!Files.isRegularFile(manifest)) {
      return null;
    }
    try {
      return Json.read(manifest).getAsJsonObject().get("status").getAsString();
    } catch (RuntimeException unreadable) {
      return null;
    }
  }

  /** Where a running point is, from the last progress line of its log (empty if none yet). */
  static Optional<PointProgress.State> lastProgress(Path log) {
    if (!Files.isRegularFile(log)) {
      return Optional.empty();
    }
    try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
      long length = file.length();
      int tail = (int) Math.min(length, 16384);
      byte[] bytes = new byte[tail];
      file.seek(length - tail);
      file.readFully(bytes);
      String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n");
      for (int i = lines.length - 1; i >= 0; i--) {
        Optional<PointProgress.State> state = PointProgress.parse(lines[i]);
        if (state.isPresent()) {
          return state;
        }
      }
    } catch (IOException unreadable) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** Counts per status. */
  public static Map<SweepManifest.Status, Integer> counts(SweepManifest manifest) {
    Map<SweepManifest.Status, Integer> counts = new EnumMap<>(SweepManifest.Status.class);
    manifest.points().forEach(p -> counts.merge(p.status(), 1, Integer::sum));
    return counts;
  }

  /** {@code 3 completed, 1 running, 1 failed} (statuses with points only, in lifecycle order). */
  public static String summary(SweepManifest manifest) {
    List<String> parts = new ArrayList<>();
    counts(manifest).forEach((status, n) -> parts.add(n + " " + status.label()));
    return String.join(", ", parts);
  }

  /** The status report of {@code motorlearn sweep --status}: one line per point, then the counts. */
  public static List<String> report(SweepFolder folder, SweepManifest manifest, java.util.function.Function<Path, String> shown) {
    List<String> lines = new ArrayList<>();
    lines.add("sweep " + manifest.experiment() + " in " + shown.apply(folder.root()) + ": " + manifest.points().size()
        + " points");
    for (SweepManifest.Point p : manifest.points()) {
      StringBuilder line = new StringBuilder(String.format("  %-10s %-11s %s", p.folder(), p.status().label(),
          SweepPlanner.describe(p.index(), p.parameters()).replaceFirst("^point-\\d+ ?", "")));
      if (p.status() == SweepManifest.Status.RUNNING) {
        lastProgress(folder.log(p.index())).ifPresent(state -> line.append("  ").append(state.describe()));
      }
      if (p.job() != null && p.status() != SweepManifest.Status.COMPLETED) {
        line.append("  job ").append(p.job());
      }
      if (p.error() != null && (p.status() == SweepManifest.Status.FAILED || p.status() == SweepManifest.Status.INTERRUPTED)) {
        line.append("\n      ").append(p.error());
      }
      lines.add(line.toString());
    }
    lines.add(summary(manifest));
    return lines;
  }
}
