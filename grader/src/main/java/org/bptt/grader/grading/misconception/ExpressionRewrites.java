package org.bptt.grader.grading.misconception;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bptt.grader.exercise.Activation;
import org.bptt.grader.solver.Expression;
import org.bptt.grader.solver.QuantityGraph;

/**
 * The mistakes a student makes in a formula, as rewrites of the formula's expression: the right
 * formula is written once in the solver, and each misconception's version is derived from it.
 * Each rewrite returns empty where the mistake cannot be made (nothing to drop, nothing to swap).
 */
final class ExpressionRewrites {

  private ExpressionRewrites() {}

  /** Two quantities read in each other's place: W_hh for W_xh, x[t] for h[t-1]. */
  static Optional<Expression> swap(Expression expression, String first, String second) {
    List<String> references = expression.references();
    if (!references.contains(first) && !references.contains(second)) {
      return Optional.empty();
    }
    return Optional.of(expression.rewrite(node -> {
      if (node instanceof Expression.Ref ref && ref.name().equals(first)) {
        return new Expression.Ref(second);
      }
      if (node instanceof Expression.Ref ref && ref.name().equals(second)) {
        return new Expression.Ref(first);
      }
      return node;
    }));
  }

  /** One quantity read where another belongs: h[t] for h[t-1]. */
  static Optional<Expression> replace(Expression expression, String wrong, String right) {
    return expression.references().contains(right)
        ? Optional.of(expression.substitute(right, new Expression.Ref(wrong)))
        : Optional.empty();
  }

  /** tanh's derivative taken as 1 − a[t]² (from the pre-activation) where 1 − h[t]² belongs. */
  static Optional<Expression> derivativeFromPreactivation(Expression expression) {
    if (!expression.contains(node -> node instanceof Expression.Derivative derivative
        && derivative.activation() == Activation.TANH)) {
      return Optional.empty();
    }
    return Optional.of(expression.rewrite(node -> node instanceof Expression.Derivative derivative
        && derivative.activation() == Activation.TANH ? new Expression.OneMinusSquare(derivative.preactivation()) : node));
  }

  /** The activation's derivative left out of a product: u ⊙ f'(a) read as u. */
  static Optional<Expression> derivativeOmitted(Expression expression) {
    if (!expression.contains(ExpressionRewrites::isProductWithDerivative)) {
      return Optional.empty();
    }
    return Optional.of(expression.rewrite(node -> isProductWithDerivative(node)
        ? new Expression.AsVector(((Expression.Hadamard) node).left()) : node));
  }

  /** An input's own expression put in its place, so a rewrite can reach inside it: dL/dh[t] inside dL/da[t]. */
  static Expression inline(Expression expression, String input, QuantityGraph graph) {
    return graph.quantity(input)
        .filter(quantity -> quantity.main().formula() instanceof Expression)
        .map(quantity -> expression.substitute(input, (Expression) quantity.main().formula()))
        .orElse(expression);
  }

  /** Every sum's terms that read {@code name} left out: the error from t+1 forgotten. */
  static Optional<Expression> dropTermsReading(Expression expression, String name) {
    if (!expression.contains(node -> node instanceof Expression.Sum sum && sum.terms().stream()
        .anyMatch(term -> term.references().contains(name)))) {
      return Optional.empty();
    }
    return Optional.of(expression.rewrite(node -> node instanceof Expression.Sum sum ? sum.without(name) : node));
  }

  /**
   * (own + from t+1) ⊙ f'(a) computed as own ⊙ f'(a) + from t+1: the error arriving from the next
   * step added after the derivative instead of before it.
   */
  static Optional<Expression> termAddedOutsideProduct(Expression expression, String name) {
    if (!(expression instanceof Expression.Hadamard product) || !(product.left() instanceof Expression.Sum sum)) {
      return Optional.empty();
    }
    List<Expression> late = sum.terms().stream().filter(term -> term.references().contains(name)).toList();
    if (late.isEmpty()) {
      return Optional.empty();
    }
    List<Expression> terms = new ArrayList<>();
    terms.add(new Expression.Hadamard(sum.without(name), product.right()));
    terms.addAll(late);
    return Optional.of(new Expression.Sum(terms, 0));
  }

  /** An update taken with another rate: −η (a step up the gradient) or 1 (the learning rate left out). */
  static Optional<Expression> updateRate(Expression expression, double rate) {
    if (!expression.contains(node -> node instanceof Expression.Update)) {
      return Optional.empty();
    }
    return Optional.of(expression.rewrite(node -> node instanceof Expression.Update update
        ? new Expression.Update(update.parameter(), update.gradient(), rate) : node));
  }

  private static boolean isProductWithDerivative(Expression node) {
    return node instanceof Expression.Hadamard product && product.right() instanceof Expression.Derivative;
  }

  // --- the gated cells ---------------------------------------------------------------------

