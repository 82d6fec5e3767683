package org.motorlearn.dsl.tests;

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
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.junit.jupiter.api.Assertions;
import org.motorlearn.dsl.motorLearn.Model;

/** Test specs live in src/test/resources/specs. */
final class TestSpecs {

  private TestSpecs() {
  }

  static Path root() {
    try {
      return Path.of(TestSpecs.class.getResource("/specs").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Path path(String relative) {
    return root().resolve(relative);
  }

  static String text(String relative) throws IOException {
    return Files.readString(path(relative), StandardCharsets.UTF_8);
  }

  /** Every .motor file under specs/, relative to it, sorted. */
  static List<String> all() throws IOException {
    try (Stream<Path> files = Files.walk(root())) {
      return files.filter(f -> f.toString().endsWith(".motor"))
          .map(f -> root().relativize(f).toString().replace('\\', '/'))
          .sorted()
          .collect(Collectors.toList());
    }
  }

  /** Loads a spec from disk into the resource set (imports load on demand) and resolves all references. */
  static Model load(XtextResourceSet resourceSet, String relative) {
    Resource resource = resourceSet.getResource(URI.createFileURI(path(relative).toString()), true);
    EcoreUtil.resolveAll(resource);
    return (Model) resource.getContents().get(0);
  }

  /** Fails with every syntax and linking error of the resource. */
  static void assertNoErrors(Resource resource) {
    Assertions.assertTrue(resource.getErrors().isEmpty(), () -> resource.getURI().lastSegment() + ": "
        + resource.getErrors().stream().map(e -> e.getLine() + ": " + e.getMessage()).collect(Collectors.joining("\n")));
  }

  static XtextResource xtext(Model model) {
    return (XtextResource) model.eResource();
  }
}
