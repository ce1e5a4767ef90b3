package org.bptt.grader.grading.misconception;

import java.util.ArrayList;
import java.util.List;
import org.bptt.grader.solver.Derivation;
import org.bptt.grader.solver.Expression;

/**
 * The LSTM's path from h[t] to c[t], og[t] ⊙ tanh'(c[t]), with one of its two factors left out:
 * tanh'(c[t]) without the output gate, or the output gate without tanh'(c[t]).
 */
final class OutputGateAndTanhDerivativeSplit extends MisconceptionRule {

  static final Misconception MISCONCEPTION = new Misconception(
      "cell-state-error-half-of-h-path", "og[t] or tanh'(c[t]) left out of dL/dc[t]",
      "This matches the error from h[t] reaching c[t] through only one of its two factors: h[t] = og[t] * "
          + "tanh(c[t]), so dL/dh[t] reaches c[t] multiplied by both the output gate og[t] and tanh'(c[t]) "
          + "= 1 - tanh(c[t])^2.");

  OutputGateAndTanhDerivativeSplit() {
    super(MISCONCEPTION);
  }

  @Override
  public List<Derivation> variants(VariantContext quantity) {
    if (!quantity.plain() || !quantity.isCellError("c")) {
      return List.of();
    }
    String gate = quantity.at("og", quantity.id().step());
    List<Derivation> variants = new ArrayList<>();
    variants.addAll(quantity.rewrittenExpression(MISCONCEPTION.title() + " (without og[t])",
        expression -> ExpressionRewrites.dropFactor(expression,
            factor -> factor instanceof Expression.Ref ref && ref.name().equals(gate))));
    variants.addAll(quantity.rewrittenExpression(MISCONCEPTION.title() + " (without tanh'(c[t]))",
        expression -> ExpressionRewrites.dropFactor(expression, factor -> factor instanceof Expression.OneMinusSquare)));
    return variants;
  }
}
