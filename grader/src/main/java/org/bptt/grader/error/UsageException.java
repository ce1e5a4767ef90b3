package org.bptt.grader.error;

/** A bad command line: an unknown option, a missing argument, an output path that is not allowed. */
public class UsageException extends GraderException {

  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }

  @Override
  public int exitCode() {
    return 2;
  }
}
