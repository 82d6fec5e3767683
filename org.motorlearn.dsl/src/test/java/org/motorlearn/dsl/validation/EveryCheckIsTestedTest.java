package org.motorlearn.dsl.validation;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.ComposedChecks;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** Every {@code @Check} method of the validators has a test method of the same name (as itemis CREATE does). */
class EveryCheckIsTestedTest {

  private static final List<Class<?>> TEST_CLASSES = List.of(SettingsValidatorTest.class, NamesValidatorTest.class,
      NetworkValidatorTest.class, TaskValidatorTest.class, PhaseValidatorTest.class, ExperimentValidatorTest.class,
      SweepValidatorTest.class, FileValidatorTest.class);

  @Test
  void everyCheckHasATestOfTheSameName() {
    Set<String> tests = new HashSet<>();
    for (Class<?> testClass : TEST_CLASSES) {
      for (Method method : testClass.getDeclaredMethods()) {
        if (method.isAnnotationPresent(Test.class)) {
          tests.add(method.getName());
        }
      }
    }
    List<String> untested = new ArrayList<>();
    for (String check : checks()) {
      if (!tests.contains(check)) {
        untested.add(check);
      }
    }
    Assertions.assertEquals(List.of(), untested, "@Check methods without a test method of the same name");
  }

  @Test
  void thereAreAtLeastThirtyChecksAndIssueCodes() {
    Assertions.assertTrue(checks().size() >= 30, "checks: " + checks().size());
    Assertions.assertTrue(IssueCodes.class.getFields().length >= 30, "codes: " + IssueCodes.class.getFields().length);
  }

  private static List<String> checks() {
    List<String> checks = new ArrayList<>();
    List<Class<?>> validators = new ArrayList<>(List.of(MotorLearnValidator.class));
    validators.addAll(List.of(MotorLearnValidator.class.getAnnotation(ComposedChecks.class).validators()));
    for (Class<?> validator : validators) {
      for (Method method : validator.getDeclaredMethods()) {
        if (method.isAnnotationPresent(Check.class)) {
          checks.add(method.getName());
        }
      }
    }
    return checks;
  }
}
