package org.bptt.grader.grading;

/** The verdict on one asked quantity. */
public enum Verdict {
  CORRECT("correct"),
  /** Wrong against the reference, but right from the student's own earlier (wrong) values. */
  CARRIED_FORWARD("carried-forward"),
  WRONG("wrong"),
  MISSING("missing"),
  /** Not a number, or the wrong shape (only when grading goes on past unreadable answers). */
  INVALID("invalid"),
  /**
   * The quantity depends on digits the sheet never printed far more than any tolerance allows (a
   * chaotic training run): not graded, and not counted in the score.
   */
  NOT_GRADABLE("not-gradable");

  private final String id;

  Verdict(String id) {
    this.id = id;
  }

  /** The id used in JSON, reports and CSS classes. */
  public String id() {
    return id;
  }
}
