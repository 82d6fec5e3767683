package org.motorlearn.runtime.run;

/** A run that cannot start or continue for a reason the user can fix; the message says how. */
public class RunException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RunException(String message) {
    super(message);
  }

  public RunException(String message, Throwable cause) {
    super(message, cause);
  }
}
