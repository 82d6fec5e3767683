package org.motorlearn.dsl.cli;

import com.google.inject.Injector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.IResourceFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

/**
 * Spec files loaded into one resource set together with everything they import, and validated by
 * the language's validator (syntax, references and the validator's checks).
 */
final class SpecFiles {

  /** The extension every spec file has. */
  static final String EXTENSION = ".motor";

  private final Console console;
  private final XtextResourceSet resourceSet;
  private final List<XtextResource> requested = new ArrayList<>();

  private SpecFiles(Console console, Injector injector) {
    this.console = console;
    this.resourceSet = injector.getInstance(XtextResourceSet.class);
    // Resources (imports too) come from this injector's factory, not from the JVM-wide registry, which
    // holds the factory of whichever injector registered last (tests create several): a resource of
    // another injector would be validated by that injector's validators, or by none.
    resourceSet.getResourceFactoryRegistry().getExtensionToFactoryMap()
        .put(EXTENSION.substring(1), injector.getInstance(IResourceFactory.class));
  }

  /**
   * Loads the files (paths as the user wrote them) and resolves their imports.
   *
   * @throws CliException with exit code 2 for a file that does not exist or is not a spec
   */
  static SpecFiles load(Console console, List<String> files) {
    SpecFiles specs = new SpecFiles(console, LanguageInjector.get());
    for (String file : files) {
      specs.add(console.resolve(file), file);
    }
    EcoreUtil2.resolveAll(specs.resourceSet);
    return specs;
  }

  /**
   * The arguments with every folder replaced by the spec files under it (sorted; hidden folders such
   * as .git skipped), for the commands that take many files (check, format).
   *
   * @throws CliException with exit code 2 for a folder without spec files
   */
  static List<String> expandFolders(Console console, List<String> arguments) {
    List<String> files = new ArrayList<>();
    for (String argument : arguments) {
      Path path = console.resolve(argument);
      if (!Files.isDirectory(path)) {
        files.add(argument);
        continue;
      }
      List<String> inside = new ArrayList<>();
      try (java.util.stream.Stream<Path> walk = Files.walk(path)) {
        walk.filter(p -> p.getFileName().toString().endsWith(EXTENSION) && Files.isRegularFile(p))
            .filter(p -> !hiddenBelow(path, p)).sorted()
            .forEach(p -> inside.add(Path.of(argument).resolve(path.relativize(p)).toString()));
      } catch (IOException | java.io.UncheckedIOException e) {
        throw CliException.usage("cannot read the folder " + argument + ": " + e.getMessage());
      }
      if (inside.isEmpty()) {
        throw CliException.usage(argument + " holds no spec files (" + EXTENSION + ")");
      }
      files.addAll(inside);
    }
    return files;
  }

  private static boolean hiddenBelow(Path folder, Path file) {
    for (Path part : folder.relativize(file)) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private void add(Path path, String asWritten) {
    if (Files.isDirectory(path)) {
      throw CliException.usage(asWritten + " is a folder; give a spec file (" + EXTENSION + ")");
    }
    if (!Files.isRegularFile(path)) {
      throw CliException.usage("no such file: " + asWritten);
    }
    if (!path.getFileName().toString().endsWith(EXTENSION)) {
      throw CliException.usage(asWritten + " is not a spec file: MotorLearn specs end in " + EXTENSION);
    }
    if (!Files.isReadable(path)) {
      throw CliException.usage("cannot read " + asWritten + ": permission denied");
    }
    URI uri = URI.createFileURI(path.toString());
    if (resourceSet.getResource(uri, false) != null) {
      return; // the same file named twice is checked once
    }
    try {
      XtextResource resource = (XtextResource) resourceSet.createResource(uri);
      resource.load(Map.of(XtextResource.OPTION_ENCODING, "UTF-8"));
      requested.add(resource);
    } catch (IOException e) {
      throw CliException.io("read", path, e);
    }
  }

  /** The files named on the command line, in order. */
  List<XtextResource> requested() {
    return Collections.unmodifiableList(requested);
  }

  /** The named files first, then every file they import (directly or not), each once. */
  List<XtextResource> all() {
    List<XtextResource> all = new ArrayList<>(requested);
    for (Resource resource : new ArrayList<>(resourceSet.getResources())) {
      if (resource instanceof XtextResource xtext && !all.contains(xtext) && resource.getURI().isFile()) {
        all.add(xtext);
      }
    }
    return all;
  }

  static Path pathOf(Resource resource) {
    return Path.of(resource.getURI().toFileString());
  }

  /** Validates every file (named and imported); diagnostics in file order, then by position. */
  DiagnosticReport validate() {
    List<SpecDiagnostic> diagnostics = new ArrayList<>();
    Map<Path, String> sources = new LinkedHashMap<>();
    for (XtextResource resource : all()) {
      Path path = pathOf(resource);
      sources.put(path, resource.getParseResult() == null ? "" : resource.getParseResult().getRootNode().getText());
      IResourceValidator validator = resource.getResourceServiceProvider().getResourceValidator();
      List<SpecDiagnostic> ofFile = new ArrayList<>();
      for (Issue issue : validator.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl)) {
        if (issue.getSeverity() != Severity.IGNORE) {
          ofFile.add(toDiagnostic(path, issue));
        }
      }
      ofFile.sort((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line())
          : Integer.compare(a.column(), b.column()));
      diagnostics.addAll(ofFile);
    }
    return new DiagnosticReport(diagnostics, sources);
  }

  private static SpecDiagnostic toDiagnostic(Path path, Issue issue) {
    int line = orZero(issue.getLineNumber());
    int column = orZero(issue.getColumn());
    int endLine = issue.getLineNumberEnd() == null ? line : issue.getLineNumberEnd();
    int endColumn = issue.getColumnEnd() == null ? column : issue.getColumnEnd();
    if (endLine == line && endColumn <= column && issue.getLength() != null) {
      endColumn = column + issue.getLength();
    }
    SpecDiagnostic.Severity severity = switch (issue.getSeverity()) {
      case ERROR -> SpecDiagnostic.Severity.ERROR;
      case WARNING -> SpecDiagnostic.Severity.WARNING;
      default -> SpecDiagnostic.Severity.INFO;
    };
    String code = issue.getCode() == null ? "" : issue.getCode();
    String message = issue.getMessage() == null ? "" : issue.getMessage();
    return new SpecDiagnostic(path, line, column, endLine, endColumn, severity, code, message, issue.isSyntaxError());
  }

  private static int orZero(Integer value) {
    return value == null ? 0 : value;
  }

  /** What validation found, with the text of every file (for the source lines under a message). */
  record DiagnosticReport(List<SpecDiagnostic> diagnostics, Map<Path, String> sources) {

    long count(SpecDiagnostic.Severity severity) {
      return diagnostics.stream().filter(d -> d.severity() == severity).count();
    }

    boolean hasErrors() {
      return count(SpecDiagnostic.Severity.ERROR) > 0;
    }

    int files() {
      return sources.size();
    }
  }
}
