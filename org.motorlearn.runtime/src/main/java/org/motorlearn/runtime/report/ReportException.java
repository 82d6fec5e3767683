package org.motorlearn.runtime.report;

/** A run folder that cannot be reported on (not a run folder, unreadable files), or a failed write. */
public final class ReportException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ReportException(String message) {
    super(message);
  }

  public ReportException(String message, Throwable cause) {
    super(message, cause);
  }
}
