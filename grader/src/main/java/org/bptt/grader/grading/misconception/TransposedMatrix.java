package org.bptt.grader.grading.misconception;

import java.util.List;
import org.bptt.grader.solver.Derivation;
import org.bptt.grader.value.Tensor;
import org.bptt.grader.value.Value;

/** A square matrix written with its rows and columns exchanged: dL/dW as x dL/da^T instead of dL/da x^T. */
final class TransposedMatrix extends MisconceptionRule {

  static final Misconception MISCONCEPTION = new Misconception(
      "transposed-matrix", "rows and columns exchanged",
      "This matches the right matrix transposed: entry (i, j) belongs at (j, i). In a gradient dL/da[t] x[t]^T "
          + "the error's entries run down the rows and the input's across the columns.");

  TransposedMatrix() {
    super(MISCONCEPTION);
  }

  @Override
  public List<Derivation> variants(VariantContext quantity) {
    Value reference = quantity.graph().value(quantity.id().toString());
    if (!(reference instanceof Tensor matrix) || matrix.rows() != matrix.columns() || matrix.rows() < 2) {
      return List.of();
    }
    Derivation main = quantity.main();
    return quantity.variant(MISCONCEPTION.title(), main.inputs(),
        values -> ((Tensor) main.formula().compute(values)).transpose());
  }
}
