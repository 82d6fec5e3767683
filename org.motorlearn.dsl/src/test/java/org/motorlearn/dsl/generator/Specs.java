package org.motorlearn.dsl.generator;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.junit.jupiter.api.Assertions;
import org.motorlearn.dsl.motorLearn.Experiment;
import org.motorlearn.dsl.motorLearn.Model;

/** Specs of the generator tests: the golden specs in src/test/resources/golden, and specs written to a folder. */
final class Specs {

  /** Where {@code -Dgolden.update=true} writes expected files: the module's source tree. */
  static final Path GOLDEN_SOURCES = Path.of("src/test/resources/golden");

  private Specs() {
  }

  /** The golden specs' folder on the test class path; it is also their project folder. */
  static Path goldenRoot() {
    try {
      return Path.of(Specs.class.getResource("/golden").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every golden spec that declares an experiment, relative to the golden root, sorted. */
  static List<String> goldenSpecs() throws IOException {
    try (Stream<Path> files = Files.walk(goldenRoot())) {
      return files.filter(f -> f.toString().endsWith(".motor"))
          .filter(f -> read(f).contains("experiment "))
          .map(f -> goldenRoot().relativize(f).toString().replace('\\', '/'))
          .sorted()
          .collect(Collectors.toList());
    }
  }

  /** Loads a spec file (imports load on demand), resolves it and fails on any syntax or linking error. */
  static Resource load(XtextResourceSet resourceSet, Path file) {
    Resource resource = resourceSet.getResource(URI.createFileURI(file.toAbsolutePath().toString()), true);
    EcoreUtil.resolveAll(resource);
    Assertions.assertTrue(resource.getErrors().isEmpty(), () -> file + ": " + resource.getErrors().stream()
        .map(e -> e.getLine() + ": " + e.getMessage()).collect(Collectors.joining("\n")));
    return resource;
  }

  /** Writes {@code text} to {@code folder/name} and loads it. */
  static Resource write(XtextResourceSet resourceSet, Path folder, String name, String text) throws IOException {
    Path file = folder.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return load(resourceSet, file);
  }

  /** The first experiment of a loaded spec. */
  static Experiment experiment(Resource resource) {
    return ((Model) resource.getContents().get(0)).getElements().stream()
        .filter(Experiment.class::isInstance).map(Experiment.class::cast).findFirst().orElseThrow();
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
