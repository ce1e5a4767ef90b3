package org.bptt.grader.report;

import java.util.List;

/**
 * What a problem-sheet template sees: the exercise as a student gets it, with the setup, the
 * given values and data, and the list of quantities to compute, but no reference values. Strings
 * only; {@code EquationView.mathml} is MathML built by the grader, everything else is escaped by
 * the template. {@code source} is "": a student's sheet never names the document's internal file.
 * {@code precision} says in words how answers are judged ("the decimals written, at least 4
 * decimals"). Grids are values laid out in their shape; an asked quantity's {@code form} is a
 * blank grid of its shape, each entry's text naming the entry (for the answer form's inputs).
 */
public record SheetView(
    String exerciseId,
    String title,
    String source,
    Recipient recipient,
    String precision,
    List<SolutionView.NotationView> notation,
    List<SolutionView.EquationView> equations,
    List<FactView> setup,
    List<ParameterView> parameters,
    String vocabulary,
    List<DataView> data,
    String askedCount,
    List<AskedGroupView> asked) {

  /** One line of the setup: "Hidden activation" and "tanh". */
  public record FactView(String label, String value) {}

  /** A given parameter (or h0) with its value, to full precision. */
  public record ParameterView(String name, String documentName, String value, String shape, String meaning,
      GridView grid) {}

  /**
   * One sequence of data: its label ("" for a single sequence), its text and target text for a
   * vocabulary exercise ("" otherwise), and a table of t, x[t] and target[t].
   */
  public record DataView(String label, String text, String targetText, SolutionView.TableView table) {}

  /** The asked quantities of one stage. */
  public record AskedGroupView(String title, List<AskedView> quantities) {}

  /** One asked quantity: names, shape ("a number", "a list of 4", "3x2 matrix") and meaning. */
  public record AskedView(String name, String documentName, String shape, String meaning, GridView form) {}
}
