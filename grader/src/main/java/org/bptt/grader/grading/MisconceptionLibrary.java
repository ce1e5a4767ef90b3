package org.bptt.grader.grading;

import java.util.ArrayList;
import java.util.List;
import org.bptt.grader.exercise.Exercise;
import org.bptt.grader.exercise.LossSpec;
import org.bptt.grader.exercise.OutputFunction;
import org.bptt.grader.solver.Derivation;
import org.bptt.grader.solver.Expression;
import org.bptt.grader.solver.Formula;
import org.bptt.grader.solver.Formulas;
import org.bptt.grader.solver.Inputs;
import org.bptt.grader.solver.LossWeights;
import org.bptt.grader.solver.Quantity;
import org.bptt.grader.solver.QuantityGraph;
import org.bptt.grader.solver.QuantityId;
import org.bptt.grader.solver.QuantityId.Role;
import org.bptt.grader.value.Tensor;
import org.bptt.grader.value.Value;

/**
 * Where each misconception applies: for a quantity, the wrong ways of computing it, each a
 * derivation from the same kind of inputs as the right one, so it can be evaluated on the
 * student's own values. A wrong answer that a variant reproduces gets that misconception.
 */
public final class MisconceptionLibrary {

  /** A misconception's version of one quantity's computation. */
  public record Variant(Misconception misconception, Derivation derivation) {}

  private final Exercise exercise;
  private final QuantityGraph graph;

  public MisconceptionLibrary(Exercise exercise, QuantityGraph graph) {
    this.exercise = exercise;
    this.graph = graph;
  }

  public List<Variant> variantsFor(String name) {
    Quantity quantity = graph.quantity(name).orElseThrow();
    QuantityId id = quantity.id();
    List<Variant> variants = new ArrayList<>();
    Derivation main = quantity.main();
    boolean plain = id.scope() == QuantityId.Scope.PLAIN;
    String p = id.sequence() > 0 ? "s" + id.sequence() + "." : "";
    int t = id.step();
    Expression expression = main.formula() instanceof Expression written ? written : null;
    if (plain && id.role() == Role.PREACTIVATION && sameShapes() && expression != null) {
      rewritten(variants, Misconceptions.SWAPPED_WEIGHTS, ExpressionRewrites.swap(expression, "W_xh", "W_hh"));
    }
    if (plain && (id.role() == Role.OUTPUT_ERROR || id.role() == Role.PREDICTION_ERROR)) {
      outputErrorVariants(variants, id, p, t, main);
    }
    String next = p + "dL/da[" + (t + 1) + "]";
    if (plain && id.role() == Role.HIDDEN_ERROR && expression != null) {
      rewritten(variants, Misconceptions.MISSING_FUTURE_ERROR, ExpressionRewrites.dropTermsReading(expression, next));
    }
    if (plain && id.role() == Role.PREACTIVATION_ERROR && expression != null) {
      rewritten(variants, Misconceptions.TANH_DERIVATIVE_FROM_PREACTIVATION,
          ExpressionRewrites.derivativeFromPreactivation(expression));
      rewritten(variants, Misconceptions.ACTIVATION_DERIVATIVE_OMITTED, ExpressionRewrites.derivativeOmitted(expression));
      Expression inlined = ExpressionRewrites.inline(expression, p + "dL/dh[" + t + "]", graph);
      rewritten(variants, Misconceptions.MISSING_FUTURE_ERROR, ExpressionRewrites.dropTermsReading(inlined, next));
      rewritten(variants, Misconceptions.DERIVATIVE_OUTSIDE_RECURSION,
          ExpressionRewrites.termAddedOutsideProduct(inlined, next));
    }
    if (plain && id.role() == Role.CONTRIBUTION && expression != null
        && (id.parameter().equals("W_xh") || id.parameter().equals("W_hh"))) {
      String previous = t == 1 ? "h0" : p + "h[" + (t - 1) + "]";
      String input = p + "x[" + t + "]";
      if (id.parameter().equals("W_hh")) {
        rewritten(variants, Misconceptions.CURRENT_STATE_FOR_RECURRENT_GRADIENT,
            ExpressionRewrites.replace(expression, p + "h[" + t + "]", previous));
        if (sameShapes()) {
          rewritten(variants, Misconceptions.SWAPPED_WEIGHTS, ExpressionRewrites.replace(expression, input, previous));
        }
      } else if (sameShapes()) {
        rewritten(variants, Misconceptions.SWAPPED_WEIGHTS, ExpressionRewrites.replace(expression, previous, input));
      }
    }
    boolean gradientSum = plain && id.role() == Role.GRADIENT && TRAINED_OR_INITIAL.contains(id.parameter());
    if (gradientSum && id.parameter().equals("W_hh")) {
      recurrentSumVariant(variants, p);
    }
    boolean totalLoss = plain && id.role() == Role.LOSS;
    if (gradientSum || totalLoss) {
      boolean sequenceLoss = totalLoss && id.sequence() > 0;
      for (double factor : meanSumFactors(id, !sequenceLoss)) {
        add(variants, Misconceptions.MEAN_VERSUS_SUM, main.inputs(), values -> scaled(main, values, factor));
      }
    }
    if (plain && id.role() == Role.STEP_LOSS && isSquaredError()) {
      for (double factor : new double[] {2, 0.5}) {
        add(variants, Misconceptions.SQUARED_ERROR_FACTOR, main.inputs(), values -> scaled(main, values, factor));
      }
    }
    if (plain && id.role() == Role.JACOBIAN && id.earlier() == t - 1 && expression != null) {
      rewritten(variants, Misconceptions.TANH_DERIVATIVE_FROM_PREACTIVATION,
          ExpressionRewrites.derivativeFromPreactivation(expression));
    }
    if (id.scope() == QuantityId.Scope.UPDATED && id.role() == Role.PARAMETER && id.sequence() == 0
        && TRAINED_OR_INITIAL.contains(id.parameter()) && !id.parameter().equals("h0")) {
      updateVariants(variants, id.parameter(), main);
    }
    if (isDerivativeOfLoss(id)) {
      add(variants, Misconceptions.SIGN_FLIPPED, main.inputs(), values -> scaled(main, values, -1));
    }
    return variants;
  }

