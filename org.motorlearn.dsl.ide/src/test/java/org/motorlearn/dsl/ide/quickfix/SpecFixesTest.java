package org.motorlearn.dsl.ide.quickfix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Injector;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.motorlearn.dsl.ide.MotorLearnIdeSetup;
import org.motorlearn.dsl.validation.IssueCodes;

/** The quick fixes every editor offers, computed from a spec's text and its validator's issues. */
public class SpecFixesTest {

  private static final Injector INJECTOR = new MotorLearnIdeSetup().createInjectorAndDoEMFRegistration();

  private static final String VALID = """
      experiment E {
        network N {
          module Upstream { units 20 tau 50 ms }
          module PMd { units 20 tau 50 ms }
          module M1 { units 20 tau 50 ms }
          input cue (3) -> Upstream
          connect Upstream -> PMd
          connect PMd -> M1
          readout hand (2) from M1
        }
        task T { trial 100 bins cue at bin 5 go at bin 20 movement 10 bins }
        perturbation R = rotation 30 deg
        phase initial { plastic all updates 2 batch 4 }
        phase adapted from initial under R { plastic all updates 2 batch 4 }
        sweep initial.updates in 2, 4
      }
      """;

  @Test
  public void theSpecIsValid() {
    assertEquals(List.of(), issues(parse(VALID)));
  }

  @Test
  public void aMisspeltModuleNameIsReplacedByTheClosestModulesInScope() {
    String text = VALID.replace("connect PMd -> M1", "connect PMD -> M1");
    List<SpecFixes.Fix> fixes = fixesOf(text, IssueCodes.UNRESOLVED_REFERENCE, "PMD -> M1");
    assertEquals(List.of("Change to 'PMd'", "Change to 'M1'"), labels(fixes), "closest first");
    assertEquals(VALID, apply(text, fixes.get(0)));
  }

  @Test
  public void aMisspeltSettingIsReplacedByTheValidatorsSuggestion() {
    String text = VALID.replaceFirst("units 20", "unts 20");
    List<SpecFixes.Fix> fixes = fixesOf(text, IssueCodes.UNKNOWN_SETTING, "unts");
    assertEquals(List.of("Change to 'units'"), labels(fixes));
    assertEquals(VALID, apply(text, fixes.get(0)));
  }

  @Test
  public void aPythonScriptsWordForASettingBecomesTheSettingMeant() {
    // 'learning_rate' is no typo of any phase setting; the synonym is 'adam lr', written in full
    String text = VALID.replace("phase initial { plastic all updates 2", "phase initial { plastic all learning_rate 1e-3 updates 2");
    List<SpecFixes.Fix> fixes = fixesOf(text, IssueCodes.UNKNOWN_SETTING, "learning_rate");
    assertEquals(List.of("Change to 'adam lr'"), labels(fixes));
    assertEquals(VALID.replace("plastic all updates 2 batch 4 }\n  phase adapted",
        "plastic all adam lr 1e-3 updates 2 batch 4 }\n  phase adapted"), apply(text, fixes.get(0)));
    assertEquals(List.of(), issues(parse(apply(text, fixes.get(0)))));
  }

  @Test
  public void aMisspeltSettingOfSeveralWordsKeepsTheWordsWritten() {
    String text = VALID.replace("module PMd { units 20", "module PMd { inital state uniform(-0.1, 0.1) units 20");
    List<SpecFixes.Fix> fixes = fixesOf(text, IssueCodes.UNKNOWN_SETTING, "inital");
    assertEquals(List.of("Change to 'initial'"), labels(fixes));
    assertEquals(List.of(), issues(parse(apply(text, fixes.get(0)))));
  }

  @Test
  public void aMisspeltSweptParameterIsReplacedByTheValidatorsSuggestion() {
    String text = VALID.replace("sweep initial.updates", "sweep initial.update");
    List<SpecFixes.Fix> fixes = fixesOf(text, IssueCodes.UNKNOWN_PARAMETER, "initial.update ");
    assertEquals(List.of("Change to 'initial.updates'"), labels(fixes));
    assertEquals(VALID, apply(text, fixes.get(0)));
  }

  @Test
  public void aNumberWithoutUnitGetsTheUnitsItsSettingAccepts() {
    String text = VALID.replaceFirst("tau 50 ms", "tau 50");
    List<SpecFixes.Fix> fixes = fixesOf(text, IssueCodes.MISSING_UNIT, "50 }");
    assertEquals(List.of("Add unit 'ms'", "Add unit 's'", "Add unit 'bins'"), labels(fixes));
    assertEquals(VALID, apply(text, fixes.get(0)));
  }