  /** A sigmoid's derivative s ⊙ (1 − s) taken as tanh's, 1 − s², in every product that has it. */
  static Optional<Expression> sigmoidDerivativeAsTanh(Expression expression) {
    if (!expression.contains(node -> node instanceof Expression.Product product && sigmoidFactor(product) >= 0)) {
      return Optional.empty();
    }
    return Optional.of(expression.rewrite(node -> {
      if (!(node instanceof Expression.Product product) || sigmoidFactor(product) < 0) {
        return node;
      }
      int gate = sigmoidFactor(product);
      Expression value = product.factors().get(gate);
      List<Expression> factors = new ArrayList<>();
      for (Expression factor : product.factors()) {
        if (factor.equals(value)) {
          factors.add(new Expression.OneMinusSquare(value));
        } else if (!factor.equals(new Expression.OneMinus(value))) {
          factors.add(factor);
        }
      }
      return factors.size() == 1 ? new Expression.AsVector(factors.get(0)) : new Expression.Product(factors);
    }));
  }

  /** The index of a factor s whose (1 − s) is also a factor, or -1. */
  private static int sigmoidFactor(Expression.Product product) {
    for (int k = 0; k < product.factors().size(); k++) {
      if (product.factors().contains(new Expression.OneMinus(product.factors().get(k)))) {
        return k;
      }
    }
    return -1;
  }

  /** One factor left out of every product that has more than it: og[t] or 1 − tanh(c[t])² forgotten. */
  static Optional<Expression> dropFactor(Expression expression, java.util.function.Predicate<Expression> factor) {
    java.util.function.Predicate<Expression> applies = node -> node instanceof Expression.Product product
        && product.factors().stream().anyMatch(factor);
    if (!expression.contains(applies)) {
      return Optional.empty();
    }
    return Optional.of(expression.rewrite(node -> applies.test(node) ? ((Expression.Product) node).without(factor) : node));
  }

  /**
   * The GRU's z and 1 − z exchanged: every z[..] read as 1 − z[..] and the other way round, and the
   * update gate's own derivative h[t-1] − n[t] read as n[t] − h[t-1], as h[t] = z n + (1 − z) h[t-1] has it.
   */
  static Optional<Expression> swapUpdateGate(Expression expression) {
    if (!expression.contains(ExpressionRewrites::isUpdateGate)) {
      return Optional.empty();
    }
    return Optional.of(swapUpdate(expression));
  }

  private static Expression swapUpdate(Expression node) {
    if (node instanceof Expression.OneMinus oneMinus && isUpdateGate(oneMinus.of())) {
      return oneMinus.of();
    }
    if (isUpdateGate(node)) {
      return new Expression.OneMinus(node);
    }
    if (node.parts().isEmpty()) {
      return node;
    }
    List<Expression> parts = new ArrayList<>();
    for (Expression part : node.parts()) {
      parts.add(swapUpdate(part));
    }
    return node.with(parts);
  }

  private static boolean isUpdateGate(Expression node) {
    return node instanceof Expression.Ref ref && org.bptt.grader.solver.QuantityId.parse(ref.name())
        .map(id -> id.role() == org.bptt.grader.solver.QuantityId.Role.CELL && "z".equals(id.parameter())).orElse(false);
  }

  /** The update gate's error written from z n + (1 − z) h[t-1]: dL/dh[t] ⊙ (n[t] − h[t-1]). */
  static Optional<Expression> swapDifferences(Expression expression) {
    if (!expression.contains(node -> node instanceof Expression.Difference)) {
      return Optional.empty();
    }
    return Optional.of(expression.rewrite(node -> node instanceof Expression.Difference difference
        ? new Expression.Difference(difference.right(), difference.left()) : node));
  }

  /**
   * The original GRU paper's candidate: the reset gate applied to h[t-1] before W_hn, W_hn (r ⊙
   * h[t-1]) + b_hn, where PyTorch's multiplies after, r ⊙ (W_hn h[t-1] + b_hn).
   */
  static Optional<Expression> resetBeforeWeights(Expression expression, String recurrentWeights) {
    java.util.function.Predicate<Expression> applies = node -> node instanceof Expression.Hadamard product
        && product.right() instanceof Expression.Sum sum && sum.terms().stream().anyMatch(term -> isProduct(term,
            recurrentWeights));
    if (!expression.contains(applies)) {
      return Optional.empty();
    }
    return Optional.of(expression.rewrite(node -> {
      if (!applies.test(node)) {
        return node;
      }
      Expression.Hadamard product = (Expression.Hadamard) node;
      List<Expression> terms = new ArrayList<>();
      for (Expression term : ((Expression.Sum) product.right()).terms()) {
        terms.add(isProduct(term, recurrentWeights) ? new Expression.MatrixTimesVector(
            ((Expression.MatrixTimesVector) term).matrix(),
            new Expression.Hadamard(product.left(), ((Expression.MatrixTimesVector) term).vector()), false) : term);
      }
      return new Expression.Sum(terms, 0);
    }));
  }

  private static boolean isProduct(Expression term, String weights) {
    return term instanceof Expression.MatrixTimesVector product && !product.transposed()
        && product.matrix() instanceof Expression.Ref ref && ref.name().equals(weights);
  }
}
