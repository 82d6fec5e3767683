package org.motorlearn.dsl.model;

import org.eclipse.emf.ecore.EObject;

/**
 * One numeric setting of an experiment as generated code asks for it:
 * {@code parameters.real(parameter, value)} (or {@code integer}), then converted from the parameter's
 * unit to the runtime's ({@link ParameterUnit}).
 *
 * @param parameter the parameter name (docs/language.md), by which sweeps and {@code --set} override it
 * @param kind what the runtime expects (decides how sweep values in other units convert)
 * @param value the value when not overridden, in the parameter's unit: as written, or the reference default
 * @param unit the parameter's unit: the one written at the setting, or the default's
 * @param written the quantity as written in the spec ("50 ms"), or null when the default applies
 * @param source the spec element it was written at (or the element whose default it is)
 */
public record Setting(String parameter, Quantities.Kind kind, double value, ParameterUnit unit, String written,
    EObject source) {

  public boolean isInteger() {
    return unit.isInteger();
  }

  /** Whether the spec writes this setting (rather than relying on the reference default). */
  public boolean isWritten() {
    return written != null;
  }

  /** The runtime's value when not overridden (dt in seconds, for times counted in bins). */
  public double runtimeValue(double dtSeconds) {
    return unit.toRuntime(parameter, value, dtSeconds);
  }
}
