package org.motorlearn.dsl.validation;

import com.google.inject.Inject;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.extension.ExtendWith;
import org.motorlearn.dsl.motorLearn.Model;
import org.motorlearn.dsl.motorLearn.MotorLearnPackage;
import org.motorlearn.dsl.tests.MotorLearnInjectorProvider;

/** Parsing and asserting issues; specs are Java text blocks. */
@ExtendWith(InjectionExtension.class)
@InjectWith(MotorLearnInjectorProvider.class)
abstract class ValidationTestBase {

  protected static final MotorLearnPackage ML = MotorLearnPackage.eINSTANCE;

  /** A complete, valid experiment in the reference configuration; tests replace parts of it. */
  protected static final String REFERENCE = """
      experiment Feulner2022 {
        seed 0
        network Cortex {
          dt 10 ms
          module Upstream { units 40 activation tanh tau 50 ms }
          module PMd { units 40 activation tanh tau 50 ms }
          module M1 { units 40 activation tanh tau 50 ms }
          input cue (3) -> Upstream, PMd
          connect Upstream -> PMd
          connect PMd -> M1
          readout hand position (2) from M1 with bias
        }
        task CenterOut { targets 8 reach 7..10 cm trial 400 bins cue at bin 150..180 go at bin 282 movement 100 bins train 400 trials test 160 trials }
        perturbation VR30 = rotation 30 deg
        phase initial { plastic all adam lr 1e-4 updates 500 batch 80 clip 0.2 }
        phase Hinput from initial under VR30 { plastic Upstream.input, Upstream.recurrent, Upstream -> PMd adam lr 1e-4 updates 100 batch 1 clip 0.2 }
        phase null from initial under VR30 { evaluate only }
        analysis { compare initial with Hinput, null on PMd, M1 window -600 ms..600 ms around go metrics activity, covariance }
      }
      """;

  @Inject
  protected ParseHelper<Model> parser;

  @Inject
  protected ValidationTestHelper validation;

  protected Model parse(String text) {
    try {
      Model model = parser.parse(text);
      Assertions.assertNotNull(model, "the spec did not parse");
      Assertions.assertTrue(model.eResource().getErrors().isEmpty(), () -> "syntax errors: " + model.eResource().getErrors());
      return model;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** A spec with syntax errors, as the validator sees it after the parser's recovery. */
  protected Model parseWithErrors(String text) {
    try {
      return parser.parse(text);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** The reference experiment with one piece of text replaced (the piece must occur). */
  protected static String reference(String piece, String replacement) {
    Assertions.assertTrue(REFERENCE.contains(piece), () -> "not in the reference spec: " + piece);
    return REFERENCE.replace(piece, replacement);
  }

  protected void assertError(String text, EClass eClass, String code, String message) {
    assertExactlyOnce(text, code, message, Severity.ERROR);
    validation.assertError(parse(text), eClass, code, message);
  }

  protected void assertWarning(String text, EClass eClass, String code, String message) {
    assertExactlyOnce(text, code, message, Severity.WARNING);
    validation.assertWarning(parse(text), eClass, code, message);
  }

  /** The spec has no issue with this code (other checks may still report something). */
  protected void assertNoIssue(String text, String code) {
    List<Issue> issues = validation.validate(parse(text));
    List<Issue> withCode = issues.stream().filter(i -> code.equals(i.getCode())).collect(Collectors.toList());
    Assertions.assertTrue(withCode.isEmpty(), () -> "unexpected: " + withCode);
  }

  protected void assertNoIssues(String text) {
    List<Issue> issues = validation.validate(parse(text));
    Assertions.assertTrue(issues.isEmpty(), () -> "unexpected: " + issues);
  }

  /** ValidationTestHelper matches a message by substring; this also pins the exact text and the count. */
  private void assertExactlyOnce(String text, String code, String message, Severity severity) {
    List<Issue> issues = validation.validate(parse(text));
    long count = issues.stream().filter(i -> code.equals(i.getCode()) && message.equals(i.getMessage())
        && i.getSeverity() == severity).count();
    Assertions.assertEquals(1, count, () -> "expected exactly one " + severity + " '" + message + "', got: " + issues);
  }

  protected List<Issue> issues(String text) {
    return validation.validate(parse(text));
  }
}
