package org.motorlearn.dsl.validation;

import com.google.inject.Inject;
import com.google.inject.Provider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.motorlearn.dsl.model.ExperimentBuilder;
import org.motorlearn.dsl.motorLearn.Experiment;
import org.motorlearn.dsl.motorLearn.Model;
import org.motorlearn.runtime.spec.Parameters;

/**
 * A sweep or {@code --set} may name exactly the parameters the generated code asks for: the names the
 * validator accepts ({@link SweepableSettings}) and the names the builder reads agree on every spec.
 */
class ParameterNamesAgreeTest extends ValidationTestBase {

  @Inject
  private Provider<XtextResourceSet> resourceSets;

  @Test
  void validatorAndBuilderKnowTheSameParameters() throws IOException {
    Path root = Path.of("src/test/resources/specs").toAbsolutePath();
    List<Path> specs;
    try (Stream<Path> files = Files.walk(root)) {
      specs = files.filter(f -> f.toString().endsWith(".motor") && !f.toString().contains("/lib/")).sorted().toList();
    }
    Assertions.assertFalse(specs.isEmpty());
    for (Path spec : specs) {
      Resource resource = resourceSets.get().getResource(URI.createFileURI(spec.toString()), true);
      for (var element : ((Model) resource.getContents().get(0)).getElements()) {
        if (element instanceof Experiment experiment) {
          Parameters parameters = Parameters.defaults();
          ExperimentBuilder.build(experiment, parameters);
          Assertions.assertEquals(new TreeSet<>(parameters.used().keySet()),
              new TreeSet<>(SweepableSettings.of(experiment).keySet()),
              spec.getFileName() + ", experiment " + experiment.getName());
        }
      }
    }
  }
}
