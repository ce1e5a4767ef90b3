package org.bptt.grader.solver;

import static org.bptt.grader.solver.Names.at;
import static org.bptt.grader.solver.Names.gradient;
import static org.bptt.grader.solver.Names.gradientAt;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.bptt.grader.exercise.Exercise;
import org.bptt.grader.exercise.LossSpec;
import org.bptt.grader.exercise.ModelSpec;
import org.bptt.grader.exercise.OutputFunction;
import org.bptt.grader.exercise.Parameter;
import org.bptt.grader.exercise.SequenceData;
import org.bptt.grader.exercise.Vocabulary;
import org.bptt.grader.value.Label;
import org.bptt.grader.value.Tensor;

/**
 * Builds the forward pass, the loss and backpropagation through time of a recurrent network as a
 * graph of named quantities: the output layer, the losses, the errors at h[t] and the output
 * layer's gradients here, what happens inside the cell from its {@link Cell}. The optional parts
 * (sensitivities, Jacobians, the forward pass after the update and the training run) are added
 * by {@link ReferenceSolver} through the other builders of this package, which work on the cell too.
 */
final class RecurrentGraphBuilder implements CellContext {

  final Exercise exercise;
  final ModelSpec model;
  final LossSpec loss;
  final Cell cell;
  final QuantityGraph.Builder graph = new QuantityGraph.Builder();

  RecurrentGraphBuilder(Exercise exercise) {
    this.exercise = exercise;
    this.model = exercise.model();
    this.loss = exercise.loss();
    this.cell = Cells.of(model);
  }

  @Override
  public ModelSpec model() {
    return model;
  }

  /** The names of step t of sequence s in the pass whose nodes carry {@code out} and read {@code parameterNode}. */
  CellStep step(int s, int t, String out, Function<Parameter, String> parameterNode) {
    return new CellStep(out, prefix(s), t, sequence(s).length(), parameterNode);
  }

  /** Step t of sequence s in the reference pass. */
  CellStep step(int s, int t) {
    return step(s, t, prefix(s), Parameter::canonicalName);
  }

  // --- small helpers -----------------------------------------------------------------------

  @Override
  public void add(String name, Stage stage, String meaning, List<String> inputs, Formula formula) {
    graph.add(new Quantity(name, stage, meaning, List.of(new Derivation(meaning, inputs, formula))));
  }

  /** A quantity whose formula is an expression: its inputs are exactly what the expression reads. */
  @Override
  public void add(String name, Stage stage, String meaning, Expression formula) {
    graph.add(new Quantity(name, stage, meaning, List.of(new Derivation(meaning, formula.references(), formula))));
  }

  static Expression.Ref ref(String name) {
    return new Expression.Ref(name);
  }

  static List<String> inputs(String... names) {
    List<String> list = new ArrayList<>();
    for (String name : names) {
      if (name != null) {
        list.add(name);
      }
    }
    return list;
  }

  @Override
  public boolean has(Parameter parameter) {
    return parameter.existsIn(model);
  }

  /** The trained parameters this model has, in canonical order. */
  List<Parameter> trainedParameters() {
    List<Parameter> list = new ArrayList<>();
    for (Parameter parameter : Parameter.values()) {
      if (parameter.isTrained() && has(parameter)) {
        list.add(parameter);
      }
    }
    return list;
  }

  /** The trained parameters that act through the recurrence (and so through h[t]): the cell's. */
  List<Parameter> hiddenParameters() {
    return cell.recurrentParameters(model);
  }

  String prefix(int sequenceIndex) {
    return Names.sequencePrefix(sequenceIndex, exercise.isBatch());
  }

  SequenceData sequence(int sequenceIndex) {
    return exercise.sequences().get(sequenceIndex);
  }

  /** The steps that have a target: all of them, or only the last. */
  List<Integer> lossSteps(int sequenceIndex) {
    int length = sequence(sequenceIndex).length();
    if (loss.steps() == LossSpec.Steps.LAST) {
      return List.of(length);
    }
    List<Integer> steps = new ArrayList<>();
    for (int t = 1; t <= length; t++) {
      steps.add(t);
    }
    return steps;
  }

  boolean hasLossAt(int sequenceIndex, int step) {
    return lossSteps(sequenceIndex).contains(step);
  }

  double lossWeight(int sequenceIndex) {
    return LossWeights.weight(exercise, sequenceIndex);
  }

  // --- given values ------------------------------------------------------------------------

