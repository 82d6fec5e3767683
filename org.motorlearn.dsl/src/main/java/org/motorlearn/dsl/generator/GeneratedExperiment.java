package org.motorlearn.dsl.generator;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.emf.ecore.resource.Resource;
import org.motorlearn.runtime.spec.Experiment;
import org.motorlearn.runtime.spec.Parameters;
import org.motorlearn.runtime.spec.Sweep;

/**
 * An experiment of a spec as generated, compiled (in memory) and loaded Java: what {@code motorlearn
 * run} executes.
 *
 * <pre>{@code
 * for (GeneratedExperiment e : GeneratedExperiment.compile(resource, projectFolder)) {
 *   for (Map<String, Double> point : e.sweep().points()) {
 *     MotorLearn.run(e.build(Parameters.of(point)), options);
 *   }
 * }
 * }</pre>
 */
public final class GeneratedExperiment {

  private final String name;
  private final String qualifiedClassName;
  private final String javaSource;
  private final Method experiment;
  private final Method sweep;

  private GeneratedExperiment(String name, String qualifiedClassName, String javaSource, Class<?> type) {
    this.name = name;
    this.qualifiedClassName = qualifiedClassName;
    this.javaSource = javaSource;
    try {
      this.experiment = type.getMethod("experiment", Parameters.class);
      this.sweep = type.getMethod("sweep");
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("generated class " + qualifiedClassName + " lacks experiment(Parameters) or "
          + "sweep(): a bug in the MotorLearn generator", e);
    }
  }

  /**
   * Generates, compiles and loads every experiment of a parsed (and validated) spec, in the order
   * they are written, against the JVM's class path.
   *
   * @param projectFolder the package is the spec's folder relative to it
   * @throws org.motorlearn.dsl.model.SpecBuildException if the spec cannot be built
   * @throws IllegalStateException if the generated code does not compile (a generator bug) or no JDK compiler exists
   */
  public static List<GeneratedExperiment> compile(Resource spec, Path projectFolder) {
    return compile(spec, projectFolder, new InMemoryJavaCompiler());
  }

  /** As {@link #compile(Resource, Path)}, with the given compiler (e.g. an explicit class path). */
  public static List<GeneratedExperiment> compile(Resource spec, Path projectFolder, InMemoryJavaCompiler compiler) {
    List<GeneratedClass> classes = ExperimentClasses.generate(spec, projectFolder);
    Map<String, String> sources = new LinkedHashMap<>();
    classes.forEach(c -> sources.put(c.qualifiedName(), c.source()));
    List<GeneratedExperiment> experiments = new ArrayList<>();
    if (classes.isEmpty()) {
      return experiments;
    }
    ClassLoader loader = compiler.compile(sources);
    for (GeneratedClass generated : classes) {
      try {
        Class<?> type = Class.forName(generated.qualifiedName(), true, loader);
        experiments.add(new GeneratedExperiment(generated.plan().name(), generated.qualifiedName(), generated.source(), type));
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("generated class " + generated.qualifiedName() + " was not compiled: a bug in "
            + "the MotorLearn generator", e);
      }
    }
    return experiments;
  }

  /** The experiment's name as written in the spec. */
  public String name() {
    return name;
  }

  /**
   * The experiment with the given parameter overrides.
   *
   * @throws org.motorlearn.runtime.spec.SpecException if an override names no parameter or a value is invalid
   */
  public Experiment build(Parameters parameters) {
    return (Experiment) invoke(experiment, parameters);
  }

  /** The experiment's sweep (one empty point if the spec has no sweep). */
  public Sweep sweep() {
    return (Sweep) invoke(sweep);
  }

  /** The generated Java source. */
  public String javaSource() {
    return javaSource;
  }

  public String qualifiedClassName() {
    return qualifiedClassName;
  }

  private Object invoke(Method method, Object... arguments) {
    try {
      return method.invoke(null, arguments);
    } catch (InvocationTargetException e) {
      // What the generated code throws (a SpecException for a bad override) is the caller's business.
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("generated class " + qualifiedClassName + " is not accessible: a bug in the "
          + "MotorLearn generator", e);
    }
  }
}
