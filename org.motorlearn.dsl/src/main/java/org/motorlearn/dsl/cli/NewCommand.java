package org.motorlearn.dsl.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.xtext.GrammarUtil;
import org.motorlearn.dsl.services.MotorLearnGrammarAccess;
import org.motorlearn.dsl.util.Shell;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code motorlearn new NAME}: a new spec file from a template, ready to check and run. */
@Command(name = "new", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
    description = {"Create NAME.motor with an experiment called NAME from a template.",
        "An existing file is never overwritten."})
final class NewCommand implements Callable<Integer> {

  /** The templates, each a resource {@code templates/<name>.motor} with {@code {{NAME}}} for the experiment's name. */
  enum Template {
    quickstart("a small three-area network that trains, adapts to a 30 degree rotation and is analysed in minutes"),
    feulner2022("the reference configuration of Feulner et al. (2022): 3 x 400 units, Hinput / Hlocal / null, 10 seeds"),
    blank("the smallest complete experiment, to fill in");

    final String description;

    Template(String description) {
      this.description = description;
    }

    String text() {
      String resource = "templates/" + name() + ".motor";
      try (InputStream in = NewCommand.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("template resource missing from the build: " + resource);
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new IllegalStateException("template resource unreadable: " + resource, e);
      }
    }
  }

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final Console console;

  @Parameters(paramLabel = "NAME", description = "Name of the experiment and of the file (NAME.motor): letters, digits, _.")
  private String name;

  @Option(names = {"-t", "--template"}, paramLabel = "TEMPLATE", defaultValue = "quickstart",
      description = "One of: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  private Template template;

  @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = ".",
      description = "Folder to create the file in (created if missing; default: the working directory).")
  private String out;

  NewCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() {
    requireValidName();
    Path folder = console.resolve(out);
    Path file = folder.resolve(name + SpecFiles.EXTENSION);
    String text = template.text().replace("{{NAME}}", name);
    if (Files.exists(folder) && !Files.isDirectory(folder)) {
      throw CliException.usage("-o " + out + ": " + console.display(folder) + " is a file, not a folder");
    }
    try {
      Files.createDirectories(folder);
      Files.writeString(file, text, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW,
          java.nio.file.StandardOpenOption.WRITE);
    } catch (FileAlreadyExistsException e) {
      throw CliException.usage(console.display(file) + " already exists; choose another NAME or -o folder "
          + "(motorlearn never overwrites a spec)");
    } catch (IOException e) {
      throw CliException.io("create", file, e);
    }
    String shown = console.display(file);
    console.out().println("created " + shown + " from template " + template + " (" + template.description + ")");
    console.out().println("next: motorlearn check " + Shell.quote(shown));
    console.out().println("      motorlearn run " + Shell.quote(shown));
    return ExitCode.OK;
  }

  private void requireValidName() {
    if (!NAME.matcher(name).matches()) {
      throw CliException.usage("'" + name + "' is not a valid experiment name: use letters, digits and _, "
          + "starting with a letter or _ (for example VR30_pilot)");
    }
    Set<String> keywords = GrammarUtil.getAllKeywords(
        LanguageInjector.get().getInstance(MotorLearnGrammarAccess.class).getGrammar()).stream()
        .collect(Collectors.toSet());
    if (keywords.contains(name)) {
      throw CliException.usage("'" + name + "' is a keyword of the language; choose another experiment name");
    }
  }
}
