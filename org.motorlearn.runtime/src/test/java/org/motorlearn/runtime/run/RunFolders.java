package org.motorlearn.runtime.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Comparisons of whole run folders for the reproducibility tests. */
final class RunFolders {

  private RunFolders() {}

  /** Every file below {@code root}, relative, sorted. */
  static List<String> files(Path root) {
    try (Stream<Path> all = Files.walk(root)) {
      return all.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Asserts that two run folders hold the same results bit for bit: every array and index byte-equal,
   * loss.csv equal except the wall-clock column, metrics and summary equal except timings. The
   * manifests differ legitimately (times, host) and are not compared; nor is the report, which is
   * drawn from the compared files and shows the manifest's times.
   */
  static void assertSameResults(Path expected, Path actual) throws IOException {
    List<String> files = files(expected).stream().filter(RunFolders::isResult).collect(Collectors.toList());
    assertEquals(files, files(actual).stream().filter(RunFolders::isResult).collect(Collectors.toList()));
    for (String f : files) {
      Path a = expected.resolve(f);
      Path b = actual.resolve(f);
      if (f.endsWith("loss.csv")) {
        assertEquals(withoutSeconds(Files.readAllLines(a)), withoutSeconds(Files.readAllLines(b)), f);
      } else if (f.endsWith("metrics.json") || f.equals("summary.json")) {
        assertEquals(withoutTimes(Json.toPlain(Json.read(a))), withoutTimes(Json.toPlain(Json.read(b))), f);
      } else {
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), f);
      }
    }
  }

  private static boolean isResult(String file) {
    return !file.equals("manifest.json") && !file.equals("report.html") && !file.startsWith("report/");
  }

  private static List<String> withoutSeconds(List<String> lines) {
    return lines.stream().map(l -> l.substring(0, l.lastIndexOf(','))).collect(Collectors.toList());
  }

  /** The tree without wall-clock entries ("seconds" keys, flattened keys ending in "/seconds"). */
  static Object withoutTimes(Object tree) {
    if (tree instanceof Map<?, ?> map) {
      Map<String, Object> kept = new TreeMap<>();
      map.forEach((k, v) -> {
        String key = String.valueOf(k);
        if (!key.equals("seconds") && !key.endsWith("/seconds")) {
          kept.put(key, withoutTimes(v));
        }
      });
      return kept;
    }
    return tree;
  }

  /** Starts {@link TinyRunMain} in a new JVM with this JVM's class path. */
  static Process startChild(Path folder, int updates, int checkpointEvery, long pauseMillis, Path log) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
        TinyRunMain.class.getName(), folder.toString(), String.valueOf(updates), String.valueOf(checkpointEvery),
        String.valueOf(pauseMillis));
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    return builder.start();
  }
}
