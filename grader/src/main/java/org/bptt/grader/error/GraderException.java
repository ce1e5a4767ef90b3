package org.bptt.grader.error;

/**
 * The one checked exception users see. Its message is a single line that names the file, line
 * and column where that is known, and says what was expected; the command line prints it as is.
 */
public abstract class GraderException extends Exception {

  private static final long serialVersionUID = 1L;

  protected GraderException(String message) {
    super(message);
  }

  protected GraderException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The process exit code this failure maps to. */
  public abstract int exitCode();
}
