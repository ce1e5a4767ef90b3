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
}
