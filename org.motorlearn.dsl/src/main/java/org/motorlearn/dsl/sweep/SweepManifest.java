package org.motorlearn.dsl.sweep;

import com.google.gson.annotations.SerializedName;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * sweep.json: what a sweep runs (spec, experiment, overrides, points and their parameters), the
 * phases shared between points (who trains them, who reuses them), and where every point stands.
 * Format {@value #FORMAT}; documented in docs/sweeps.md. Immutable: changes make a new value, which
 * {@link SweepFolder#update} writes under a lock.
 *
 * @param spec absolute path of the spec file
 * @param specSha256 SHA-256 of the spec text when the sweep was planned (a point refuses a changed spec)
 * @param set the {@code --set} overrides applied to every point
 * @param threadsPerPoint BLAS threads of every point (part of what makes the bits reproducible)
 * @param shared the phases trained once and reused, in order of their first point
 * @param slurm the SLURM jobs submitted for this sweep (empty for the local executor)
 */
public record SweepManifest(String format, String experiment, String spec, String specSha256, Map<String, Double> set,
    String created, int threadsPerPoint, Estimate estimate, List<SharedPhase> shared, List<Point> points,
    List<SlurmJob> slurm) {

  public static final String FORMAT = "motorlearn-sweep/1";

  /** Where a point stands. */
  public enum Status {
    /** not started yet */
    @SerializedName("pending")
    PENDING,
    /** handed to SLURM; its job has not started the point yet */
    @SerializedName("submitted")
    SUBMITTED,
    @SerializedName("running")
    RUNNING,
    @SerializedName("completed")
    COMPLETED,
    /** the run failed, crashed, or its job was cancelled: rerun with --retry-failed */
    @SerializedName("failed")
    FAILED,
    /** its process ended without saying how (the whole sweep was interrupted): resumed by starting the sweep again */
    @SerializedName("interrupted")
    INTERRUPTED;

    public String label() {
      return name().toLowerCase();
    }
  }

  /**
   * One point: one run folder.
   *
   * @param parameters the swept parameters' values at this point
   * @param reuses phase -> index of the point that trains it (empty if this point trains all its phases)
   * @param job the SLURM job running it ({@code arrayJob_index}), or null
   * @param attempts how many times a process started the point
   */
  public record Point(int index, String folder, Map<String, Double> parameters, Map<String, Integer> reuses, Status status,
      String error, String job, String host, int attempts) {

    public Point {
      // in the sweep's axis order, as written in the spec
      parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
      reuses = Collections.unmodifiableMap(new LinkedHashMap<>(reuses));
    }

    public Point with(Status newStatus, String newError) {
      return new Point(index, folder, parameters, reuses, newStatus, newError, job, host, attempts);
    }

    public Point started(String onHost) {
      return new Point(index, folder, parameters, reuses, Status.RUNNING, null, job, onHost, attempts + 1);
    }

    public Point submitted(String slurmJob) {
      return new Point(index, folder, parameters, reuses, Status.SUBMITTED, null, slurmJob, null, attempts);
    }
  }

  /** A phase identical at several points (same inputs, hence same bits): trained by one, reused by the others. */
  public record SharedPhase(String phase, int trainedBy, List<Integer> reusedBy) {
    public SharedPhase {
      reusedBy = List.copyOf(reusedBy);
    }
  }

  /**
   * What one point needs, estimated from the spec (the engine's memory estimate; time from the
   * floating-point operations at a deliberately low rate): sizes local parallelism and SLURM requests.
   */
  public record Estimate(long memoryBytesPerPoint, long secondsPerPoint) {}

  /** One submitted job array: its id, which stage (1: points others depend on, 2: the fan-out) and its points. */
  public record SlurmJob(String id, int stage, List<Integer> points, String dependsOn) {
    public SlurmJob {
      points = List.copyOf(points);
    }
  }

  public Point point(int index) {
    return points.get(index);
  }

  public SweepManifest withPoint(int index, UnaryOperator<Point> change) {
    List<Point> changed = new ArrayList<>(points);
    changed.set(index, change.apply(points.get(index)));
    return new SweepManifest(format, experiment, spec, specSha256, set, created, threadsPerPoint, estimate, shared, changed,
        slurm);
  }

  public SweepManifest withSlurmJob(SlurmJob job) {
    List<SlurmJob> jobs = new ArrayList<>(slurm);
    jobs.add(job);
    return new SweepManifest(format, experiment, spec, specSha256, set, created, threadsPerPoint, estimate, shared, points,
        jobs);
  }

  public SweepManifest withThreadsPerPoint(int threads) {
    return new SweepManifest(format, experiment, spec, specSha256, set, created, threads, estimate, shared, points, slurm);
  }
}
