package org.motorlearn.dsl.sweep;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.motorlearn.runtime.run.RunFolder;

/**
 * Which points to run, in two stages: first the points other points reuse a phase from (and points
 * that depend on nobody), then the points that reuse a phase (the fan-out). A point whose shared
 * phase is already complete in its trainer's folder depends on nothing any more.
 */
record Schedule(List<Integer> first, List<Integer> fanOut) {

  /**
   * @param wanted the points to run; trainers of phases they need that are not complete yet are added
   */
  static Schedule of(SweepFolder folder, SweepManifest manifest, Collection<Integer> wanted) {
    TreeSet<Integer> all = new TreeSet<>(wanted);
    for (int index : wanted) {
      for (Map.Entry<String, Integer> reuse : manifest.point(index).reuses().entrySet()) {
        if (!phaseComplete(folder, manifest, reuse.getValue(), reuse.getKey())) {
          all.add(reuse.getValue());
        }
      }
    }
    List<Integer> first = new ArrayList<>();
    List<Integer> fanOut = new ArrayList<>();
    for (int index : all) {
      boolean waits = manifest.point(index).reuses().entrySet().stream()
          .anyMatch(r -> !phaseComplete(folder, manifest, r.getValue(), r.getKey()));
      (waits ? fanOut : first).add(index);
    }
    return new Schedule(first, fanOut);
  }

  /** True once {@code phase} is published in point {@code index}'s run folder. */
  static boolean phaseComplete(SweepFolder folder, SweepManifest manifest, int index, String phase) {
    return Files.isDirectory(new RunFolder(folder.point(manifest.point(index))).phase(RunFolder.fileName(phase)));
  }

  List<Integer> all() {
    List<Integer> all = new ArrayList<>(first);
    all.addAll(fanOut);
    return all;
  }
}
