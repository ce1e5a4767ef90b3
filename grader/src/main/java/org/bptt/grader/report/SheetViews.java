package org.bptt.grader.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bptt.grader.exercise.Clipping;
import org.bptt.grader.exercise.Exercise;
import org.bptt.grader.exercise.LossSpec;
import org.bptt.grader.exercise.ModelSpec;
import org.bptt.grader.exercise.Parameter;
import org.bptt.grader.exercise.SequenceData;
import org.bptt.grader.exercise.TrainingSpec;
import org.bptt.grader.exercise.Vocabulary;
import org.bptt.grader.grading.GradingSpec;
import org.bptt.grader.present.Numbers;
import org.bptt.grader.solver.AskedQuantities;
import org.bptt.grader.solver.Quantity;
import org.bptt.grader.solver.QuantityGraph;
import org.bptt.grader.solver.QuantityId;
import org.bptt.grader.solver.Stage;
import org.bptt.grader.value.Shape;
import org.bptt.grader.value.Tensor;
import org.bptt.grader.value.Value;

/**
 * Turns an exercise into the strings of its problem sheet: the setup, the given values and data,
 * and what to compute. The graph is read only for the asked quantities' names, meanings and
 * shapes, never for a computed value, so a sheet cannot leak an answer.
 */
public final class SheetViews {

  /** Given values are shown as written: 15 significant digits round-trip any decimal a file holds. */
  private static final int GIVEN_DIGITS = 15;

  private SheetViews() {}

  /** The sheet for no one in particular (its answer form asks for the student id). */
  public static SheetView of(Exercise exercise, QuantityGraph graph) {
    return of(exercise, graph, Recipient.NONE, Feedback.describe(GradingSpec.DEFAULT_TOLERANCE));
  }

  /**
   * One student's sheet: {@code precision} is how their answers are judged, in words
   * ({@link Feedback#describe}).
   */
  public static SheetView of(Exercise exercise, QuantityGraph graph, Recipient recipient, String precision) {
    ModelEquations equations = new ModelEquations(exercise);
    List<SolutionView.EquationView> model = new ArrayList<>(equations.forward());
    model.add(equations.update());
    List<SheetView.ParameterView> parameters = new ArrayList<>();
    for (Parameter parameter : Parameter.values()) {
      if (parameter.existsIn(exercise.model())) {
        Tensor value = exercise.parameter(parameter);
        String meaning = graph.quantity(parameter.canonicalName()).map(Quantity::meaning).orElse("");
        parameters.add(new SheetView.ParameterView(parameter.canonicalName(),
            exercise.notation().symbolFor(parameter), given(value), shape(value), meaning,
            Grids.of(value, GIVEN_DIGITS)));
      }
    }
    List<SheetView.DataView> data = new ArrayList<>();
    for (int s = 0; s < exercise.sequences().size(); s++) {
      data.add(data(exercise, s));
    }
    String vocabulary = exercise.vocabulary().map(v -> String.join(" ", v.symbols())).orElse("");
    List<String> asked = AskedQuantities.expand(exercise.asked(), graph);
    Map<Stage, List<SheetView.AskedView>> byStage = new LinkedHashMap<>();
    for (String name : asked) {
      Quantity quantity = graph.quantity(name).orElseThrow();
      Stage stage = quantity.id().scope() == QuantityId.Scope.UPDATED && quantity.stage() != Stage.UPDATE ? Stage.UPDATE : quantity.stage();
      String documentName = exercise.notation().render(name);
      Value value = graph.value(name);
      byStage.computeIfAbsent(stage, key -> new ArrayList<>()).add(new SheetView.AskedView(name,
          documentName, shape(value), exercise.notation().render(quantity.meaning()),
          Grids.blank(value, i -> entryLabel(documentName, value, i))));
    }
    List<SheetView.AskedGroupView> groups = new ArrayList<>();
    for (Stage stage : Stage.values()) {
      if (byStage.containsKey(stage)) {
        groups.add(new SheetView.AskedGroupView(stage.title(), byStage.get(stage)));
      }
    }
    return new SheetView(exercise.id(), exercise.title(), "", recipient, precision, SolutionViews.notation(exercise), model,
        setup(exercise), parameters, vocabulary, data, Integer.toString(asked.size()), groups);
  }

  /** How an answer-form input names its entry: "h[1]", "h[1] entry 2", "W_hh row 1 column 2". */
  private static String entryLabel(String name, Value value, int i) {
    if (!(value instanceof Tensor tensor) || tensor.size() == 1) {
      return name;
    }
    if (tensor.shape().kind() == Shape.Kind.VECTOR) {
      return name + " entry " + (i + 1);
    }
    return name + " row " + (i / tensor.columns() + 1) + " column " + (i % tensor.columns() + 1);
  }

  /** "a number", "a list of 4", "3x2 matrix" or "a symbol", as the blank answer file says it. */
  public static String shape(Value value) {
    return org.bptt.grader.present.BlankSubmission.shape(value);
  }

