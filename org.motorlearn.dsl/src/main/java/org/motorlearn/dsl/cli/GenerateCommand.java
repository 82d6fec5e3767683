package org.motorlearn.dsl.cli;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.eclipse.xtext.generator.GeneratorContext;
import org.eclipse.xtext.generator.GeneratorDelegate;
import org.eclipse.xtext.generator.IFileSystemAccess;
import org.eclipse.xtext.generator.JavaIoFileSystemAccess;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.RuntimeIOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code motorlearn generate FILE -o DIR}: the Java the language's generator writes for a spec. */
@Command(name = "generate", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
    description = {"Validate a spec and write the Java code generated from it (one class per experiment).",
        "Nothing is written if the spec has errors. Prints the files written."})
final class GenerateCommand implements Callable<Integer> {

  private final Console console;

  @Parameters(paramLabel = "FILE", description = "The spec file (*.motor).")
  private String file;

  @Option(names = {"-o", "--out"}, paramLabel = "DIR", required = true,
      description = "Folder to write the Java sources into (created if missing; package folders inside).")
  private String out;

  GenerateCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() {
    SpecFiles specs = ValidSpecs.load(console, List.of(file), "nothing was generated");
    Path folder = console.resolve(out);
    if (Files.exists(folder) && !Files.isDirectory(folder)) {
      throw CliException.usage(out + " is a file; -o needs a folder");
    }
    try {
      Files.createDirectories(folder);
    } catch (java.io.IOException e) {
      throw CliException.io("create", folder, e);
    }
    List<Path> written = new ArrayList<>();
    JavaIoFileSystemAccess access = LanguageInjector.get().getInstance(JavaIoFileSystemAccess.class);
    access.setOutputPath(IFileSystemAccess.DEFAULT_OUTPUT, folder.toString());
    access.setCallBack(new JavaIoFileSystemAccess.IFileCallback() {
      @Override
      public void fileAdded(File added) {
        written.add(added.toPath());
      }

      @Override
      public void fileDeleted(File deleted) {
        // the generator does not delete files
      }
    });
    GeneratorDelegate generator = LanguageInjector.get().getInstance(GeneratorDelegate.class);
    GeneratorContext context = new GeneratorContext();
    context.setCancelIndicator(CancelIndicator.NullImpl);
    XtextResource resource = specs.requested().get(0);
    try {
      generator.generate(resource, access, context);
    } catch (RuntimeIOException e) {
      // JavaIoFileSystemAccess wraps the IOException; its message names the file it could not write
      throw new CliException(ExitCode.RUNTIME_FAILURE, "cannot write the generated code into " + console.display(folder)
          + ": " + (e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage()), e);
    }
    for (Path path : written) {
      console.out().println("wrote " + console.display(path));
    }
    console.out().println(TextDiagnostics.plural(written.size(), "file") + " written to " + console.display(folder));
    return ExitCode.OK;
  }
}
