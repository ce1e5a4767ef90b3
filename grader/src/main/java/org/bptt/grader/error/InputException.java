package org.bptt.grader.error;

/** A bad input file: an exercise, a submission or a roster that cannot be read or is wrong. */
public class InputException extends GraderException {

  private static final long serialVersionUID = 1L;

  public InputException(String message) {
    super(message);
  }

  public InputException(Location location, String message) {
    super(location + ": " + message);
  }

  @Override
  public int exitCode() {
    return 2;
  }
}
