package org.bptt.grader.grading.misconception;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bptt.grader.exercise.Exercise;
import org.bptt.grader.solver.Derivation;
import org.bptt.grader.solver.Quantity;
import org.bptt.grader.solver.QuantityGraph;
import org.bptt.grader.solver.QuantityId;

/**
 * Where each misconception applies: for a quantity, the wrong ways of computing it, each a
 * derivation from the same kind of inputs as the right one (most of them rewrites of the formula
 * the solver wrote once), so it can be evaluated on the student's own values. A wrong answer that
 * a variant reproduces gets that misconception; the rules are tried in the order listed here.
 */
public final class MisconceptionLibrary {

  /** A misconception's version of one quantity's computation. */
  public record Variant(Misconception misconception, Derivation derivation) {}

  /** Every rule, in the order a quantity's variants are tried. */
  static final List<MisconceptionRule> RULES = List.of(new CellStateErrorWithoutForgetPath(),
      new OutputGateAndTanhDerivativeSplit(), new SigmoidDerivativeAsTanh(), new UpdateGateSwapped(),
      new ResetBeforeRecurrentWeights(), new TanhDerivativeFromPreactivation(),
      new ActivationDerivativeOmitted(), new CurrentStateForRecurrentGradient(), new MissingFutureError(),
      new DerivativeOutsideRecursion(), new MeanVersusSum(), new SquaredErrorFactor(),
      new SoftmaxGradientWithoutTarget(), new UpdateSign(), new NoLearningRate(), new SwappedWeights(),
      new SignFlipped(), new TransposedMatrix(), new FullGradientForTruncated(), new UnclippedGradientForClipped());

  /** The gradients summed over steps whose mean-for-sum slip is diagnosed: every trained parameter's, and h0's. */
  static final Set<String> GRADIENT_SUMS = gradientSums();

  private static Set<String> gradientSums() {
    Set<String> names = new java.util.TreeSet<>(Set.of("h0"));
    for (org.bptt.grader.exercise.Parameter parameter : org.bptt.grader.exercise.Parameter.values()) {
      if (parameter.isTrained()) {
        names.add(parameter.canonicalName());
      }
    }
    return Set.copyOf(names);
  }

  private final Exercise exercise;
  private final QuantityGraph graph;

  public MisconceptionLibrary(Exercise exercise, QuantityGraph graph) {
    this.exercise = exercise;
    this.graph = graph;
  }

  public List<Variant> variantsFor(String name) {
    Quantity quantity = graph.quantity(name).orElseThrow();
    VariantContext context = new VariantContext(exercise, graph, quantity);
    List<Variant> variants = new ArrayList<>();
    for (MisconceptionRule rule : RULES) {
      for (Derivation derivation : rule.variants(context)) {
        variants.add(new Variant(rule.misconception(), derivation));
      }
    }
    return variants;
  }

  /** Whether the quantity is a parameter after the update, θ − η dL/dθ. */
  static boolean isUpdate(VariantContext quantity) {
    QuantityId id = quantity.id();
    return id.scope() == QuantityId.Scope.UPDATED && id.role() == QuantityId.Role.PARAMETER && id.sequence() == 0
        && GRADIENT_SUMS.contains(id.parameter()) && !id.parameter().equals("h0");
  }

  /** An update's expression taken with another learning rate, for the update misconceptions. */
  static List<Derivation> updateWithRate(VariantContext quantity, Misconception misconception, double rate) {
    if (!isUpdate(quantity)) {
      return List.of();
    }
    return quantity.expression()
        .map(expression -> quantity.rewritten(misconception.title(), ExpressionRewrites.updateRate(expression, rate)))
        .orElse(List.of());
  }
}
