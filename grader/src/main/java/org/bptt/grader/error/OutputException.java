package org.bptt.grader.error;

/** A report or answer file that could not be written. */
public class OutputException extends GraderException {

  private static final long serialVersionUID = 1L;

  public OutputException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public int exitCode() {
    return 2;
  }
}
