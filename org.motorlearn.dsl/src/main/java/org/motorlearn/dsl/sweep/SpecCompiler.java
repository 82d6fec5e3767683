package org.motorlearn.dsl.sweep;

import com.google.inject.Injector;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.motorlearn.dsl.MotorLearnStandaloneSetup;
import org.motorlearn.dsl.generator.GeneratedExperiment;
import org.motorlearn.dsl.generator.MotorLearnGenerator;

/**
 * Compiles the experiment of a sweep in a point's own process. The sweep command validated the spec
 * before planning; here only syntax and linking errors are checked again (the file may have been
 * edited since, which the point also detects by its hash).
 */
final class SpecCompiler {

  private SpecCompiler() {}

  /**
   * The generated experiment called {@code name} in {@code spec}, generated exactly as {@code motorlearn run}
   * generates it (package from the project folder).
   */
  static GeneratedExperiment experiment(Path spec, String name) {
    Injector injector = new MotorLearnStandaloneSetup().createInjectorAndDoEMFRegistration();
    XtextResourceSet resourceSet = injector.getInstance(XtextResourceSet.class);
    Resource resource = resourceSet.getResource(URI.createFileURI(spec.toAbsolutePath().toString()), true);
    EcoreUtil.resolveAll(resourceSet);
    if (!resource.getErrors().isEmpty()) {
      throw new SweepException(spec + " no longer parses: " + resource.getErrors().stream()
          .map(e -> "line " + e.getLine() + ": " + e.getMessage()).collect(Collectors.joining("; ")));
    }
    List<GeneratedExperiment> experiments = GeneratedExperiment.compile(resource, MotorLearnGenerator.projectFolderOf(resource));
    return experiments.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow(() -> new SweepException(
        spec + " no longer declares experiment " + name));
  }
}