  void addGiven() {
    for (Parameter parameter : Parameter.values()) {
      if (has(parameter)) {
        Tensor value = exercise.parameter(parameter);
        add(parameter.canonicalName(), Stage.GIVEN, describeParameter(parameter), List.of(), in -> value);
      }
    }
    for (int s = 0; s < exercise.sequences().size(); s++) {
      String prefix = prefix(s);
      SequenceData sequence = sequence(s);
      for (int t = 1; t <= sequence.length(); t++) {
        Tensor input = sequence.inputs().get(t - 1);
        add(prefix + at("x", t), Stage.GIVEN, "input at step " + t, List.of(), in -> input);
      }
      List<Integer> steps = lossSteps(s);
      for (int i = 0; i < steps.size(); i++) {
        Tensor target = sequence.targets().get(i);
        add(prefix + at("target", steps.get(i)), Stage.GIVEN, "target at step " + steps.get(i), List.of(), in -> target);
      }
    }
  }

  private static String describeParameter(Parameter parameter) {
    return parameter.meaning();
  }


  // --- forward -----------------------------------------------------------------------------

  /**
   * The forward pass and loss of every sequence, with parameters read from the nodes {@code
   * parameterNode} names: the given ones, or the updated ones for the loss after the update.
   */
  void addForward(String outerPrefix, Function<Parameter, String> parameterNode) {
    List<String> sequenceLosses = new ArrayList<>();
    for (int s = 0; s < exercise.sequences().size(); s++) {
      String data = prefix(s);
      String out = outerPrefix + data;
      addSequenceForward(s, out, data, parameterNode);
      List<String> stepLosses = new ArrayList<>();
      for (int t : lossSteps(s)) {
        stepLosses.add(out + at("L", t));
      }
      String sequenceLoss = exercise.isBatch() ? out + "L" : outerPrefix + Names.TOTAL_LOSS;
      boolean mean = loss.timeReduction() == LossSpec.Reduction.MEAN;
      add(sequenceLoss, Stage.LOSS,
          (mean ? "mean" : "sum") + " of the per-step losses" + (exercise.isBatch() ? " of sequence " + (s + 1) : ""),
          stepLosses, in -> reduce(in, stepLosses, mean));
      sequenceLosses.add(sequenceLoss);
    }
    if (exercise.isBatch()) {
      boolean mean = loss.sequenceReduction() == LossSpec.Reduction.MEAN;
      add(outerPrefix + Names.TOTAL_LOSS, Stage.LOSS, (mean ? "mean" : "sum") + " of the sequences' losses",
          sequenceLosses, in -> reduce(in, sequenceLosses, mean));
    }
  }

  private static Tensor reduce(Inputs in, List<String> names, boolean mean) {
    double total = 0;
    for (String name : names) {
      total += in.scalar(name);
    }
    return Tensor.scalar(mean ? total / names.size() : total);
  }

  private void addSequenceForward(int s, String out, String data, Function<Parameter, String> parameterNode) {
    SequenceData sequence = sequence(s);
    String outputWeights = has(Parameter.W_HY) ? parameterNode.apply(Parameter.W_HY) : null;
    String outputBias = has(Parameter.B_Y) ? parameterNode.apply(Parameter.B_Y) : null;
    for (int t = 1; t <= sequence.length(); t++) {
      CellStep step = step(s, t, out, parameterNode);
      cell.addForward(this, step);
      String hidden = step.hidden();
      String prediction = out + at("y", t);
      if (model.output().hasOutputLayer()) {
        String logits = out + at("o", t);
        Expression product = new Expression.MatrixTimesVector(ref(outputWeights), ref(hidden), false);
        add(logits, Stage.FORWARD, "output pre-activation (logits) W_hy h[t]" + (outputBias != null ? " + b_y" : ""),
            outputBias == null ? product : new Expression.Sum(List.of(product, ref(outputBias)), 0));
        boolean softmax = model.output() == OutputFunction.SOFTMAX;
        add(prediction, Stage.FORWARD, softmax ? "prediction softmax(o[t])" : "prediction y[t] = o[t]",
            softmax ? new Expression.Softmax(ref(logits)) : new Expression.AsVector(ref(logits)));
      } else {
        add(prediction, Stage.FORWARD, "prediction y[t] = h[t] (no output layer)", new Expression.AsVector(ref(hidden)));
      }
      if (exercise.vocabulary().isPresent()) {
        Vocabulary vocabulary = exercise.vocabulary().get();
        add(out + at("pred", t), Stage.FORWARD, "predicted character (largest probability)", inputs(prediction),
            in -> new Label(vocabulary.symbol(in.tensor(prediction).argMax())));
      }
      if (hasLossAt(s, t)) {
        String target = data + at("target", t);
        add(out + at("L", t), Stage.LOSS, describeStepLoss(), inputs(prediction, target),
            in -> Tensor.scalar(Formulas.stepLoss(loss, in.tensor(prediction), in.tensor(target))));
      }
    }
  }

  private String describeStepLoss() {
    if (loss.kind() == LossSpec.Kind.CROSS_ENTROPY) {
      return "per-step cross-entropy -sum target ln y[t]";
    }
    return "per-step squared error " + (loss.scale() == 0.5 ? "1/2 " : "") + "sum (y[t] - target)^2";
  }