  private static List<SheetView.FactView> setup(Exercise exercise) {
    ModelSpec model = exercise.model();
    LossSpec loss = exercise.loss();
    TrainingSpec training = exercise.training();
    List<SheetView.FactView> facts = new ArrayList<>();
    facts.add(fact("Network", "Elman RNN: " + count(model.inputSize(), "input") + ", "
        + count(model.hiddenSize(), "hidden unit")
        + (model.output().hasOutputLayer() ? ", " + count(model.outputSize(), "output") : ", no output layer")));
    facts.add(fact("Hidden activation", model.hiddenActivation().yamlName()));
    facts.add(fact("Output", switch (model.output()) {
      case LINEAR -> "linear: y[t] = o[t]";
      case SOFTMAX -> "softmax: y[t] = softmax(o[t])";
      case NONE -> "none: the prediction is the hidden state, y[t] = h[t]";
    }));
    facts.add(fact("Loss", loss.kind() == LossSpec.Kind.CROSS_ENTROPY
        ? "cross-entropy"
        : "squared error, scale " + (loss.scale() == 0.5 ? "1/2" : "1")));
    facts.add(fact("Loss steps", loss.steps() == LossSpec.Steps.LAST
        ? "the last step only (many-to-one)"
        : "every step"));
    if (loss.steps() == LossSpec.Steps.ALL) {
      facts.add(fact("Over time", loss.timeReduction() == LossSpec.Reduction.MEAN
          ? "the mean of the per-step losses" : "the sum of the per-step losses"));
    }
    if (exercise.isBatch()) {
      facts.add(fact("Over sequences", (loss.sequenceReduction() == LossSpec.Reduction.MEAN ? "the mean" : "the sum")
          + " over the batch of " + exercise.sequences().size() + " sequences"));
    }
    facts.add(fact("Learning rate", "\u03B7 = " + Numbers.format(training.learningRate(), GIVEN_DIGITS)
        + ", one step of gradient descent on the whole batch"));
    training.truncationSteps().ifPresent(keep -> facts.add(fact("Truncated BPTT",
        "the backward pass visits only the last " + count(keep, "step") + " of each sequence")));
    training.clipping().ifPresent(clipping -> facts.add(fact("Gradient clipping",
        (clipping.mode() == Clipping.Mode.BY_NORM
            ? "by the joint norm of all gradients, threshold " : "every entry clamped to \u00B1")
            + Numbers.format(clipping.threshold(), GIVEN_DIGITS) + ", after truncation")));
    if (!training.reportLossAfter().isEmpty()) {
      List<String> counts = training.reportLossAfter().stream().map(String::valueOf).toList();
      facts.add(fact("Training", "repeat the update for " + count(training.epochs(), "epoch")
          + " (full batch); the loss after " + String.join(", ", counts) + " updates is asked"));
    }
    return facts;
  }

  private static SheetView.DataView data(Exercise exercise, int s) {
    SequenceData sequence = exercise.sequences().get(s);
    Optional<Vocabulary> vocabulary = exercise.vocabulary();
    int length = sequence.length();
    boolean lastOnly = exercise.loss().steps() == LossSpec.Steps.LAST;
    StringBuilder text = new StringBuilder();
    StringBuilder targetText = new StringBuilder();
    List<List<String>> rows = new ArrayList<>();
    List<List<GridView>> grids = new ArrayList<>();
    for (int t = 1; t <= length; t++) {
      Tensor input = sequence.inputs().get(t - 1);
      int targetIndex = lastOnly ? (t == length ? 0 : -1) : t - 1;
      Tensor target = targetIndex < 0 ? null : sequence.targets().get(targetIndex);
      String inputCell = given(input);
      String targetCell = target == null ? "" : given(target);
      if (vocabulary.isPresent()) {
        String symbol = vocabulary.get().symbol(input.argMax());
        text.append(symbol);
        inputCell = symbol + " = " + inputCell;
        if (target != null) {
          String targetSymbol = vocabulary.get().symbol(target.argMax());
          targetText.append(targetSymbol);
          targetCell = targetSymbol + " = " + targetCell;
        }
      }
      rows.add(List.of(Integer.toString(t), inputCell, targetCell));
      grids.add(vocabulary.isPresent()
          ? List.of(Grids.of(Tensor.scalar(t), GIVEN_DIGITS), line(inputCell), line(targetCell))
          : List.of(Grids.of(Tensor.scalar(t), GIVEN_DIGITS), Grids.of(input, GIVEN_DIGITS),
              target == null ? Grids.NONE : Grids.of(target, GIVEN_DIGITS)));
    }
    return new SheetView.DataView(exercise.isBatch() ? "sequence " + (s + 1) : "", text.toString(),
        targetText.toString(), new SolutionView.TableView(List.of("t", "x[t]", "target[t]"), rows, grids));
  }

  /** A cell that stays one line of text (a symbol and its one-hot vector). */
  private static GridView line(String text) {
    return text.isEmpty() ? Grids.NONE : new GridView("text", List.of(List.of(new GridView.CellView(text, false))));
  }

  private static String given(Tensor value) {
    return Numbers.formatCompact(value, GIVEN_DIGITS);
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static SheetView.FactView fact(String label, String value) {
    return new SheetView.FactView(label, value);
  }
}
