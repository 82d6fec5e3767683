package org.motorlearn.dsl.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.motorlearn.dsl.cli.Main;

/**
 * Every teaching example runs as written through {@code motorlearn run} (each experiment, each sweep
 * point) into a temporary folder, and every run completes.
 */
public class TeachingExamplesRunTest {

  @TempDir
  Path out;

  static List<String> teaching() {
    return ExampleFiles.under("teaching/");
  }

  @ParameterizedTest
  @MethodSource("teaching")
  public void runsToCompletion(String example) throws IOException {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int code = new Main(new PrintStream(printed, true, StandardCharsets.UTF_8), new PrintStream(errors, true, StandardCharsets.UTF_8),
        ExampleFiles.repository()).execute("run", ExampleFiles.path(example).toString(), "--out", out.toString());
    String output = printed.toString(StandardCharsets.UTF_8) + errors.toString(StandardCharsets.UTF_8);
    assertEquals(0, code, output);
    List<Path> manifests;
    try (Stream<Path> files = Files.walk(out)) {
      manifests = files.filter(f -> f.getFileName().toString().equals("manifest.json")).toList();
    }
    assertFalse(manifests.isEmpty(), output);
    for (Path manifest : manifests) {
      Map<String, Object> tree = RunArrays.json(manifest);
      assertEquals("completed", tree.get("status"), manifest + "\n" + output);
    }
  }
}
