package org.motorlearn.dsl.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The SLURM commands MotorLearn uses (sbatch, squeue), run as processes. */
public final class Slurm {

  /** What a command printed and how it ended. */
  record Output(int exitCode, String out, String err) {}

  private Slurm() {}

  /** True when a SLURM controller answers ({@code sinfo} succeeds). */
  public static boolean available() {
    try {
      return run(List.of("sinfo", "-h", "-o", "%P")).exitCode() == 0;
    } catch (SweepException notInstalled) {
      return false;
    }
  }

  /**
   * Submits a batch script; returns the job id.
   *
   * @param dependency an {@code afterok:<id>} dependency, or null
   */
  static String submit(Path script, String dependency) {
    List<String> command = new ArrayList<>(List.of("sbatch", "--parsable"));
    if (dependency != null) {
      command.add("--dependency=" + dependency);
      command.add("--kill-on-invalid-dep=yes");
    }
    command.add(script.toString());
    Output output = run(command);
    if (output.exitCode() != 0) {
      throw new SweepException("sbatch refused " + script + ": " + (output.err().isBlank() ? output.out() : output.err()).trim());
    }
    String id = output.out().trim();
    int semicolon = id.indexOf(';'); // "id;cluster" on multi-cluster installations
    return semicolon < 0 ? id : id.substring(0, semicolon);
  }

  /**
   * States of the array tasks of the given jobs still known to the controller ({@code 123_4 -> RUNNING}),
   * or empty when squeue is not available (the caller then judges from the sweep folder alone).
   */
  static Optional<Map<String, String>> queue(List<String> jobIds) {
    Map<String, String> states = new LinkedHashMap<>();
    if (jobIds.isEmpty()) {
      return Optional.of(states);
    }
    Output output;
    try {
      output = run(List.of("squeue", "-h", "-r", "-j", String.join(",", jobIds), "-o", "%i %T"));
    } catch (SweepException notInstalled) {
      return Optional.empty();
    }
    if (output.exitCode() != 0) {
      // squeue fails for job ids it no longer knows at all: then none is queued
      return output.err().contains("Invalid job id") ? Optional.of(states) : Optional.empty();
    }
    for (String line : output.out().split("\n")) {
      String[] parts = line.trim().split("\\s+");
      if (parts.length == 2) {
        states.put(parts[0], parts[1]);
      }
    }
    return Optional.of(states);
  }

  static Output run(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).start();
      process.getOutputStream().close();
      byte[] out = process.getInputStream().readAllBytes();
      byte[] err = process.getErrorStream().readAllBytes();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new SweepException(command.get(0) + " did not answer within 60 s");
      }
      return new Output(process.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new SweepException("cannot run " + command.get(0) + ": " + e.getMessage() + " (is SLURM installed here?)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SweepException("interrupted while waiting for " + command.get(0));
    }
  }
}
