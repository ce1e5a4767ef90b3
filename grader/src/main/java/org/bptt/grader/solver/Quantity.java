package org.bptt.grader.solver;

import java.util.List;

/**
 * A node of the solution graph: a canonical name, the stage it belongs to, what it means, and
 * how it is computed from earlier nodes. Given values have no inputs.
 */
public record Quantity(String name, Stage stage, String meaning, List<Derivation> derivations) {

  public Quantity {
    derivations = List.copyOf(derivations);
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("quantity: name is required");
    }
    if (derivations.isEmpty()) {
      throw new IllegalArgumentException("quantity " + name + ": expected at least one derivation");
    }
  }

  /** The derivation the reference solution follows. */
  public Derivation main() {
    return derivations.get(0);
  }

  /** The names of the nodes the main derivation reads. */
  public List<String> inputs() {
    return main().inputs();
  }

  public boolean isGiven() {
    return stage == Stage.GIVEN;
  }
}
