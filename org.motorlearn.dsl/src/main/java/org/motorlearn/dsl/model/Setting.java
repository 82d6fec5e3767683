package org.motorlearn.dsl.model;

import org.eclipse.emf.ecore.EObject;

/**
 * One numeric setting of an experiment as generated code asks for it:
 * {@code parameters.real(parameter, value)} or {@code parameters.integer(parameter, value)}.
 *
 * @param parameter the parameter name (docs/language.md), by which sweeps and {@code --set} override it
 * @param kind how written values of this setting convert to the runtime unit (and whether it is whole)
 * @param value the value when not overridden, in the runtime unit: as written, or the reference default
 * @param written the quantity as written in the spec ("50 ms"), or null when the default applies
 * @param source the spec element it was written at (or the element whose default it is)
 */
public record Setting(String parameter, Quantities.Kind kind, double value, String written, EObject source) {

  public boolean isInteger() {
    return kind.isInteger();
  }

  /** Whether the spec writes this setting (rather than relying on the reference default). */
  public boolean isWritten() {
    return written != null;
  }
}
