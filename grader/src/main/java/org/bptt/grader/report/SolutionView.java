package org.bptt.grader.report;

import java.util.List;

/**
 * What an answer-key template sees: the worked solution laid out like a seed document (forward
 * table, the backward recursion step by step from t = T down to 1, the summed gradients, then the
 * other stages), as preformatted strings only. {@code mathml} and {@code formula} fields are
 * MathML built by the grader from fixed strings and notation symbols; every other string is
 * escaped by the template. {@code recipient} names the student whose variant the key solves (none
 * for an exercise's own key); {@code source} is the document the exercise came from, for the
 * instructor.
 */
public record SolutionView(
    String exerciseId,
    String title,
    String source,
    Recipient recipient,
    String digits,
    List<NotationView> notation,
    List<EquationView> equations,
    List<EquationView> backwardEquations,
    List<ValueView> given,
    List<SequenceView> sequences,
    ValueView totalLoss,
    List<ValueView> gradients,
    List<SectionView> sections) {

  /** A parameter's canonical name and the document's symbol for it. */
  public record NotationView(String canonical, String document) {}

  /** One equation of the model, as plain text (document notation) and as MathML. */
  public record EquationView(String text, String mathml) {}

  /**
   * One value: its canonical name, its name in the document's notation (the same string when the
   * document uses canonical names), the formatted value, what it means, and its formula as
   * MathML ("" when there is no short one), and the value laid out in its shape.
   */
  public record ValueView(String name, String documentName, String value, String meaning, String formula,
      GridView grid) {}

  /** A table of preformatted cells, one line each ({@code rows}) and laid out in their shape ({@code cells}). */
  public record TableView(List<String> header, List<List<String>> rows, List<List<GridView>> cells) {}

  /**
   * One sequence: its label ("" for a single sequence), its forward table, its own loss in a
   * batch (empty otherwise), and its backward steps from the last step down to the first.
   */
  public record SequenceView(String label, TableView forward, List<ValueView> losses, List<StepView> backward) {}

  /**
   * One step of the backward recursion: the errors in the order they are computed (the output's
   * error, its share at h[t], the error from t+1, dL/dh[t], dL/da[t]) and the step's gradient
   * contributions.
   */
  public record StepView(String step, List<ValueView> errors, List<ValueView> contributions) {}

  /** A stage after the gradients (sensitivities, Jacobians, clipping, the update, ...) as a generic table. */
  public record SectionView(String title, List<ValueView> rows) {}
}
