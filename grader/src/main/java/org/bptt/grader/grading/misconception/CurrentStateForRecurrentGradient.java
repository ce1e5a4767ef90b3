package org.bptt.grader.grading.misconception;

import java.util.ArrayList;
import java.util.List;
import org.bptt.grader.solver.Derivation;
import org.bptt.grader.solver.Formulas;
import org.bptt.grader.solver.QuantityId.Role;
import org.bptt.grader.value.Tensor;

/** h[t] where h[t-1] belongs in W_hh's gradient: in each step's contribution and in the sum over steps. */
final class CurrentStateForRecurrentGradient extends MisconceptionRule {

  static final Misconception MISCONCEPTION = new Misconception(
      "current-state-for-recurrent-gradient", "h[t] used where h[t-1] belongs",
      "This matches dL/da[t] h[t]^T: W_hh multiplies the previous state in a[t] = W_xh x[t] + W_hh h[t-1], "
          + "so its gradient at step t is dL/da[t] h[t-1]^T.");

  CurrentStateForRecurrentGradient() {
    super(MISCONCEPTION);
  }

  @Override
  public List<Derivation> variants(VariantContext quantity) {
    if (!quantity.plain() || !"W_hh".equals(quantity.id().parameter())) {
      return List.of();
    }
    int t = quantity.id().step();
    if (quantity.id().role() == Role.CONTRIBUTION) {
      return quantity.expression().map(expression -> quantity.rewritten(MISCONCEPTION.title(),
          ExpressionRewrites.replace(expression, quantity.at("h", t), quantity.previousHidden(t)))).orElse(List.of());
    }
    if (quantity.id().role() != Role.GRADIENT) {
      return List.of();
    }
    List<String> inputs = new ArrayList<>();
    int sequences = quantity.exercise().sequences().size();
    for (int s = 1; s <= sequences; s++) {
      String sequence = quantity.exercise().isBatch() ? "s" + s + "." : "";
      if (!quantity.prefix().isEmpty() && !quantity.prefix().equals(sequence)) {
        continue;
      }
      for (int step = 1; quantity.graph().contains(sequence + "dL/da[" + step + "]"); step++) {
        inputs.add(sequence + "dL/da[" + step + "]");
        inputs.add(sequence + "h[" + step + "]");
      }
    }
    Tensor zero = Tensor.zeros(((Tensor) quantity.graph().value("W_hh")).shape());
    return quantity.variant(MISCONCEPTION.title(), inputs, values -> {
      Tensor total = zero;
      for (int i = 0; i < inputs.size(); i += 2) {
        total = total.plus(Formulas.asVector(values.tensor(inputs.get(i))).outer(values.tensor(inputs.get(i + 1))));
      }
      return total;
    });
  }
}
