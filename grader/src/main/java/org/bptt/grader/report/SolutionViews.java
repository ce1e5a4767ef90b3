package org.bptt.grader.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.bptt.grader.exercise.Exercise;
import org.bptt.grader.exercise.Notation;
import org.bptt.grader.exercise.Parameter;
import org.bptt.grader.present.Numbers;
import org.bptt.grader.exercise.ModelKind;
import org.bptt.grader.solver.Cells;
import org.bptt.grader.solver.Expression;
import org.bptt.grader.solver.Formulas;
import org.bptt.grader.solver.Names;
import org.bptt.grader.solver.Quantity;
import org.bptt.grader.solver.QuantityGraph;
import org.bptt.grader.solver.QuantityId;
import org.bptt.grader.solver.Stage;
import org.bptt.grader.value.Shape;
import org.bptt.grader.value.Tensor;

/**
 * Turns a solved exercise into the strings of an answer key, laid out like seed document 000:
 * the forward table, then for each t from T down to 1 the output error, its share at h[t], the
 * error passed back from t+1 (W_hh^T dL/da[t+1], the document's dh_next), dL/dh[t], dL/da[t] and
 * the step's gradient contributions; then the summed gradients and every other stage the graph
 * has. Every quantity of the graph appears somewhere in the key.
 */
public final class SolutionViews {

  /** The forward table's columns, in order; only those the graph has are shown. */

  private SolutionViews() {}

  /** The answer key of a solved exercise, every value to {@code digits} significant digits. */
  public static SolutionView of(Exercise exercise, QuantityGraph graph, int digits) {
    return of(exercise, graph, digits, Recipient.NONE);
  }

  /** The answer key of one student's variant, naming them. */
  public static SolutionView of(Exercise exercise, QuantityGraph graph, int digits, Recipient recipient) {
    return new Builder(exercise, graph, Math.max(1, Math.min(17, digits))).build(recipient);
  }

  /** The notation pairs, canonical = document, sorted by canonical name. */
  static List<SolutionView.NotationView> notation(Exercise exercise) {
    List<SolutionView.NotationView> pairs = new ArrayList<>();
    for (Map.Entry<String, String> entry : new TreeMap<>(exercise.notation().symbols()).entrySet()) {
      pairs.add(new SolutionView.NotationView(entry.getKey(), entry.getValue()));
    }
    return pairs;
  }

  private static final class Builder {

    private final Exercise exercise;
    private final QuantityGraph graph;
    private final int digits;
    private final Notation notation;
    private final MathFormulas formulas;
    private final ModelEquations equations;
    private final Set<String> shown = new HashSet<>();

    Builder(Exercise exercise, QuantityGraph graph, int digits) {
      this.exercise = exercise;
      this.graph = graph;
      this.digits = digits;
      this.notation = exercise.notation();
      this.formulas = new MathFormulas(exercise, graph);
      this.equations = new ModelEquations(exercise);
    }

    SolutionView build(Recipient recipient) {
      List<SolutionView.EquationView> model = new ArrayList<>(equations.forward());
      model.add(equations.update());
      List<SolutionView.ValueView> given = new ArrayList<>();
      for (Parameter parameter : Parameter.values()) {
        if (graph.contains(parameter.canonicalName())) {
          given.add(row(parameter.canonicalName()));
        }
      }
      List<SolutionView.SequenceView> sequences = new ArrayList<>();
      for (int s = 0; s < exercise.sequences().size(); s++) {
        sequences.add(sequence(s));
      }
      // null when nothing shown needs the total loss (a key of h[t] alone)
      SolutionView.ValueView totalLoss = graph.contains(Names.TOTAL_LOSS) ? row(Names.TOTAL_LOSS) : null;
      List<SolutionView.ValueView> gradients = new ArrayList<>();
      for (Parameter parameter : Parameter.values()) {
        String name = Names.gradient(parameter.canonicalName());
        if (graph.contains(name)) {
          gradients.add(row(name));
        }
      }
      List<SolutionView.SectionView> sections = new ArrayList<>();
      section(sections, "Gradients per sequence and per step",
          q -> q.stage() == Stage.BACKWARD || q.stage() == Stage.GRADIENT);
      for (Stage stage : List.of(Stage.SENSITIVITY, Stage.JACOBIAN, Stage.TRUNCATED, Stage.CLIPPED, Stage.UPDATE)) {
        section(sections, stage.title(), q -> q.stage() == stage);
      }
      section(sections, "Forward pass and loss after the update", q -> q.id().scope() == QuantityId.Scope.UPDATED);
      section(sections, Stage.TRAINING.title(), q -> q.stage() == Stage.TRAINING);
      section(sections, "Other quantities", q -> true);
      return new SolutionView(exercise.id(), exercise.title(), exercise.source(), recipient, Integer.toString(digits),
          notation(exercise), model, equations.backward(), given, sequences, totalLoss, gradients, sections);
    }

