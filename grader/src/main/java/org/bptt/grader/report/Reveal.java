package org.bptt.grader.report;

import java.util.Locale;

/**
 * How much of its grading a student sees, from least to most. Every output a student can see (the
 * reports, the printed summary, the JSON, Gradescope's results) is made at one of these levels; the
 * instructor's class files always hold everything.
 */
public enum Reveal {
  /** The total score only. */
  SCORE,
  /** Also the verdict of each asked quantity. */
  VERDICTS,
  /**
   * Also what explains a verdict: the misconception diagnosed and its explanation, the earlier
   * answer an error was carried from, which entries of a vector are off, and the tolerance; never a
   * reference value nor a number computed from one.
   */
  HINTS,
  /** Everything, reference values included. */
  FULL;

  /** The word used on the command line, in exercise files and in the JSON. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The level a word names, or null when it names none. */
  public static Reveal of(String id) {
    for (Reveal level : values()) {
      if (level.id().equals(id)) {
        return level;
      }
    }
    return null;
  }

  public boolean atLeast(Reveal other) {
    return compareTo(other) >= 0;
  }
}