  private static final java.util.Set<String> TRAINED_OR_INITIAL = java.util.Set.of("W_xh", "W_hh", "b_h", "W_hy",
      "b_y", "h0");

  /** dL/d-anything, dL[t]/dθ, their truncated and clipped copies: where target − y for y − target flips the sign. */
  private static boolean isDerivativeOfLoss(QuantityId id) {
    boolean scope = id.scope() != QuantityId.Scope.UPDATED && id.scope() != QuantityId.Scope.LOCAL;
    return scope && switch (id.role()) {
      case OUTPUT_ERROR, PREDICTION_ERROR, HIDDEN_ERROR, PREACTIVATION_ERROR, GRADIENT, CONTRIBUTION,
          STEP_LOSS_GRADIENT -> true;
      default -> false;
    };
  }

  // --- groups ------------------------------------------------------------------------------

  private void outputErrorVariants(List<Variant> variants, QuantityId id, String p, int t, Derivation main) {
    for (double factor : meanSumFactors(id, true)) {
      add(variants, Misconceptions.MEAN_VERSUS_SUM, main.inputs(), values -> scaled(main, values, factor));
    }
    if (isSquaredError()) {
      for (double factor : new double[] {2, 0.5}) {
        add(variants, Misconceptions.SQUARED_ERROR_FACTOR, main.inputs(), values -> scaled(main, values, factor));
      }
    }
    if (exercise.model().output() == OutputFunction.SOFTMAX) {
      String prediction = p + "y[" + t + "]";
      double weight = LossWeights.weight(exercise, id.sequenceIndex());
      add(variants, Misconceptions.SOFTMAX_GRADIENT_WITHOUT_TARGET, List.of(prediction),
          values -> Formulas.asVector(values.tensor(prediction)).scale(weight));
    }
  }

