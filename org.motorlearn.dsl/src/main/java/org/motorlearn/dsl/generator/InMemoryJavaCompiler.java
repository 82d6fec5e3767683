package org.motorlearn.dsl.generator;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.motorlearn.runtime.spec.Experiment;

/**
 * Compiles Java sources in memory (javax.tools) and loads the classes from memory, without touching
 * the disk. The class path is the JVM's own plus the runtime's location, or an explicit one; loaded
 * classes link to the runtime classes of this JVM, so what they build is comparable with
 * {@code equals} to what the {@code ExperimentBuilder} builds.
 *
 * <p>Generated code is supposed to always compile; a compile error is a generator bug, and the
 * exception says so, with the generated file's name, line and source line.
 */
public final class InMemoryJavaCompiler {

  private final String classPath;

  /** Compiles against {@code java.class.path} and the runtime's jar (or classes folder). */
  public InMemoryJavaCompiler() {
    this(defaultClassPath());
  }

  /** Compiles against an explicit class path (entries separated by {@link File#pathSeparator}). */
  public InMemoryJavaCompiler(String classPath) {
    this.classPath = classPath;
  }

  /** A class loader holding the compiled classes, by qualified name, of the given sources. */
  public ClassLoader compile(Map<String, String> sourcesByQualifiedName) {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      throw new IllegalStateException("no Java compiler in this Java installation (" + System.getProperty("java.home")
          + "): MotorLearn needs a JDK 17 or newer, not a JRE");
    }
    List<Source> sources = new ArrayList<>();
    sourcesByQualifiedName.forEach((name, code) -> sources.add(new Source(name, code)));
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StandardJavaFileManager standard = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null);
    MemoryFileManager files = new MemoryFileManager(standard);
    List<String> options = List.of("-classpath", classPath, "-proc:none", "-nowarn", "-g");
    boolean ok = compiler.getTask(null, files, diagnostics, options, null, sources).call();
    if (!ok) {
      throw new IllegalStateException(report(diagnostics, sourcesByQualifiedName));
    }
    return new MemoryClassLoader(files.classes, Experiment.class.getClassLoader());
  }

  private static String report(DiagnosticCollector<JavaFileObject> diagnostics, Map<String, String> sources) {
    StringBuilder message = new StringBuilder("the generated Java code does not compile. This is a bug in the MotorLearn "
        + "generator, not in your spec: please report it together with the spec.\n");
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() != Diagnostic.Kind.ERROR) {
        continue;
      }
      String file = d.getSource() == null ? "?" : d.getSource().getName();
      message.append(file).append(':').append(d.getLineNumber()).append(':').append(d.getColumnNumber()).append(": ")
          .append(d.getMessage(Locale.ROOT)).append('\n');
      if (d.getSource() instanceof Source source && d.getLineNumber() > 0) {
        String[] lines = source.code.split("\n", -1);
        if (d.getLineNumber() <= lines.length) {
          message.append("    ").append(lines[(int) d.getLineNumber() - 1].strip()).append('\n');
        }
      }
    }
    message.append("class path: ").append(sources.isEmpty() ? "" : "(").append(sources.size()).append(" generated files)");
    return message.toString();
  }

  /** java.class.path plus where the runtime's classes come from (surefire may hide them behind a manifest jar). */
  static String defaultClassPath() {
    String path = System.getProperty("java.class.path", "");
    try {
      Path runtime = Path.of(Experiment.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return path.isEmpty() ? runtime.toString() : path + File.pathSeparator + runtime;
    } catch (URISyntaxException | NullPointerException | SecurityException e) {
      return path;
    }
  }

  /** A source file in memory, named like the file it would be: {@code examples/feulner2022/Vr30.java}. */
  private static final class Source extends SimpleJavaFileObject {
    private final String code;

    Source(String qualifiedName, String code) {
      super(URI.create("string:///" + qualifiedName.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
      this.code = code;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return code;
    }

    @Override
    public String getName() {
      return toUri().getPath().substring(1);
    }
  }

  /** A class file written to memory. */
  private static final class ClassOutput extends SimpleJavaFileObject {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    ClassOutput(String className) {
      super(URI.create("bytes:///" + className.replace('.', '/') + Kind.CLASS.extension), Kind.CLASS);
    }

    @Override
    public OutputStream openOutputStream() {
      return bytes;
    }
  }

  private static final class MemoryFileManager extends ForwardingJavaFileManager<JavaFileManager> {
    private final Map<String, ClassOutput> classes = new LinkedHashMap<>();

    MemoryFileManager(JavaFileManager delegate) {
      super(delegate);
    }

    @Override
    public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
        FileObject sibling) {
      ClassOutput output = new ClassOutput(className);
      classes.put(className, output);
      return output;
    }
  }

  private static final class MemoryClassLoader extends ClassLoader {
    private final Map<String, ClassOutput> classes;

    MemoryClassLoader(Map<String, ClassOutput> classes, ClassLoader parent) {
      super(parent);
      this.classes = classes;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      ClassOutput output = classes.get(name);
      if (output == null) {
        throw new ClassNotFoundException(name);
      }
      byte[] bytes = output.bytes.toByteArray();
      return defineClass(name, bytes, 0, bytes.length);
    }
  }
}
