package org.motorlearn.runtime.run;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.motorlearn.runtime.spec.Experiment;
import org.motorlearn.runtime.spec.PhaseSpec;

/**
 * Completed phases taken from other run folders ({@link RunOptions#withReusedPhase}). A reuse is
 * allowed only when everything that determines the phase's bits is recorded identically in the
 * source: the phase, the phases it starts from, their perturbations, and the network, task, loss,
 * precision and seed. Phase folders are immutable once published, so they are hard-linked, file by
 * file, and copied only where the file system cannot link.
 */
final class PhaseReuse {

  /** One verified reuse: the source's phase folder and the thread layout it was trained with. */
  private record Verified(String phase, Path sourceRun, Path sourcePhaseFolder, String sourceThreadLayout) {}

  private final List<Verified> reuses;

  private PhaseReuse(List<Verified> reuses) {
    this.reuses = reuses;
  }

  /**
   * Verifies every reuse against the source folders before anything is written.
   *
   * @throws RunException naming the phase, the source and what differs
   */
  static PhaseReuse verify(Experiment experiment, List<RunOptions.ReusedPhase> requested) {
    List<Verified> verified = new ArrayList<>();
    if (requested.isEmpty()) {
      return new PhaseReuse(verified);
    }
    Map<String, Object> here = plain(Manifest.definition(experiment));
    for (RunOptions.ReusedPhase reuse : requested) {
      String phase = reuse.phase();
      Path source = reuse.sourceRunFolder().toAbsolutePath().normalize();
      String cannot = "cannot reuse phase " + phase + " from " + source + ": ";
      if (experiment.phases().stream().noneMatch(p -> p.name().equals(phase))) {
        throw new RunException(cannot + "experiment " + experiment.name() + " has no phase " + phase);
      }
      Path manifestFile = new RunFolder(source).manifest();
      if (!Files.isRegularFile(manifestFile)) {
        throw new RunException(cannot + "it has no manifest.json, so it is not a MotorLearn run folder");
      }
      Path phaseFolder = new RunFolder(source).phase(RunFolder.fileName(phase));
      if (!Files.isDirectory(phaseFolder)) {
        throw new RunException(cannot + "the phase is not complete there (no folder phases/" + RunFolder.fileName(phase)
            + "); run or resume that run first");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> sourceManifest = (Map<String, Object>) Json.toPlain(Json.read(manifestFile));
      @SuppressWarnings("unchecked")
      Map<String, Object> there = plain(sourceManifest.get("definition"));
      String difference = difference(experiment, phase, here, there);
      if (difference != null) {
        throw new RunException(cannot + difference + ", so its results would differ from training it here; run the phase"
            + " instead of reusing it");
      }
      Object layout = sourceManifest.get("threadLayout");
      verified.add(new Verified(phase, source, phaseFolder, layout == null ? "" : layout.toString()));
    }
    return new PhaseReuse(verified);
  }

  /** What differs between this experiment and the source's for {@code phase}, or null if nothing does. */
  private static String difference(Experiment experiment, String phase, Map<String, Object> here, Map<String, Object> there) {
    if (there == null) {
      return "its manifest has no definition";
    }
    for (String part : List.of("seed", "precision", "network", "task", "loss")) {
      if (!Objects.equals(here.get(part), there.get(part))) {
        return "its " + part + " differs";
      }
    }
    for (String name = phase; name != null; name = experiment.phase(name).from()) {
      PhaseSpec spec = experiment.phase(name);
      String which = name.equals(phase) ? "the phase's definition" : "the definition of phase " + name + " it starts from";
      if (!Objects.equals(named(here.get("phases"), name), named(there.get("phases"), name))) {
        return which + " differs";
      }
      if (spec.perturbation() != null
          && !Objects.equals(named(here.get("perturbations"), spec.perturbation()), named(there.get("perturbations"),
              spec.perturbation()))) {
        return "perturbation " + spec.perturbation() + " of phase " + name + " differs";
      }
    }
    return null;
  }

  /** The element called {@code name} of a recorded list of named definitions, or null. */
  private static Object named(Object list, String name) {
    if (list instanceof List<?> items) {
      for (Object item : items) {
        if (item instanceof Map<?, ?> map && name.equals(map.get("name"))) {
          return map;
        }
      }
    }
    return null;
  }

  /** A definition as it reads back from JSON, so a fresh one and a recorded one compare equal. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> plain(Object definition) {
    if (definition == null) {
      return null;
    }
    return (Map<String, Object>) Json.toPlain(JsonParser.parseString(Json.toJson(definition)));
  }

  /**
   * Puts every reused phase that the run folder does not have yet into it and records the reuse in
   * the manifest (the caller writes it).
   */
  void linkInto(RunFolder folder, Manifest manifest, String threadLayout, ProgressListener progress) {
    for (Verified reuse : reuses) {
      Path target = folder.phase(RunFolder.fileName(reuse.phase()));
      if (Files.isDirectory(target)) {
        continue; // a resumed run that reused it before
      }
      Path staging = AtomicFiles.temporaryFolderFor(target);
      linkTree(reuse.sourcePhaseFolder(), staging);
      AtomicFiles.replaceFolder(staging, target);
      manifest.reused(reuse.phase(), reuse.sourceRun(), reuse.sourceThreadLayout());
      progress.message("phase " + reuse.phase() + ": reused from " + reuse.sourceRun());
      if (!reuse.sourceThreadLayout().equals(threadLayout)) {
        progress.message("warning: phase " + reuse.phase() + " was trained with thread layout '" + reuse.sourceThreadLayout()
            + "' and this run uses '" + threadLayout + "'; its results are not bitwise those of training it here");
      }
    }
  }

  /** Hard links (or copies) every file below {@code from} into the empty folder {@code to}. */
  private static void linkTree(Path from, Path to) {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path source : (Iterable<Path>) all::iterator) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          try {
            Files.createLink(target, source);
          } catch (IOException | UnsupportedOperationException cannotLink) {
            Files.copy(source, target);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not link " + from + " into " + to + ": " + e.getMessage(), e);
    }
  }
}
