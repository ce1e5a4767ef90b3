package org.bptt.grader.report;

import java.util.List;

/**
 * What a report template sees: preformatted strings only, never domain objects, so a template
 * cannot reach into the grader and every number is formatted once, here, the same way. It holds
 * only what the student may see at its {@code reveal} level ({@link Reveal}): at {@code score} no
 * counts and no stages; below {@code full} no reference value ({@code showExpected} false, every
 * row's {@code expected} empty) and feedback worded without one.
 */
public record ReportView(
    String exerciseId,
    String title,
    String source,
    String student,
    String submission,
    String score,
    String maxScore,
    String percent,
    boolean allCorrect,
    List<CountView> counts,
    List<StageView> stages,
    String reveal,
    boolean showExpected) {

  /** How many quantities got one verdict. */
  public record CountView(String verdict, String label, String count) {}

  /** One stage of the solution and its graded quantities. */
  public record StageView(String title, List<RowView> rows) {}

  /**
   * One graded quantity. {@code formula} is MathML built by the grader from fixed strings (the
   * only markup a template may print unescaped); everything else is escaped by the template.
   * {@code submittedGrid} and {@code expectedGrid} are the same values laid out in their shape,
   * the submitted entries that are off the reference marked.
   */
  public record RowView(
      String name,
      String documentName,
      String verdict,
      String verdictLabel,
      String submitted,
      String expected,
      String feedback,
      String diagnosis,
      String basedOn,
      String credit,
      String tolerance,
      String formula,
      boolean passed,
      GridView submittedGrid,
      GridView expectedGrid) {}
}
