/**
 * The experiment description: immutable value types that say WHAT to run, never HOW.
 *
 * <p>This package is the runtime's public API and the target of the MotorLearn code generator.
 * Every quantity is in SI-like base units: times in seconds, distances in centimetres, angles in
 * degrees, durations of trials and windows in bins. Constructors validate their arguments and throw
 * {@link org.motorlearn.runtime.spec.SpecException} with a message naming the offending element.
 */
package org.motorlearn.runtime.spec;
