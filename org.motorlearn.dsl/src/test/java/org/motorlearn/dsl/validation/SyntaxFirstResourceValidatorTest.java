package org.motorlearn.dsl.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.motorlearn.dsl.motorLearn.Model;

/** Checks keep quiet on a line the parser could not read; elsewhere they speak as usual. */
class SyntaxFirstResourceValidatorTest extends ValidationTestBase {

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
  void checksOnOtherLinesStillSpeak() {
    Model model = parseWithErrors(reference("reach 7..10 cm", "reach 7.. cm").replace("seed 0", "seed 0 sed 1"));
    List<String> codes = validation.validate(model).stream().map(Issue::getCode).toList();
    assertEquals(2, codes.size(), codes::toString);
    assertEquals(true, codes.contains(IssueCodes.UNKNOWN_SETTING), codes::toString);
  }
}
