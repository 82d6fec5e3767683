package org.motorlearn.runtime.spec;

/** An experiment description that cannot be run; the message names the element and the fix. */
public class SpecException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SpecException(String message) {
    super(message);
  }

  static void require(boolean condition, String message) {
    if (!condition) {
      throw new SpecException(message);
    }
  }
}
