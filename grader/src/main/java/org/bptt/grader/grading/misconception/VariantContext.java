package org.bptt.grader.grading.misconception;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bptt.grader.exercise.Exercise;
import org.bptt.grader.exercise.LossSpec;
import org.bptt.grader.solver.Derivation;
import org.bptt.grader.solver.Expression;
import org.bptt.grader.solver.Formula;
import org.bptt.grader.solver.LossWeights;
import org.bptt.grader.solver.Quantity;
import org.bptt.grader.solver.QuantityGraph;
import org.bptt.grader.solver.QuantityId;
import org.bptt.grader.value.Tensor;
import org.bptt.grader.value.Value;

/** One quantity, with what a misconception rule needs to derive its wrong versions. */
public final class VariantContext {

  private final Exercise exercise;
  private final QuantityGraph graph;
  private final Quantity quantity;

  VariantContext(Exercise exercise, QuantityGraph graph, Quantity quantity) {
    this.exercise = exercise;
    this.graph = graph;
    this.quantity = quantity;
  }

  public Exercise exercise() {
    return exercise;
  }

  public QuantityGraph graph() {
    return graph;
  }

  public QuantityId id() {
    return quantity.id();
  }

  public Derivation main() {
    return quantity.main();
  }

  /** The quantity's formula as an expression, when it is written as one. */
  public Optional<Expression> expression() {
    return quantity.main().formula() instanceof Expression expression ? Optional.of(expression) : Optional.empty();
  }

  /** Whether this is a plain quantity of the reference pass (not after the update, not truncated or clipped). */
  public boolean plain() {
    return id().scope() == QuantityId.Scope.PLAIN;
  }

  /** A name of this quantity's sequence at a step: "h", 2 gives "s1.h[2]" in a batch's first sequence. */
  public String at(String symbol, int step) {
    return prefix() + symbol + "[" + step + "]";
  }

  /** h[t-1] of this quantity's sequence: the initial state at the first step. */
  public String previousHidden(int step) {
    return step == 1 ? "h0" : at("h", step - 1);
  }

  /** The error at a node of this quantity's sequence: "a", 3 gives "dL/da[3]". */
  public String errorAt(String symbol, int step) {
    return prefix() + "dL/d" + symbol + "[" + step + "]";
  }

  /** Whether this is the error at a gated cell's inner quantity ("c" for dL/dc[t]; null for any of them). */
  public boolean isCellError(String symbol) {
    return id().role() == QuantityId.Role.CELL_ERROR && (symbol == null || symbol.equals(id().parameter()));
  }

  public String prefix() {
    return id().sequence() > 0 ? "s" + id().sequence() + "." : "";
  }

  /** Whether W_xh and W_hh have the same shape, so that one can be mistaken for the other. */
  public boolean sameShapes() {
    return exercise.model().inputSize() == exercise.model().hiddenSize();
  }

  public boolean squaredError() {
    return exercise.loss().kind() == LossSpec.Kind.SQUARED_ERROR;
  }

  /** How much one step's loss weighs in L for this quantity's sequence. */
  public double lossWeight() {
    return LossWeights.weight(exercise, id().sequenceIndex());
  }

  /**
   * The factors by which taking a mean for a sum (or a sum for a mean) changes this quantity: the
   * number of loss steps for the time reduction (of its sequence; for a batch total, only when
   * every sequence has as many), the number of sequences for the batch one when {@code sequences}.
   */
  public List<Double> meanSumFactors(boolean sequences) {
    LossSpec loss = exercise.loss();
    List<Double> factors = new ArrayList<>();
    int steps = LossWeights.lossStepCount(exercise, id().sequenceIndex());
    for (int s = 0; s < exercise.sequences().size() && id().sequence() == 0; s++) {
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

  /** The right formula, scaled: the same inputs, a wrong factor. */
  public Derivation scaled(String description, double factor) {
    Derivation main = main();
    return new Derivation(description, main.inputs(), values -> {
      Value value = main.formula().compute(values);
      return value instanceof Tensor tensor ? tensor.scale(factor) : value;
    });
  }

  /** A variant over these inputs, or none when the graph lacks one of them (a batch total has no a[t]). */
  public List<Derivation> variant(String description, List<String> inputs, Formula formula) {
    return inputs.stream().allMatch(graph::contains) ? List.of(new Derivation(description, inputs, formula)) : List.of();
  }

  /**
   * The plain quantity's expression rewritten, as a variant: none when the quantity is not plain,
   * has no expression, or the rewrite does not apply to it.
   */
  public List<Derivation> rewrittenExpression(String description,
      java.util.function.Function<Expression, Optional<Expression>> rewrite) {
    if (!plain()) {
      return List.of();
    }
    return expression().map(written -> rewritten(description, rewrite.apply(written))).orElse(List.of());
  }

  /** A rewrite of the quantity's expression as a variant, where the rewrite applies. */
  public List<Derivation> rewritten(String description, Optional<Expression> rewrite) {
    return rewrite.map(expression -> variant(description, expression.references(), expression)).orElse(List.of());
  }
}
