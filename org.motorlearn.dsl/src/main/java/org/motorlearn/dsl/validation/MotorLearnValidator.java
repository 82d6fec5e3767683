package org.motorlearn.dsl.validation;

import org.eclipse.xtext.validation.ComposedChecks;

/**
 * The validation of MotorLearn specs, one class per area. Every check has an issue code in
 * {@link IssueCodes}; docs/validation.md lists them all with their messages and fixes.
 */
@ComposedChecks(validators = {
    SettingsValidator.class,
    NamesValidator.class,
    NetworkValidator.class,
    TaskValidator.class,
    PhaseValidator.class,
    ExperimentValidator.class,
    SweepValidator.class,
    FileValidator.class})
public class MotorLearnValidator extends AbstractMotorLearnValidator {
}
