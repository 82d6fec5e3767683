package org.motorlearn.dsl.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Inject;
import com.google.inject.Provider;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.formatting2.FormatterRequest;
import org.eclipse.xtext.formatting2.IFormatter2;
import org.eclipse.xtext.formatting2.regionaccess.ITextRegionAccess;
import org.eclipse.xtext.formatting2.regionaccess.TextRegionAccessBuilder;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.StringInputStream;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.motorlearn.dsl.generator.GeneratedExperiment;
import org.motorlearn.dsl.motorLearn.Experiment;
import org.motorlearn.dsl.motorLearn.Model;
import org.motorlearn.dsl.tests.MotorLearnInjectorProvider;
import org.motorlearn.runtime.spec.Parameters;

/**
 * Every spec under examples/ (found on disk, so a new example is covered automatically): it passes
 * the validator with no errors and no warnings other than those it declares in a comment; its
 * experiments generate Java that compiles, and every point of every sweep builds a valid runtime
 * experiment; and the formatter round-trips it (same structure after formatting, idempotent).
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(MotorLearnInjectorProvider.class)
public class ExamplesTest {

  @Inject
  private Provider<XtextResourceSet> resourceSets;

  @Inject
  private Provider<IFormatter2> formatters;

  @Inject
  private Provider<FormatterRequest> requests;

  @Inject
  private TextRegionAccessBuilder regionAccessBuilder;

  static List<String> examples() {
    return ExampleFiles.all();
  }

  @Test
  public void theExamplesThatIssueFourAsksForExist() {
    List<String> all = ExampleFiles.all();
    assertTrue(all.contains("quickstart.motor"), all::toString);
    for (String paper : List.of("initial-and-vr30", "rotations", "reassociation")) {
      assertTrue(all.contains("feulner2022/" + paper + ".motor"), all::toString);
    }
    assertTrue(ExampleFiles.under("teaching/").size() >= 4, all::toString);
  }

  @ParameterizedTest
  @MethodSource("examples")
  public void checksCleanly(String example) {
    Resource resource = load(example);
    List<Issue> issues = ((XtextResource) resource).getResourceServiceProvider().getResourceValidator()
        .validate(resource, CheckMode.ALL, CancelIndicator.NullImpl);
    List<String> errors = issues.stream().filter(i -> i.getSeverity() == Severity.ERROR).map(ExamplesTest::describe).toList();
    assertTrue(errors.isEmpty(), () -> example + " has errors:\n" + String.join("\n", errors));
    List<String> warnings = issues.stream().filter(i -> i.getSeverity() == Severity.WARNING)
        .map(i -> String.valueOf(i.getCode())).sorted().toList();
    assertEquals(ExampleFiles.expectedWarnings(example), warnings, () -> example + ": unexpected warnings (an example "
        + "may expect a warning with a comment 'expected warning CODE: reason'):\n" + issues.stream()
        .filter(i -> i.getSeverity() == Severity.WARNING).map(ExamplesTest::describe).collect(Collectors.joining("\n")));
  }

  @ParameterizedTest
  @MethodSource("examples")
  public void generatesCompilesAndBuildsEverySweepPoint(String example) {
    Resource resource = load(example);
    Model model = (Model) resource.getContents().get(0);
    long declared = model.getElements().stream().filter(Experiment.class::isInstance).count();
    List<GeneratedExperiment> experiments = GeneratedExperiment.compile(resource, ExampleFiles.repository());
    assertEquals(declared, experiments.size(), example);
    for (GeneratedExperiment experiment : experiments) {
      assertTrue(experiment.qualifiedClassName().startsWith("examples."), experiment.qualifiedClassName());
      List<Map<String, Double>> points = experiment.sweep().points();
      for (Map<String, Double> point : points) {
        Parameters parameters = Parameters.of(point);
        org.motorlearn.runtime.spec.Experiment built = experiment.build(parameters);
        parameters.requireAllOverridesUsed();
        assertEquals(experiment.name(), built.name());
        for (Map.Entry<String, Double> value : point.entrySet()) {
          assertEquals(value.getValue(), built.parameters().get(value.getKey()), example + ": " + value.getKey());
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("examples")
  public void formatterRoundTrip(String example) throws IOException {
    String original = ExampleFiles.text(example);
    String formatted = format(original, example);
    Model before = parse(original, example);
    Model after = parse(formatted, example);
    assertTrue(after.eResource().getErrors().isEmpty(), () -> example + " formatted does not parse:\n" + formatted);
    assertTrue(EcoreUtil.equals(before, after), () -> example + ": formatting changed the structure:\n" + formatted);
    assertEquals(formatted, format(formatted, example), example + ": formatting is not idempotent");
    assertEquals(strip(original), strip(formatted), example + ": formatting changed more than whitespace");
    assertEquals(original, formatted, example + " is not formatted: motorlearn format --in-place examples/" + example);
  }

  /** The spec the README opens with is checked like an example: no errors, no warnings, formatted. */
  @Test
  public void theReadmesSpecChecksCleanlyAndIsFormatted() throws IOException {
    List<String> specs = fencedSpecs("README.md");
    assertFalse(specs.isEmpty(), "README.md has no ``` block with an experiment");
    // parsed as if it were a file next to the quickstart
    assertChecksCleanlyAndIsFormatted("README.md", specs.get(0), "quickstart.motor");
  }

  /**
   * Every complete experiment the language reference shows (a ``` block with an experiment and no
   * "..." in it) is checked like an example, as a file of examples/feulner2022 whose lib/ it may import.
   */
  @Test
  public void theLanguageReferencesExperimentsCheckCleanlyAndAreFormatted() throws IOException {
    List<String> specs = fencedSpecs("docs/language.md").stream().filter(spec -> !spec.contains("...")).toList();
    assertTrue(specs.size() >= 2, () -> "docs/language.md shows " + specs.size() + " complete experiments");
    for (String spec : specs) {
      assertChecksCleanlyAndIsFormatted("docs/language.md", spec, "feulner2022/rotations.motor");
    }
  }

  /** The ``` blocks (without a language, as specs are written) of a Markdown file that declare an experiment. */
  private static List<String> fencedSpecs(String markdown) throws IOException {
    String text = java.nio.file.Files.readString(ExampleFiles.repository().resolve(markdown));
    java.util.regex.Matcher blocks = java.util.regex.Pattern.compile("(?ms)^```(\\w*)\\n(.*?)^```").matcher(text);
    List<String> specs = new java.util.ArrayList<>();
    while (blocks.find()) {
      if (blocks.group(1).isEmpty() && java.util.regex.Pattern.compile("(?m)^experiment ").matcher(blocks.group(2)).find()) {
        specs.add(blocks.group(2));
      }
    }
    return specs;
  }

  private void assertChecksCleanlyAndIsFormatted(String where, String spec, String asIf) throws IOException {
    Model model = parse(spec, asIf);
    Resource resource = model.eResource();
    String first = spec.lines().filter(line -> line.startsWith("experiment ")).findFirst().orElse("");
    assertTrue(resource.getErrors().isEmpty(), () -> where + ", " + first + ": " + resource.getErrors());
    List<Issue> issues = ((XtextResource) resource).getResourceServiceProvider().getResourceValidator()
        .validate(resource, CheckMode.ALL, CancelIndicator.NullImpl);
    assertEquals(List.of(), issues.stream().map(ExamplesTest::describe).toList(), where + ", " + first);
    assertEquals(spec, format(spec, asIf), where + ", " + first + ": not formatted as motorlearn format would");
  }

  private Resource load(String example) {
    XtextResourceSet resourceSet = resourceSets.get();
    Resource resource = resourceSet.getResource(URI.createFileURI(ExampleFiles.path(example).toString()), true);
    EcoreUtil.resolveAll(resourceSet);
    assertTrue(resource.getErrors().isEmpty(), () -> example + ": " + resource.getErrors());
    return resource;
  }

  /** Parses text as if it were the example's file (same folder, so imports resolve) without writing it. */
  private Model parse(String text, String example) throws IOException {
    XtextResourceSet resourceSet = resourceSets.get();
    URI uri = URI.createFileURI(ExampleFiles.path(example).resolveSibling("formatted-" + ExampleFiles.path(example)
        .getFileName()).toString());
    Resource resource = resourceSet.createResource(uri);
    resource.load(new StringInputStream(text), null);
    EcoreUtil.resolveAll(resource);
    return (Model) resource.getContents().get(0);
  }

  private String format(String text, String example) throws IOException {
    XtextResource resource = (XtextResource) parse(text, example).eResource();
    ITextRegionAccess regions = regionAccessBuilder.forNodeModel(resource).create();
    FormatterRequest request = requests.get();
    request.setTextRegionAccess(regions);
    request.setExceptionHandler(e -> {
      throw new AssertionError(example + ": formatter problem", e);
    });
    return regions.getRewriter().renderToString(formatters.get().format(request));
  }

  private static String strip(String text) {
    return text.replaceAll("\\s+", "");
  }

  private static String describe(Issue issue) {
    return issue.getLineNumber() + ":" + issue.getColumn() + ": " + issue.getMessage() + " [" + issue.getCode() + "]";
  }
}
