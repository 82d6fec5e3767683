package org.motorlearn.dsl.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.inject.Inject;
import com.google.inject.Provider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.motorlearn.dsl.tests.MotorLearnInjectorProvider;

/**
 * The generated code of every golden spec (src/test/resources/golden/**.motor) equals the expected
 * file next to it, at the generated class's path (examples/feulner2022/Feulner2022_VR30.java).
 * After an intended change of the generator, rewrite the expected files with
 * {@code ./mvnw -o -pl org.motorlearn.dsl test -Dtest=GoldenFilesTest -Dgolden.update=true}
 * and review the diff before committing. The MotorLearn version in the header is written as
 * {@code @VERSION@} in the golden files, so a release does not change them.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(MotorLearnInjectorProvider.class)
class GoldenFilesTest {

  @Inject
  private Provider<XtextResourceSet> resourceSets;

  @Test
  void generatedCodeEqualsTheGoldenFiles() throws IOException {
    boolean update = Boolean.getBoolean("golden.update");
    List<String> specs = Specs.goldenSpecs();
    assertFalse(specs.isEmpty(), "no golden specs found under " + Specs.goldenRoot());
    List<String> checked = new ArrayList<>();
    for (String spec : specs) {
      Resource resource = Specs.load(resourceSets.get(), Specs.goldenRoot().resolve(spec));
      for (GeneratedClass generated : ExperimentClasses.generate(resource, Specs.goldenRoot())) {
        Path expectedFile = Specs.goldenRoot().resolve(generated.path());
        String actual = generated.source().replace("MotorLearn " + MotorLearnVersion.get() + " from", "MotorLearn @VERSION@ from");
        if (update) {
          Path source = Specs.GOLDEN_SOURCES.resolve(generated.path());
          Files.createDirectories(source.getParent());
          Files.writeString(source, actual, StandardCharsets.UTF_8);
          continue;
        }
        assertEquals(Files.exists(expectedFile) ? Specs.read(expectedFile) : "(missing: " + generated.path() + ")",
            actual, spec + " -> " + generated.path()
                + " differs from its golden file; if the change is intended, run with -Dgolden.update=true");
        checked.add(generated.path());
      }
    }
    if (!update) {
      assertEquals(List.of("Defaults.java", "examples/feulner2022/Feulner2022_VR30.java",
          "examples/rotations/Rotations.java"), checked);
    }
  }
}
