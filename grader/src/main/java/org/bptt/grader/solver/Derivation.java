package org.bptt.grader.solver;

import java.util.List;
import java.util.function.Function;
import org.bptt.grader.value.Value;

/**
 * One way to compute a quantity from other quantities. A quantity has a main derivation and may
 * have others that a worked document could follow instead (seed 002 sums the per-step losses'
 * gradients where BPTT sums per-step contributions); all give the same value on reference inputs.
 */
public record Derivation(String description, List<String> inputs, Formula formula) {

  public Derivation {
    inputs = List.copyOf(inputs);
    if (formula == null) {
      throw new IllegalArgumentException("derivation: formula is required");
    }
  }

  /** Computes the value with inputs taken from {@code lookup}. */
  public Value compute(String quantity, Function<String, Value> lookup) {
    return formula.compute(new Inputs(quantity, inputs, lookup));
  }
}
