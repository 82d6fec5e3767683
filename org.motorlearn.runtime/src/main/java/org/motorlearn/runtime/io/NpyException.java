package org.motorlearn.runtime.io;

/** A .npy file that cannot be read or an array that cannot be written; the message names the file. */
public class NpyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NpyException(String message) {
    super(message);
  }

  public NpyException(String message, Throwable cause) {
    super(message, cause);
  }
}
