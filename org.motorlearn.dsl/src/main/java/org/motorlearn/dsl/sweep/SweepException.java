package org.motorlearn.dsl.sweep;

/** A sweep that cannot be planned, started or read, with a message for the user (never a stack trace). */
public class SweepException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SweepException(String message) {
    super(message);
  }
}
