package org.bptt.grader.grading.misconception;

import java.util.List;
import org.bptt.grader.solver.Derivation;
import org.bptt.grader.solver.Expression;
import org.bptt.grader.solver.QuantityId;
import org.bptt.grader.solver.QuantityId.Role;

/** W_xh and W_hh exchanged: in a[t], in their gradients' contributions, and in the update. */
final class SwappedWeights extends MisconceptionRule {

  static final Misconception MISCONCEPTION = new Misconception(
      "swapped-weights", "input and recurrent weights exchanged",
      "This matches the input and recurrent weights exchanged: W_xh multiplies the input x[t], W_hh the "
          + "previous state h[t-1] (check the document's names for them).");

  SwappedWeights() {
    super(MISCONCEPTION);
  }

  @Override
  public List<Derivation> variants(VariantContext quantity) {
    if (!quantity.sameShapes()) {
      return List.of();
    }
    Role role = quantity.id().role();
    int t = quantity.id().step();
    if (quantity.plain() && role == Role.PREACTIVATION) {
      return quantity.expression().map(expression -> quantity.rewritten(MISCONCEPTION.title(),
          ExpressionRewrites.swap(expression, "W_xh", "W_hh"))).orElse(List.of());
    }
    if (quantity.plain() && role == Role.CONTRIBUTION) {
      String input = quantity.at("x", t);
      String previous = quantity.previousHidden(t);
      return switch (quantity.id().parameter()) {
        case "W_hh" -> quantity.expression().map(expression -> quantity.rewritten(MISCONCEPTION.title(),
            ExpressionRewrites.replace(expression, input, previous))).orElse(List.of());
        case "W_xh" -> quantity.expression().map(expression -> quantity.rewritten(MISCONCEPTION.title(),
            ExpressionRewrites.replace(expression, previous, input))).orElse(List.of());
        default -> List.of();
      };
    }
    if (MisconceptionLibrary.isUpdate(quantity)) {
      String parameter = quantity.id().parameter();
      String other = parameter.equals("W_xh") ? "W_hh" : parameter.equals("W_hh") ? "W_xh" : null;
      if (other == null) {
        return List.of();
      }
      // The gradient the update reads (full, truncated or clipped), swapped for the other weight's.
      return quantity.expression()
          .filter(expression -> expression instanceof Expression.Update update
              && update.gradient() instanceof Expression.Ref)
          .map(expression -> {
            String gradient = ((Expression.Ref) ((Expression.Update) expression).gradient()).name();
            QuantityId id = QuantityId.parse(gradient).orElseThrow();
            String swapped = new QuantityId(id.scope(), id.sequence(), id.role(), other, id.step(), id.earlier())
                .toString();
            return quantity.graph().contains(swapped)
                ? quantity.rewritten(MISCONCEPTION.title(), ExpressionRewrites.replace(expression, swapped, gradient))
                : List.<Derivation>of();
          })
          .orElse(List.of());
    }
    return List.of();
  }
}
