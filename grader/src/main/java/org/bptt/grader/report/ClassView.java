package org.bptt.grader.report;

import java.util.List;

/**
 * What the class overview page ({@code class.html.ftlh}) and the step summary ({@code class.md.ftl})
 * see: preformatted strings, and the charts' coordinates already computed (SVG user units, the
 * distribution 400 x 110, each quantity's bar 100 wide), so the templates only place them.
 */
public record ClassView(
    String exerciseId,
    String title,
    String students,
    String fullCredit,
    String meanPercent,
    String medianPercent,
    List<BinView> distribution,
    List<QuantityView> quantities,
    List<QuantityView> summaryQuantities,
    int quantitiesLeftOut,
    List<MisconceptionView> misconceptions,
    List<StudentView> studentList) {

  /** One bar of the score distribution: a tenth of the percent range and how many students scored in it. */
  public record BinView(String label, String count, String x, String y, String height, String labelX) {}

  /**
   * One asked quantity's shares of correct, carried-forward, wrong and missing (or invalid) answers
   * among the students graded on it, as percentages and as the stacked bar's x offsets and widths.
   */
  public record QuantityView(String name, boolean noneGraded, double correctShare, String correct, String carried,
      String wrong, String missing, String correctWidth, String carriedX, String carriedWidth, String wrongX,
      String wrongWidth, String missingX, String missingWidth, String notGradable) {}

  /** A misconception, how many answers it explains, and where it was found most. */
  public record MisconceptionView(String id, String count, String where) {}

  /** One student: score, percent and the link to their report (empty when no reports were written). */
  public record StudentView(String id, String name, String score, String maxScore, String percent, String report) {}
}
