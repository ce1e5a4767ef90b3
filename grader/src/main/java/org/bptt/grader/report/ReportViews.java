package org.bptt.grader.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bptt.grader.exercise.Exercise;
import org.bptt.grader.grading.QuantityResult;
import org.bptt.grader.grading.SubmissionResult;
import org.bptt.grader.grading.Verdict;
import org.bptt.grader.present.Numbers;
import org.bptt.grader.solver.QuantityGraph;
import org.bptt.grader.solver.Stage;
import org.bptt.grader.value.Tensor;

/** Turns a graded submission into the strings a report template prints. */
public final class ReportViews {

  private static final int DIGITS = 6;

  private ReportViews() {}

  /** The view of one graded submission, everything shown. */
  public static ReportView of(SubmissionResult result, Exercise exercise, QuantityGraph graph) {
    return of(result, exercise, graph, Reveal.FULL);
  }

  /**
   * The view of one graded submission at a reveal level; {@code graph} is its exercise's solution,
   * whose formulas the rows show. What a level hides is left out here, so no template can show it.
   */
  public static ReportView of(SubmissionResult result, Exercise exercise, QuantityGraph graph, Reveal reveal) {
    MathFormulas formulas = new MathFormulas(exercise, graph);
    Map<Stage, List<ReportView.RowView>> byStage = new LinkedHashMap<>();
    for (Stage stage : Stage.values()) {
      byStage.put(stage, new ArrayList<>());
    }
    for (QuantityResult quantity : reveal == Reveal.SCORE ? List.<QuantityResult>of() : result.quantities()) {
      byStage.get(quantity.stage()).add(row(quantity, exercise, formulas, reveal));
    }
    List<ReportView.StageView> stages = new ArrayList<>();
    byStage.forEach((stage, rows) -> {
      if (!rows.isEmpty()) {
        stages.add(new ReportView.StageView(stage.title(), rows));
      }
    });
    List<ReportView.CountView> counts = new ArrayList<>();
    for (Verdict verdict : reveal == Reveal.SCORE ? new Verdict[0] : Verdict.values()) {
      counts.add(new ReportView.CountView(verdict.id(), label(verdict), Long.toString(result.count(verdict))));
    }
    double percent = result.maxScore() == 0 ? 100 : 100 * result.score() / result.maxScore();
    return new ReportView(result.exerciseId(), result.exerciseTitle(), result.source(), result.student(),
        result.submissionName(), Numbers.format(result.score(), 4), Integer.toString(result.maxScore()),
        Numbers.format(percent, 3), result.allCorrect(), counts, stages, reveal.id(), reveal == Reveal.FULL);
  }

  private static ReportView.RowView row(QuantityResult quantity, Exercise exercise, MathFormulas formulas,
      Reveal reveal) {
    boolean hints = reveal.atLeast(Reveal.HINTS);
    String documentName = quantity.documentName().equals(quantity.name()) ? "" : quantity.documentName();
    List<String> basedOn = quantity.basedOn().stream().map(name -> exercise.notation().render(name)).toList();
    return new ReportView.RowView(
        quantity.name(),
        documentName,
        quantity.verdict().id(),
        label(quantity.verdict()),
        quantity.submitted() == null ? "" : Numbers.formatAt(quantity.submitted(), quantity::writtenDecimalsOf, DIGITS),
        reveal == Reveal.FULL ? Numbers.formatCompact(quantity.expected(), DIGITS) : "",
        Feedback.sentence(quantity, exercise.notation(), reveal),
        quantity.diagnosis() == null || !hints ? "" : quantity.diagnosis().id(),
        hints ? String.join(", ", basedOn) : "",
        Numbers.format(quantity.credit(), 3),
        Feedback.describe(quantity.tolerance()),
        formulas.forQuantity(quantity.name()),
        quantity.credit() >= 1 || quantity.verdict() == Verdict.NOT_GRADABLE,
        submittedGrid(quantity),
        Grids.of(quantity.expected(), DIGITS));
  }

  /**
   * The submitted value in its shape, each entry at the decimals the student wrote; for a wrong or
   * carried-forward answer, the entries off the reference (at the tolerance it was judged at) marked.
   */
  private static GridView submittedGrid(QuantityResult quantity) {
    if (!(quantity.submitted() instanceof Tensor submitted)) {
      return Grids.of(quantity.submitted(), i -> "", i -> false);
    }
    Tensor expected = quantity.expected() instanceof Tensor tensor && tensor.size() == submitted.size() ? tensor : null;
    boolean judged = expected != null
        && (quantity.verdict() == Verdict.WRONG || quantity.verdict() == Verdict.CARRIED_FORWARD);
    return Grids.of(submitted, i -> {
      int places = quantity.writtenDecimalsOf(i);
      return places >= 0 ? Numbers.formatDecimals(submitted.at(i), places) : Numbers.format(submitted.at(i), DIGITS);
    }, i -> judged && !quantity.tolerance().accepts(submitted.at(i), quantity.writtenDecimalsOf(i), expected.at(i)));
  }

  static String label(Verdict verdict) {
    return switch (verdict) {
      case CORRECT -> "correct";
      case CARRIED_FORWARD -> "carried forward";
      case WRONG -> "wrong";
      case MISSING -> "missing";
      case INVALID -> "invalid";
      case NOT_GRADABLE -> "not gradable";
    };
  }
}
