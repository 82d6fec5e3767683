package org.motorlearn.dsl.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The example specs of the repository ({@code examples/} at the root), found on disk so that a new
 * example is covered by every test without touching the tests.
 */
final class ExampleFiles {

  /**
   * A warning an example expects, declared in a comment of the spec next to the reason:
   * {@code // expected warning org.motorlearn.dsl.someCode: why this is fine here}.
   */
  private static final Pattern EXPECTED_WARNING = Pattern.compile("expected warning ([\\w.]+):");

  private ExampleFiles() {
  }

  /** The repository root: the parent of this module (surefire runs in the module's folder). */
  static Path repository() {
    Path module = Path.of("").toAbsolutePath();
    return module.getParent();
  }

  static Path folder() {
    return repository().resolve("examples");
  }

  /** Every *.motor under examples/, relative to it with forward slashes, sorted. */
  static List<String> all() {
    try (Stream<Path> files = Files.walk(folder())) {
      return files.filter(f -> f.toString().endsWith(".motor"))
          .map(f -> folder().relativize(f).toString().replace('\\', '/'))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder(), e);
    }
  }

  /** The examples under one sub-folder (e.g. "teaching/"). */
  static List<String> under(String prefix) {
    return all().stream().filter(f -> f.startsWith(prefix)).toList();
  }

  static Path path(String relative) {
    return folder().resolve(relative);
  }

  static String text(String relative) {
    try {
      return Files.readString(path(relative), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The issue codes of the warnings the spec declares it expects (in comments), sorted. */
  static List<String> expectedWarnings(String relative) {
    Matcher matcher = EXPECTED_WARNING.matcher(text(relative));
    return matcher.results().map(m -> m.group(1)).sorted().toList();
  }
}
