package org.motorlearn.dsl.generator;

import org.motorlearn.dsl.model.ExperimentPlan;

/**
 * The Java source generated for one experiment.
 *
 * @param plan what the class builds
 * @param packageName "" for the default package
 */
public record GeneratedClass(ExperimentPlan plan, String packageName, String className, String source) {

  public String qualifiedName() {
    return JavaNames.qualified(packageName, className);
  }

  /** Where the file goes below an output folder: {@code examples/feulner2022/Feulner2022_VR30.java}. */
  public String path() {
    return packageName.isEmpty() ? className + ".java" : packageName.replace('.', '/') + "/" + className + ".java";
  }
}
