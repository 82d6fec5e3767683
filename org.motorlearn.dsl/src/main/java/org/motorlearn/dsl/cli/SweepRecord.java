package org.motorlearn.dsl.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.motorlearn.runtime.run.Json;

/**
 * {@code sweep.json} in the folder of a sweep: which parameter values each {@code point-<k>} folder
 * runs with. Written before the first point runs, so {@code --resume} can continue a sweep that was
 * interrupted before some points started (their folders do not exist yet).
 */
record SweepRecord(String experiment, List<Entry> points) {

  static final String FILE = "sweep.json";
  static final String FORMAT = "motorlearn-sweep/1";

  /** One point: its folder name, the swept values and every override it runs with. */
  record Entry(int index, String folder, Map<String, Double> sweepValues, Map<String, Double> overrides) {}

  static SweepRecord of(RunPlan plan) {
    List<Entry> entries = new ArrayList<>();
    for (RunPlan.Point point : plan.points()) {
      entries.add(new Entry(point.index(), "point-" + point.index(), point.sweepValues(), point.overrides()));
    }
    return new SweepRecord(plan.generated().name(), entries);
  }

  void write(Path sweepFolder, List<String> commandLine) {
    List<Object> list = new ArrayList<>();
    for (Entry entry : points) {
      Map<String, Object> point = new LinkedHashMap<>();
      point.put("index", entry.index());
      point.put("folder", entry.folder());
      point.put("sweep", entry.sweepValues());
      point.put("parameters", entry.overrides());
      list.add(point);
    }
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("format", FORMAT);
    tree.put("experiment", experiment);
    tree.put("commandLine", commandLine);
    tree.put("points", list);
    Json.write(sweepFolder.resolve(FILE), tree);
  }

  static boolean existsIn(Path folder) {
    return Files.isRegularFile(folder.resolve(FILE));
  }

  /** @throws CliException (exit 2) if the file is not a sweep record this version understands */
  static SweepRecord read(Path sweepFolder, String shown) {
    Object tree = Json.toPlain(Json.read(sweepFolder.resolve(FILE)));
    if (!(tree instanceof Map<?, ?> map) || !FORMAT.equals(map.get("format")) || !(map.get("points") instanceof List<?> list)) {
      throw CliException.usage(shown + "/" + FILE + " is not a sweep record of format " + FORMAT);
    }
    List<Entry> entries = new ArrayList<>();
    for (Object item : list) {
      Map<?, ?> point = (Map<?, ?>) item;
      entries.add(new Entry(((Number) point.get("index")).intValue(), (String) point.get("folder"),
          numbers(point.get("sweep")), numbers(point.get("parameters"))));
    }
    return new SweepRecord((String) map.get("experiment"), entries);
  }

  static Map<String, Double> numbers(Object tree) {
    Map<String, Double> values = new LinkedHashMap<>();
    if (tree instanceof Map<?, ?> map) {
      map.forEach((name, value) -> values.put((String) name, ((Number) value).doubleValue()));
    }
    return values;
  }
}