  // --- backward ----------------------------------------------------------------------------

  /** BPTT for every sequence: errors from t = T down to 1, and each step's gradient contributions. */
  void addBackward() {
    for (int s = 0; s < exercise.sequences().size(); s++) {
      addSequenceBackward(s);
    }
  }

  private void addSequenceBackward(int s) {
    String p = prefix(s);
    int length = sequence(s).length();
    double weight = lossWeight(s);
    boolean outputLayer = model.output().hasOutputLayer();
    boolean softmax = model.output() == OutputFunction.SOFTMAX;
    String outputWeights = has(Parameter.W_HY) ? Parameter.W_HY.canonicalName() : null;
    String weightNote = weight == 1 ? "" : " (weighted " + formatWeight(weight) + " in L)";
    for (int t = length; t >= 1; t--) {
      String prediction = p + at("y", t);
      String target = p + at("target", t);
      String directError = null;
      if (hasLossAt(s, t)) {
        if (outputLayer) {
          directError = p + gradientAt("o", t);
          add(directError, Stage.BACKWARD,
              "output error" + (softmax && loss.kind() == LossSpec.Kind.CROSS_ENTROPY ? " y[t] - target" : "") + weightNote,
              inputs(prediction, target),
              in -> Formulas.outputError(loss, softmax, in.tensor(prediction), in.tensor(target)).scale(weight));
        } else {
          directError = p + gradientAt("y", t);
          add(directError, Stage.BACKWARD, "error at the prediction y[t] = h[t]" + weightNote, inputs(prediction, target),
              in -> Formulas.squaredErrorGradient(loss, in.tensor(prediction), in.tensor(target)).scale(weight));
        }
      }
      CellStep step = step(s, t);
      boolean next = t < length;
      String ownError = directError;
      String outputWeightsUsed = ownError != null && outputLayer ? outputWeights : null;
      List<Expression> errorTerms = new ArrayList<>();
      if (ownError != null) {
        errorTerms.add(outputWeightsUsed == null ? new Expression.AsVector(ref(ownError))
            : new Expression.MatrixTimesVector(ref(outputWeightsUsed), ref(ownError), true));
      }
      if (next) {
        errorTerms.add(cell.errorToPreviousState(step.at(t + 1)));
      }
      add(step.hiddenError(), Stage.BACKWARD, describeHiddenError(ownError != null, next),
          new Expression.Sum(errorTerms, model.hiddenSize()));
      cell.addBackward(this, step);
      addOutputContributions(s, t, directError);
    }
    String initialError = p + gradient(Parameter.H0.canonicalName());
    add(initialError, Stage.BACKWARD, "error reaching the initial state " + cell.describeErrorToPreviousState("1"),
        cell.errorToPreviousState(step(s, 1)));
    cell.addInitialStateErrors(this, step(s, 1));
  }

  private static String formatWeight(double weight) {
    long inverse = Math.round(1 / weight);
    return Math.abs(1.0 / inverse - weight) < 1e-15 ? "1/" + inverse : Double.toString(weight);
  }

  private String describeHiddenError(boolean own, boolean next) {
    if (own && next) {
      return "total error at h[t]: from its own output, W_hy^T dL/do[t], plus from t+1, "
          + cell.describeErrorToPreviousState("t+1");
    }
    if (own) {
      return "error at h[t] from its own output (no step after it)";
    }
    return "error at h[t] from t+1 only, " + cell.describeErrorToPreviousState("t+1") + " (no loss at this step)";
  }

  /** Step t's contributions to the output layer's gradients, dL/do[t] h[t]^T and dL/do[t]. */
  private void addOutputContributions(int s, int t, String directError) {
    String p = prefix(s);
    if (directError != null && model.output().hasOutputLayer()) {
      String hidden = p + at("h", t);
      add(p + gradientAt("W_hy", t), Stage.GRADIENT, "step t's contribution dL/do[t] h[t]^T",
          new Expression.Outer(ref(directError), ref(hidden)));
      if (has(Parameter.B_Y)) {
        add(p + gradientAt("b_y", t), Stage.GRADIENT, "step t's contribution dL/do[t]",
            new Expression.AsVector(ref(directError)));
      }
    }
  }

  /** The names of the per-step contributions to a parameter's gradient in one sequence, for steps in [from, T]. */
  List<String> contributions(int s, Parameter parameter, int fromStep) {
    List<String> names = new ArrayList<>();
    for (int t = fromStep; t <= sequence(s).length(); t++) {
      String name = prefix(s) + gradientAt(parameter.canonicalName(), t);
      if (graph.contains(name)) {
        names.add(name);
      }
    }
    return names;
  }
}
