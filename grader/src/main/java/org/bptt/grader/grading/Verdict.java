package org.bptt.grader.grading;

/** The verdict on one asked quantity. */
public enum Verdict {
  CORRECT("correct"),
  /** Wrong against the reference, but right from the student's own earlier (wrong) values. */
  CARRIED_FORWARD("carried-forward"),
  WRONG("wrong"),
  MISSING("missing"),
  /** Not a number, or the wrong shape (only when grading goes on past unreadable answers). */
  INVALID("invalid");

  private final String id;

  Verdict(String id) {
    this.id = id;
  }

  /** The id used in JSON, reports and CSS classes. */
  public String id() {
    return id;
  }
}
