package org.motorlearn.dsl.cli;

import com.google.inject.Injector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.motorlearn.runtime.run.AtomicFiles;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.Callable;
import org.eclipse.xtext.formatting2.FormatterRequest;
import org.eclipse.xtext.formatting2.IFormatter2;
import org.eclipse.xtext.formatting2.regionaccess.ITextRegionAccess;
import org.eclipse.xtext.formatting2.regionaccess.ITextReplacement;
import org.eclipse.xtext.formatting2.regionaccess.TextRegionAccessBuilder;
import org.eclipse.xtext.resource.XtextResource;
import org.motorlearn.dsl.cli.SpecFiles.DiagnosticReport;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code motorlearn format FILE...}: the language's formatter (formatting2). It only moves whitespace,
 * so a file with syntax errors is refused: its structure is not known.
 */
@Command(name = "format", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
    description = {"Lay out spec files in the canonical style of the language's formatter.",
        "Prints the formatted text to stdout unless --in-place or --check is given.",
        "A file with syntax errors is not formatted (exit 1)."})
final class FormatCommand implements Callable<Integer> {

  private final Console console;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Spec files (*.motor), or folders: every *.motor file "
      + "under them; several files only with --in-place or --check.")
  private List<String> files;

  @ArgGroup(exclusive = true)
  private Mode mode = new Mode();

  static final class Mode {
    @Option(names = "--in-place", description = "Rewrite the files (only those that change).")
    boolean inPlace;

    @Option(names = "--check", description = "Change nothing; list the files that are not formatted and exit with 1 "
        + "if there are any.")
    boolean check;
  }

  FormatCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() {
    List<String> specFiles = SpecFiles.expandFolders(console, files);
    if (specFiles.size() > 1 && !mode.inPlace && !mode.check) {
      throw CliException.usage("several files can only be formatted with --in-place or --check");
    }
    SpecFiles specs = SpecFiles.load(console, specFiles);
    Set<Path> unparsable = reportSyntaxErrors(specs);
    int unformatted = 0;
    for (XtextResource resource : specs.requested()) {
      Path path = SpecFiles.pathOf(resource);
      if (unparsable.contains(path)) {
        continue;
      }
      String original = resource.getParseResult().getRootNode().getText();
      String formatted = format(resource);
      boolean changes = !formatted.equals(original);
      if (mode.check) {
        if (changes) {
          unformatted++;
          console.out().println("not formatted: " + console.display(path));
        }
      } else if (mode.inPlace) {
        if (changes) {
          write(path, formatted);
          console.out().println("formatted " + console.display(path));
        }
      } else {
        console.out().print(formatted);
      }
    }
    int parsed = specs.requested().size() - unparsable.size();
    if (mode.check && parsed > 0) {
      String allFormatted = unparsable.isEmpty() ? "all " + TextDiagnostics.plural(parsed, "file") + " formatted"
          : parsed == 1 ? "the file that parses is formatted" : "the " + parsed + " files that parse are formatted";
      console.out().println(unformatted == 0 ? allFormatted
          : TextDiagnostics.plural(unformatted, "file") + " not formatted; `motorlearn format --in-place` fixes them");
    }
    if (!unparsable.isEmpty()) {
      throw new CliException(ExitCode.SPEC_ERRORS, TextDiagnostics.plural(unparsable.size(), "file") + " with syntax errors "
          + (unparsable.size() == 1 ? "was left as it is" : "were left as they are") + " (the formatter needs a file that parses): "
          + unparsable.stream().map(console::display).collect(Collectors.joining(", ")));
    }
    return unformatted == 0 ? ExitCode.OK : ExitCode.SPEC_ERRORS;
  }

  /** Prints the syntax errors of the requested files and returns those files: they are not formatted, the others are. */
  private Set<Path> reportSyntaxErrors(SpecFiles specs) {
    DiagnosticReport report = specs.validate();
    List<Path> requested = specs.requested().stream().map(SpecFiles::pathOf).toList();
    List<SpecDiagnostic> syntaxErrors = report.diagnostics().stream()
        .filter(d -> d.syntax() && requested.contains(d.file())).toList();
    if (!syntaxErrors.isEmpty()) {
      new TextDiagnostics(console).print(new DiagnosticReport(syntaxErrors, report.sources()), console.err());
    }
    return syntaxErrors.stream().map(SpecDiagnostic::file).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
  }

  /** The whole file as the formatter lays it out. */
  static String format(XtextResource resource) {
    Injector injector = LanguageInjector.get();
    ITextRegionAccess regions = injector.getInstance(TextRegionAccessBuilder.class).forNodeModel(resource).create();
    FormatterRequest request = injector.getInstance(FormatterRequest.class);
    request.setTextRegionAccess(regions);
    List<ITextReplacement> replacements = injector.getInstance(IFormatter2.class).format(request);
    return regions.getRewriter().renderToString(replacements);
  }

  /** Replaces the file atomically, so an interrupted write never leaves half a spec. */
  private void write(Path path, String text) {
    Path temporary = null;
    try {
      temporary = AtomicFiles.temporaryFile(path.toAbsolutePath().getParent(), "." + path.getFileName() + ".tmp-");
      Files.writeString(temporary, text, StandardCharsets.UTF_8);
      keepPermissions(path, temporary);
      Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      deleteQuietly(temporary);
      throw CliException.io("write", path, e);
    }
  }

  /** The reformatted spec keeps the mode of the file it replaces (a group-writable spec stays so). */
  private static void keepPermissions(Path original, Path replacement) throws IOException {
    if (Files.getFileStore(original).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) {
      Files.setPosixFilePermissions(replacement, Files.getPosixFilePermissions(original));
    }
  }

  private static void deleteQuietly(Path temporary) {
    if (temporary == null) {
      return;
    }
    try {
      Files.deleteIfExists(temporary);
    } catch (IOException ignored) {
      // the write already failed; that error is the one to report
    }
  }
}
