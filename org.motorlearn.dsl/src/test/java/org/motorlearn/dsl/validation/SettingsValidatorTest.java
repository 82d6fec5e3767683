package org.motorlearn.dsl.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.motorlearn.dsl.motorLearn.Model;

/** Unknown, repeated and contradicting settings; units. */
class SettingsValidatorTest extends ValidationTestBase {

  @com.google.inject.Inject
  private org.eclipse.xtext.IGrammarAccess grammar;

  private static final String M1 = "module M1 { units 40 activation tanh tau 50 ms }";

  @Test
  void checkUnknownSetting() {
    assertError(reference(M1, "module M1 { unts 40 activation tanh tau 50 ms }"), ML.getUnknownSetting(),
        IssueCodes.UNKNOWN_SETTING, "unknown setting 'unts' in module M1; did you mean 'units'? the settings of a module are: "
            + "units, activation, tau, noise, initial state, recurrent init, no recurrence");
    assertNoIssue(REFERENCE, IssueCodes.UNKNOWN_SETTING);
  }

  @Test
  void aPythonScriptsWordForASettingIsUnderstood() {
    assertError(reference("phase initial { plastic all", "phase initial { learning_rate 1e-3 plastic all"), ML.getUnknownSetting(),
        IssueCodes.UNKNOWN_SETTING, "unknown setting 'learning_rate' in phase initial; did you mean 'adam lr'? the settings of a "
            + "phase are: plastic, adam, sgd, updates, batch, clip, continue optimizer, evaluate only");
    assertError(reference(M1, "module M1 { neurons 40 activation tanh tau 50 ms }"), ML.getUnknownSetting(),
        IssueCodes.UNKNOWN_SETTING, "unknown setting 'neurons' in module M1; did you mean 'units'? the settings of a module are: "
            + "units, activation, tau, noise, initial state, recurrent init, no recurrence");
  }

  @Test
  void everySynonymMeansASettingOfItsBlock() {
    org.motorlearn.dsl.util.BlockSettings settings = new org.motorlearn.dsl.util.BlockSettings(grammar.getGrammar());
    SettingSynonyms.all().forEach((block, words) -> {
      List<String> spellings = settings.settingsOf(block).stream().flatMap(s -> s.spellings().stream()).toList();
      org.junit.jupiter.api.Assertions.assertFalse(spellings.isEmpty(), block);
      words.forEach((word, meant) -> org.junit.jupiter.api.Assertions.assertTrue(
          spellings.contains(meant) || spellings.contains(meant.split(" ")[0]), block + ": " + word + " -> " + meant));
      // a synonym never shadows a real setting
      words.keySet().forEach(word -> org.junit.jupiter.api.Assertions.assertFalse(spellings.contains(word), word));
    });
  }

  @Test
  void unknownSettingWithoutCloseMatchListsTheSettings() {
    assertError(reference("phase initial { plastic all", "phase initial { warmup 3 plastic all"), ML.getUnknownSetting(),
        IssueCodes.UNKNOWN_SETTING, "unknown setting 'warmup' in phase initial; the settings of a phase are: plastic, adam, "
            + "sgd, updates, batch, clip, continue optimizer, evaluate only");
  }

  @Test
  void checkDuplicateSettings() {
    assertError(reference(M1, "module M1 { units 40 tau 20 ms units 30 }"), ML.getModule(), IssueCodes.DUPLICATE_SETTING,
        "'units' is given twice in module M1; keep one of them");
    assertError(reference("  task CenterOut", "  network Cortex\n  task CenterOut"), ML.getExperiment(),
        IssueCodes.DUPLICATE_SETTING, "'network' is given twice in experiment Feulner2022; keep one of them");
    assertError(reference("metrics activity", "on M1 metrics activity"), ML.getAnalysis(), IssueCodes.DUPLICATE_SETTING,
        "'on' is given twice in analysis; keep one of them");
    assertError(reference("seed 0", "seed 0 precision float32 precision float64"), ML.getExperiment(),
        IssueCodes.DUPLICATE_SETTING, "'precision' is given twice in experiment Feulner2022; keep one of them");
    assertNoIssue(REFERENCE, IssueCodes.DUPLICATE_SETTING);
  }

  @Test
  void aSettingReadTwiceByTheParsersRecoveryIsNoDuplicate() {
    // "activation" without its value, then the next line's "activation tanh": the syntax error says it
    Model model = parseWithErrors(reference(M1, "module M1 { units 40 activation\n activation tanh tau 50 ms }"));
    assertEquals(1, model.eResource().getErrors().size(), () -> model.eResource().getErrors().toString());
    assertEquals(List.of(), validation.validate(model).stream()
        .filter(issue -> IssueCodes.DUPLICATE_SETTING.equals(issue.getCode())).toList());
  }

  @Test
  void checkConflictingSettings() {
    assertError(reference("with bias", "with bias without bias"), ML.getReadout(), IssueCodes.CONFLICTING_SETTINGS,
        "readout hand says both 'with bias' and 'without bias', which contradict each other; keep one of them");
    assertError(reference(M1, "module M1 { units 40 tau 50 ms no recurrence recurrent init zeros }"), ML.getModule(),
        IssueCodes.CONFLICTING_SETTINGS,
        "module M1 says both 'no recurrence' and 'recurrent init', which contradict each other; keep one of them");
    assertNoIssue(REFERENCE, IssueCodes.CONFLICTING_SETTINGS);
  }

  @Test
  void checkUnits() {
    String spec = reference(M1, "module M1 { units 40.5 activation tanh tau 50 }");
    assertError(spec, ML.getQuantity(), IssueCodes.NOT_WHOLE_NUMBER, "units: must be a whole number, got 40.5");
    assertError(spec, ML.getQuantity(), IssueCodes.MISSING_UNIT, "tau: missing unit: expected a time (ms, s or bins), e.g. 50 ms");
    assertError(reference("reach 7..10 cm", "reach 7..10 deg"), ML.getQuantity(), IssueCodes.WRONG_UNIT,
        "reach: wrong unit 'deg': expected a length (cm or mm), e.g. 7 cm");
    assertError(reference("seed 0", "seed 1.5"), ML.getQuantity(), IssueCodes.NOT_WHOLE_NUMBER,
        "seed: must be a whole number, got 1.5");
    assertError(reference("go at bin 282", "go at 2825 ms"), ML.getQuantity(), IssueCodes.NOT_WHOLE_NUMBER,
        "go at: 2825 ms is not a whole number of bins of dt 10 ms (it is 282.5 bins)");
    assertNoIssue(reference("go at bin 282", "go at 2.82 s"), IssueCodes.NOT_WHOLE_NUMBER);
    assertNoIssues(reference("reach 7..10 cm", "reach 70..100 mm"));
  }

  @Test
  void wronglyWrittenDtIsTheOnlyErrorOfTimesInBins() {
    // trial, cue, go and movement are in bins: without a dt they cannot convert, but dt's own error is the one to fix
    List<Issue> issues = issues(reference("dt 10 ms", "dt 10"));
    assertEquals(List.of("dt: missing unit: expected a time step (ms or s), e.g. 10 ms"),
        issues.stream().map(Issue::getMessage).toList());
    issues = issues(reference("dt 10 ms", "dt 1 bins"));
    assertEquals(List.of("dt: wrong unit 'bins': expected a time step (ms or s), e.g. 10 ms"),
        issues.stream().map(Issue::getMessage).toList());
  }
}
