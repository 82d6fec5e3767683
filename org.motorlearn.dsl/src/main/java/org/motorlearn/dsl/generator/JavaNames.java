package org.motorlearn.dsl.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * Java names of generated classes: the package from the spec's path relative to the project folder
 * ({@code examples/feulner2022/vr30.motor} is package {@code examples.feulner2022}), the class named
 * after the experiment; both sanitised to legal identifiers.
 */
public final class JavaNames {

  /** Simple names the generated code imports; a class of the same name would shadow them. */
  static final Set<String> IMPORTED = Set.of("Path", "EnumSet", "List", "MotorLearn", "RunOptions", "Activation",
      "AnalysisSpec", "Experiment", "Init", "InitialState", "InputSpec", "LossSpec", "ModuleSpec", "Network",
      "OptimizerSpec", "Parameters", "Perturbation", "PhaseSpec", "Plasticity", "Precision", "ProjectionSpec",
      "ReadoutSpec", "Sweep", "TaskSpec", "String", "Object", "System", "Double");

  private JavaNames() {
  }

  /** The package of a spec at {@code relativePath} (forward slashes); "" for a spec in the project folder itself. */
  public static String packageOf(String relativePath) {
    String[] segments = relativePath.split("/");
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < segments.length - 1; i++) {
      if (!segments[i].isEmpty() && !segments[i].equals(".")) {
        parts.add(identifier(segments[i]));
      }
    }
    return String.join(".", parts);
  }

  /** The class generated for an experiment. */
  public static String className(String experimentName) {
    String name = identifier(experimentName);
    return IMPORTED.contains(name) ? name + "_" : name;
  }

  /** The fully qualified class name. */
  public static String qualified(String packageName, String className) {
    return packageName.isEmpty() ? className : packageName + "." + className;
  }

  /** A legal Java identifier close to {@code text}: illegal characters become '_', keywords get a '_' appended. */
  static String identifier(String text) {
    StringBuilder result = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      result.append(Character.isJavaIdentifierPart(c) && c != '$' ? c : '_');
    }
    if (result.length() == 0 || !Character.isJavaIdentifierStart(result.charAt(0))) {
      result.insert(0, '_');
    }
    String name = result.toString();
    return SourceVersion.isKeyword(name) || name.equals("_") ? name + "_" : name;
  }
}
