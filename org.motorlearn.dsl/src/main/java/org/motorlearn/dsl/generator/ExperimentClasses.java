package org.motorlearn.dsl.generator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.emf.ecore.resource.Resource;
import org.motorlearn.dsl.model.ExperimentPlan;
import org.motorlearn.dsl.model.ExperimentPlanner;
import org.motorlearn.dsl.model.SpecSource;
import org.motorlearn.dsl.motorLearn.Experiment;
import org.motorlearn.dsl.util.Experiments;

/** Generates the Java class of every experiment of a spec, in the order they are written. */
public final class ExperimentClasses {

  private ExperimentClasses() {
  }

  /**
   * @param projectFolder the folder the package is computed from (the spec's path relative to it)
   * @throws org.motorlearn.dsl.model.SpecBuildException if the spec cannot be built (validate it first)
   */
  public static List<GeneratedClass> generate(Resource spec, Path projectFolder) {
    SpecSource source = SpecSource.of(spec, projectFolder);
    String packageName = JavaNames.packageOf(source.relativePath());
    String version = MotorLearnVersion.get();
    List<GeneratedClass> classes = new ArrayList<>();
    for (Experiment experiment : Experiments.declaredIn(spec)) {
      ExperimentPlan plan = ExperimentPlanner.plan(experiment, source);
      String className = JavaNames.className(experiment.getName());
      classes.add(new GeneratedClass(plan, packageName, className,
          ExperimentClassTemplate.generate(plan, packageName, className, version)));
    }
    return classes;
  }
}
