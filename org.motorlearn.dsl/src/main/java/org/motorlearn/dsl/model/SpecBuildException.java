package org.motorlearn.dsl.model;

import org.eclipse.emf.ecore.EObject;

/**
 * A spec that cannot be turned into a runtime experiment. It carries the element at fault, so the
 * validator can report the message at the right place (file:line:col) instead of a stack trace.
 */
public class SpecBuildException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient EObject source;

  public SpecBuildException(EObject source, String message) {
    super(message);
    this.source = source;
  }

  public SpecBuildException(EObject source, String message, Throwable cause) {
    super(message, cause);
    this.source = source;
  }

  /** The spec element the problem is about (may be null when no element applies). */
  public EObject source() {
    return source;
  }
}
