package org.motorlearn.dsl.validation;

import com.google.inject.Inject;
import com.google.inject.Provider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** The language's example specs (src/test/resources/specs) are valid: no check reports an error on them. */
class ExampleSpecsTest extends ValidationTestBase {

  @Inject
  private Provider<XtextResourceSet> resourceSets;

  @Test
  void exampleSpecsHaveNoErrors() throws IOException {
    Path root = Path.of("src/test/resources/specs").toAbsolutePath();
    List<Path> specs;
    try (Stream<Path> files = Files.walk(root)) {
      specs = files.filter(f -> f.toString().endsWith(".motor")).sorted().toList();
    }
    Assertions.assertFalse(specs.isEmpty(), "no example specs under " + root);
    List<String> errors = new ArrayList<>();
    for (Path spec : specs) {
      Resource resource = resourceSets.get().getResource(URI.createFileURI(spec.toString()), true);
      for (Issue issue : validation.validate(resource)) {
        if (issue.getSeverity() == Severity.ERROR) {
          errors.add(root.relativize(spec) + ":" + issue.getLineNumber() + ": " + issue.getMessage());
        }
      }
    }
    Assertions.assertEquals(List.of(), errors);
  }
}
