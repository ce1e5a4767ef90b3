package org.bptt.grader.pipeline;

import java.nio.file.Path;
import org.bptt.grader.report.Reveal;

/**
 * How a grading run works: where the exercises, the report templates and the reports are, and
 * the choices a course makes. Validated here, so the facade never sees an impossible option.
 *
 * @param exercisesFolder the folder whose exercise files submissions name by id
 * @param reportFolder where reports are written (nothing is written outside it)
 * @param templatesFolder a folder of the instructor's own FreeMarker templates; null for the built-in ones
 * @param carriedForwardCredit credit for a carried-forward answer, 0 to 1; null for each exercise's own
 * @param keepGoing grade an unreadable answer as invalid instead of stopping
 * @param writeReports false to grade and summarize only
 * @param salt the course salt of randomized exercises; null when none was given
 * @param reveal how much every student sees; null for each exercise's own {@code grading.reveal}
 * @param roster a class roster (CSV) whose names the class gradebook shows; null for none
 */
public record GradingOptions(Path exercisesFolder, Path reportFolder, Path templatesFolder,
    Double carriedForwardCredit, boolean keepGoing, boolean writeReports, String salt, Reveal reveal, Path roster) {

  /** Options with each exercise's own reveal level and no roster. */
  public GradingOptions(Path exercisesFolder, Path reportFolder, Path templatesFolder, Double carriedForwardCredit,
      boolean keepGoing, boolean writeReports, String salt) {
    this(exercisesFolder, reportFolder, templatesFolder, carriedForwardCredit, keepGoing, writeReports, salt, null,
        null);
  }

  public GradingOptions {
    if (exercisesFolder == null) {
      throw new IllegalArgumentException("--exercises: a folder is required");
    }
    if (reportFolder == null) {
      throw new IllegalArgumentException("--out: a folder is required");
    }
    if (carriedForwardCredit != null && !(carriedForwardCredit >= 0 && carriedForwardCredit <= 1)) {
      throw new IllegalArgumentException("--carried-forward-credit: expected 0 to 1, got " + carriedForwardCredit);
    }
    if (salt != null && salt.isEmpty()) {
      salt = null;
    }
  }

  /**
   * The defaults of the command line: exercises/ and reports/ in the working directory, the templates
   * built into the grader, the exercises' own credit.
   */
  public static GradingOptions defaults() {
    return new GradingOptions(Path.of("exercises"), Path.of("reports"), null, null, false, true, null);
  }
}