  private void recurrentSumVariant(List<Variant> variants, String p) {
    List<String> inputs = new ArrayList<>();
    for (int s = 1; s <= Math.max(1, exercise.sequences().size()); s++) {
      String sequence = exercise.isBatch() ? "s" + s + "." : "";
      if (!p.isEmpty() && !p.equals(sequence)) {
        continue;
      }
      for (int t = 1; graph.contains(sequence + "dL/da[" + t + "]"); t++) {
        inputs.add(sequence + "dL/da[" + t + "]");
        inputs.add(sequence + "h[" + t + "]");
      }
    }
    Tensor zero = Tensor.zeros(((Tensor) graph.value("W_hh")).shape());
    add(variants, Misconceptions.CURRENT_STATE_FOR_RECURRENT_GRADIENT, inputs, values -> {
      Tensor total = zero;
      for (int i = 0; i < inputs.size(); i += 2) {
        total = total.plus(Formulas.asVector(values.tensor(inputs.get(i))).outer(values.tensor(inputs.get(i + 1))));
      }
      return total;
    });
  }

  private void updateVariants(List<Variant> variants, String parameter, Derivation main) {
    double rate = exercise.training().learningRate();
    String current = main.inputs().get(0);
    String step = main.inputs().get(1);
    add(variants, Misconceptions.UPDATE_SIGN, main.inputs(),
        values -> values.tensor(current).plus(values.tensor(step).reshape(values.tensor(current).shape()).scale(rate)));
    add(variants, Misconceptions.NO_LEARNING_RATE, main.inputs(),
        values -> values.tensor(current).minus(values.tensor(step).reshape(values.tensor(current).shape())));
    String swapped = parameter.equals("W_xh") ? step.replace("W_xh", "W_hh")
        : parameter.equals("W_hh") ? step.replace("W_hh", "W_xh") : null;
    if (swapped != null && sameShapes() && graph.contains(swapped)) {
      add(variants, Misconceptions.SWAPPED_WEIGHTS, List.of(current, swapped),
          values -> values.tensor(current).minus(values.tensor(swapped).reshape(values.tensor(current).shape())
              .scale(rate)));
    }
  }

  // --- helpers -----------------------------------------------------------------------------

  /** Adds a misconception's rewrite of the quantity's expression, where the mistake can be made. */
  private void rewritten(List<Variant> variants, Misconception misconception, java.util.Optional<Expression> rewrite) {
    rewrite.ifPresent(expression -> add(variants, misconception, expression.references(), expression));
  }

  /** Adds a variant when the graph has every input it reads (batch totals, for one, have no a[t] of their own). */
  private void add(List<Variant> variants, Misconception misconception, List<String> inputs, Formula formula) {
    if (inputs.stream().allMatch(graph::contains)) {
      variants.add(new Variant(misconception, new Derivation(misconception.title(), inputs, formula)));
    }
  }

  private static Value scaled(Derivation main, Inputs values, double factor) {
    Value value = main.formula().compute(values);
    return value instanceof Tensor tensor ? tensor.scale(factor) : value;
  }

  private boolean sameShapes() {
    return exercise.model().inputSize() == exercise.model().hiddenSize();
  }

  private boolean isSquaredError() {
    return exercise.loss().kind() == LossSpec.Kind.SQUARED_ERROR;
  }

  /**
   * The factors by which taking a mean for a sum (or a sum for a mean) changes a quantity: the
   * number of loss steps for the time reduction (of the named sequence; for a batch total, only
   * when every sequence has as many), the number of sequences for the batch one.
   */
  private List<Double> meanSumFactors(QuantityId id, boolean sequences) {
    LossSpec loss = exercise.loss();
    List<Double> factors = new ArrayList<>();
    int steps = LossWeights.lossStepCount(exercise, id.sequenceIndex());
    for (int s = 0; s < exercise.sequences().size() && id.sequence() == 0; s++) {
      if (LossWeights.lossStepCount(exercise, s) != steps) {
        steps = 1; // sequences of different lengths: no single factor
      }
    }
    if (steps > 1) {
      factors.add(loss.timeReduction() == LossSpec.Reduction.MEAN ? steps : 1.0 / steps);
    }
    int count = exercise.sequences().size();
    if (sequences && count > 1) {
      factors.add(loss.sequenceReduction() == LossSpec.Reduction.MEAN ? count : 1.0 / count);
    }
    return factors;
  }
}