  @Test
  public void aNumberWithAUnitItsSettingDoesNotAcceptGetsOneItDoes() {
    String text = VALID.replaceFirst("tau 50 ms", "tau 50 cm");
    List<SpecFixes.Fix> fixes = fixesOf(text, IssueCodes.WRONG_UNIT, "50 cm");
    assertEquals(List.of("Change unit to 'ms'", "Change unit to 's'", "Change unit to 'bins'"), labels(fixes));
    assertEquals(VALID, apply(text, fixes.get(0)));
    // the unit written before the number: the quantity is rewritten in the usual order
    String before = VALID.replace("rotation 30 deg", "rotation bin 30");
    List<SpecFixes.Fix> angles = fixesOf(before, IssueCodes.WRONG_UNIT, "bin 30");
    assertEquals(List.of("Change unit to 'deg'", "Change unit to 'rad'"), labels(angles));
    assertEquals(VALID, apply(before, angles.get(0)));
  }

  @Test
  public void problemsOfOtherKindsAndRangesOfAnOlderTextHaveNoFixes() {
    String text = VALID.replace("units 20 tau 50 ms }\n    module PMd", "units 0 tau 50 ms }\n    module PMd");
    XtextResource resource = parse(text);
    Issue nonPositive = issues(resource).stream().filter(i -> !SpecFixes.offersFixes(i.getCode())).findFirst()
        .orElseThrow(() -> new AssertionError("the spec has no problem without fixes: " + issues(resource)));
    assertEquals(List.of(), SpecFixes.of(resource, nonPositive.getCode(), nonPositive.getMessage(), nonPositive.getOffset(),
        nonPositive.getLength()));
    assertEquals(List.of(), SpecFixes.of(resource, IssueCodes.UNRESOLVED_REFERENCE, "", text.length() + 5, 3));
  }

  /** docs/validation.md marks exactly the codes that have quick fixes. */
  @Test
  public void theValidationCatalogueSaysWhichProblemsHaveQuickFixes() throws java.io.IOException {
    java.nio.file.Path catalogue = java.nio.file.Path.of("..", "docs", "validation.md");
    List<String> rows = java.nio.file.Files.readAllLines(catalogue).stream()
        .filter(line -> line.matches("\\| [a-zA-Z]+ \\| (error|warning) \\|.*")).toList();
    assertTrue(rows.size() > 30, () -> "issue codes in docs/validation.md: " + rows.size());
    for (String row : rows) {
      String code = "org.motorlearn.dsl." + row.split("\\|")[1].strip();
      assertEquals(SpecFixes.offersFixes(code), row.contains("**quick fix**"), code);
    }
    assertTrue(rows.stream().filter(row -> row.contains("**quick fix**")).count() >= 5);
  }

  /** The fixes of the issue with {@code code} that starts where {@code at} does in the text. */
  private static List<SpecFixes.Fix> fixesOf(String text, String code, String at) {
    XtextResource resource = parse(text);
    int offset = text.indexOf(at);
    Issue issue = issues(resource).stream().filter(i -> i.getOffset() == offset)
        .filter(i -> code.equals(i.getCode())).findFirst()
        .orElseThrow(() -> new AssertionError("no issue " + code + " at '" + at + "': " + issues(resource)));
    return SpecFixes.of(resource, issue.getCode(), issue.getMessage(), issue.getOffset(), issue.getLength());
  }

  private static XtextResource parse(String text) {
    XtextResourceSet resourceSet = INJECTOR.getInstance(XtextResourceSet.class);
    XtextResource resource = (XtextResource) resourceSet.createResource(URI.createURI("fixes.motor"));
    try {
      resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Map.of());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return resource;
  }

  private static List<Issue> issues(XtextResource resource) {
    return resource.getResourceServiceProvider().getResourceValidator().validate(resource, CheckMode.ALL,
        CancelIndicator.NullImpl);
  }

  private static List<String> labels(List<SpecFixes.Fix> fixes) {
    return fixes.stream().map(SpecFixes.Fix::label).toList();
  }

  private static String apply(String text, SpecFixes.Fix fix) {
    return text.substring(0, fix.offset()) + fix.text() + text.substring(fix.offset() + fix.length());
  }
}
