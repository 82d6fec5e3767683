package org.motorlearn.dsl.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.motorlearn.dsl.motorLearn.Model;

/** Checks keep quiet on a line the parser could not read; elsewhere they speak as usual. */
class MotorLearnResourceValidatorTest extends ValidationTestBase {

  @Test
  void aLineWithASyntaxErrorGetsOnlyTheSyntaxError() {
    // the recovery reads "reach 7.. cm" as a reach of 7 without unit: no missingUnit beside the real error
    List<Issue> issues = validation.validate(parseWithErrors(reference("reach 7..10 cm", "reach 7.. cm")));
    assertEquals(List.of("a range needs its upper end after '..' in task CenterOut, e.g. 7..10 cm (found 'cm')"),
        issues.stream().map(Issue::getMessage).toList());
    assertEquals(true, issues.get(0).isSyntaxError());
  }

  @Test
  void anElementWhoseTextHasASyntaxErrorIsNotCheckedForWhatTheRecoveryDidNotRead() {
    // the stray ';' ends the parse of the experiment early: its phases were never read, so no "has no phases"
    List<Issue> issues = validation.validate(parseWithErrors(reference("reach 7..10 cm", "reach 7..10 cm;")));
    assertEquals(List.of(), issues.stream().filter(issue -> !issue.isSyntaxError()).toList());
    assertEquals(true, issues.size() >= 1);
  }

  @Test
  void anUnknownSettingIsReportedBesideTheSyntaxErrorItCauses() {
    // 'state' is unexpected only because 'inital' is misspelt: the unknown setting says what to fix
    List<Issue> issues = validation.validate(parseWithErrors(
        reference("module Upstream { units 40", "module Upstream { inital state uniform(-0.1, 0.1) units 40")));
    assertEquals(2, issues.size(), issues::toString);
    assertEquals(true, issues.stream().anyMatch(issue -> IssueCodes.UNKNOWN_SETTING.equals(issue.getCode())
        && issue.getMessage().startsWith("unknown setting 'inital' in module Upstream; did you mean 'initial state'?")),
        issues::toString);
  }

  @Test
  void aPhraseForASettingIsOneErrorOverItsWords() {
    // 'learning' parses as an unknown setting, 'rate' is a keyword: not two errors, one at 'learning rate'
    String spec = reference("phase initial { plastic all", "phase initial { learning rate 1e-3 plastic all");
    List<Issue> issues = validation.validate(parseWithErrors(spec));
    assertEquals(List.of("'learning rate' is not a setting of phase initial; did you mean 'adam lr'?"),
        issues.stream().map(Issue::getMessage).toList());
    assertEquals(spec.indexOf("learning rate"), issues.get(0).getOffset());
    assertEquals("learning rate".length(), issues.get(0).getLength());
    assertEquals((int) spec.substring(0, spec.indexOf("learning rate")).lines().count(), issues.get(0).getLineNumber());
  }

  @Test
  void ofARunOfSyntaxErrorsOnAdjacentLinesOnlyTheFirstIsReported() {
    // 'from' left out: the recovery stumbles over the rest of the line and the next one
    String spec = reference("phase Hinput from initial under", "phase Hinput initial under");
    Model model = parseWithErrors(spec);
    assertEquals(true, model.eResource().getErrors().size() > 1, "the parser reports a run of errors");
    List<Issue> issues = validation.validate(model);
    assertEquals(1, issues.size(), issues::toString);
    assertEquals(true, issues.get(0).isSyntaxError());
    // two mistakes far apart are both reported
    List<Issue> two = validation.validate(parseWithErrors(spec.replace("seed 0", "seed 0 ;")));
    assertEquals(2, two.stream().filter(Issue::isSyntaxError).count(), two::toString);
  }

  @Test
  void namesADeclarationTheParserLostAreNotReportedUnknown() {
    // the stray '->' ends the network before its modules: no "unknown module 'PMd'" further down
    List<Issue> issues = validation.validate(parseWithErrors(reference("dt 10 ms", "-> 10 ms")));
    assertEquals(List.of(), issues.stream().filter(issue -> !issue.isSyntaxError()).toList(), issues::toString);
    assertEquals(true, issues.size() >= 1);
  }

  @Test
  void nothingIsConcludedAboutANetworkWhoseTextWasNotAllRead() {
    // the recovery from the '{' (for 'units') loses the rest of the network: no "receives no input" for its modules
    List<Issue> issues = validation.validate(parseWithErrors(reference("module M1 { units 40", "module M1 { { 40")));
    assertEquals(List.of(), issues.stream().filter(issue -> IssueCodes.MODULE_WITHOUT_READOUT.equals(issue.getCode())
        || IssueCodes.MODULE_UNREACHED.equals(issue.getCode())).toList(), issues::toString);
    assertEquals(true, issues.stream().anyMatch(Issue::isSyntaxError));
  }

  @Test
  void checksOnOtherLinesStillSpeak() {
    Model model = parseWithErrors(reference("reach 7..10 cm", "reach 7.. cm").replace("seed 0", "seed 0 sed 1"));
    List<String> codes = validation.validate(model).stream().map(Issue::getCode).toList();
    assertEquals(2, codes.size(), codes::toString);
    assertEquals(true, codes.contains(IssueCodes.UNKNOWN_SETTING), codes::toString);
  }
}