    private SolutionView.SequenceView sequence(int s) {
      String prefix = Names.sequencePrefix(s, exercise.isBatch());
      int length = exercise.sequences().get(s).length();
      List<String> present = org.bptt.grader.present.ForwardTable.columns(exercise, graph, s);
      List<String> header = new ArrayList<>();
      header.add("t");
      for (String column : present) {
        header.add(column + "[t]");
      }
      List<List<String>> rows = new ArrayList<>();
      List<List<GridView>> grids = new ArrayList<>();
      for (int t = 1; t <= length; t++) {
        List<String> cells = new ArrayList<>();
        List<GridView> laidOut = new ArrayList<>();
        cells.add(Integer.toString(t));
        laidOut.add(Grids.of(Tensor.scalar(t), digits));
        for (String column : present) {
          String name = prefix + Names.at(column, t);
          cells.add(graph.contains(name) ? value(name) : "");
          laidOut.add(graph.contains(name) ? Grids.of(graph.value(name), digits) : Grids.NONE);
          shown.add(name);
        }
        rows.add(cells);
        grids.add(laidOut);
      }
      List<SolutionView.ValueView> losses = new ArrayList<>();
      if (exercise.isBatch() && graph.contains(prefix + Names.TOTAL_LOSS)) {
        losses.add(row(prefix + Names.TOTAL_LOSS));
      }
      List<SolutionView.StepView> steps = new ArrayList<>();
      for (int t = length; t >= 1; t--) {
        steps.add(step(prefix, t, length));
      }
      return new SolutionView.SequenceView(exercise.isBatch() ? "sequence " + (s + 1) : "",
          new SolutionView.TableView(header, rows, grids), losses, steps);
    }

    private SolutionView.StepView step(String prefix, int t, int length) {
      List<SolutionView.ValueView> errors = new ArrayList<>();
      String outputError = prefix + Names.gradientAt("o", t);
      String predictionError = prefix + Names.gradientAt("y", t);
      if (graph.contains(outputError)) {
        errors.add(row(outputError));
        Tensor outputWeights = tensor(Parameter.W_HY.canonicalName());
        errors.add(computed(Parameter.W_HY.canonicalName() + "^T " + outputError,
            outputWeights.transpose().times(Formulas.asVector(tensor(outputError))),
            "step " + t + "'s own output error brought back to h[" + t + "] through W_hy",
            equations.fromOutput(t)));
      } else if (graph.contains(predictionError)) {
        errors.add(row(predictionError));
      }
      String recurrent = Parameter.W_HH.canonicalName();
      String nextError = prefix + Names.gradientAt("a", t + 1);
      boolean elman = exercise.model().kind() == ModelKind.ELMAN;
      if (!elman) {
        Expression fromNext = equations.errorFromStepExpression(prefix, t + 1, length);
        String name = fromNext.text(notation::render);
        if (t < length) {
          errors.add(computed(name, fromNext.evaluate(graph::value),
              "the error from step " + (t + 1) + ", passed back to h[" + t + "] through the gates",
              equations.fromNext(t)));
        } else {
          errors.add(computed(name, Tensor.zeros(Shape.vector(exercise.model().hiddenSize())),
              "the error from step " + (t + 1) + ": none, step " + t + " is the last", equations.fromNext(t)));
        }
      } else if (t < length && graph.contains(nextError)) {
        errors.add(computed(recurrent + "^T " + nextError,
            tensor(recurrent).transpose().times(Formulas.asVector(tensor(nextError))),
            "the error from step " + (t + 1) + ", passed back to h[" + t + "] through W_hh",
            equations.fromNext(t)));
      } else {
        errors.add(computed(recurrent + "^T " + nextError, Tensor.zeros(Shape.vector(exercise.model().hiddenSize())),
            "the error from step " + (t + 1) + ": none, step " + t + " is the last", equations.fromNext(t)));
      }
      for (String symbol : List.of("h", "a")) {
        String name = prefix + Names.gradientAt(symbol, t);
        if (graph.contains(name)) {
          errors.add(row(name));
        }
      }
      for (Quantity quantity : graph.quantities()) {
        QuantityId id = quantity.id();
        if (id.role() == QuantityId.Role.CELL_ERROR && id.scope() == QuantityId.Scope.PLAIN && id.step() == t
            && quantity.name().startsWith(prefix + "dL/d")) {
          errors.add(row(quantity.name()));
        }
      }
      List<SolutionView.ValueView> contributions = new ArrayList<>();
      List<Parameter> order = new ArrayList<>(List.of(Parameter.W_HY, Parameter.B_Y));
      order.addAll(Cells.of(exercise.model()).recurrentParameters(exercise.model()));
      for (Parameter parameter : order) {
        String name = prefix + Names.gradientAt(parameter.canonicalName(), t);
        if (graph.contains(name)) {
          contributions.add(row(name));
        }
      }
      return new SolutionView.StepView(Integer.toString(t), errors, contributions);
    }

    /** Adds a section of the quantities not shown yet that match, in computation order. */
    private void section(List<SolutionView.SectionView> sections, String title, Predicate<Quantity> matches) {
      List<SolutionView.ValueView> rows = new ArrayList<>();
      for (Quantity quantity : graph.quantities()) {
        if (!shown.contains(quantity.name()) && matches.test(quantity)) {
          rows.add(row(quantity.name()));
        }
      }
      if (!rows.isEmpty()) {
        sections.add(new SolutionView.SectionView(title, rows));
      }
    }

    private SolutionView.ValueView row(String name) {
      shown.add(name);
      Quantity quantity = graph.quantity(name).orElseThrow();
      return new SolutionView.ValueView(name, notation.render(name), value(name), notation.render(quantity.meaning()),
          formulas.forQuantity(name), Grids.of(graph.value(name), digits));
    }

    /** A value the key computes from the graph's values, such as the error passed back from t+1. */
    private SolutionView.ValueView computed(String name, Tensor value, String meaning, String formula) {
      return new SolutionView.ValueView(name, notation.render(name), Numbers.formatCompact(value, digits),
          notation.render(meaning), formula, Grids.of(value, digits));
    }

    private String value(String name) {
      return Numbers.formatCompact(graph.value(name), digits);
    }

    private Tensor tensor(String name) {
      return (Tensor) graph.value(name);
    }
  }
}
