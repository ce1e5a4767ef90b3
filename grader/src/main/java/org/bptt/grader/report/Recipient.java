package org.bptt.grader.report;

/**
 * Whose a sheet or key is: the student's id (which names their files and goes in their answer
 * file), their name from the roster ("" when the roster has no name column, which gives the id
 * again) and their variant's id ("" for an exercise as written). All "" for a page made for no one
 * in particular.
 */
public record Recipient(String student, String name, String variant) {

  public static final Recipient NONE = new Recipient("", "", "");

  public Recipient {
    student = student == null ? "" : student;
    name = name == null || name.equals(student) ? "" : name;
    variant = variant == null ? "" : variant;
  }

  /** Whether the page is made for a named student. */
  public boolean named() {
    return !student.isEmpty();
  }
}
