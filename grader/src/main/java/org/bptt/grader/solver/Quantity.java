package org.bptt.grader.solver;

import java.util.List;

/**
 * A node of the solution graph: a canonical name and the identity it spells, the stage it belongs
 * to, what it means, and how it is computed from earlier nodes. Given values have no inputs.
 */
public record Quantity(String name, QuantityId id, Stage stage, String meaning, List<Derivation> derivations) {

  public Quantity {
    derivations = List.copyOf(derivations);
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("quantity: name is required");
    }
    if (id == null || !id.toString().equals(name)) {
      throw new IllegalArgumentException("quantity " + name + ": its identity spells " + id);
    }
    if (derivations.isEmpty()) {
      throw new IllegalArgumentException("quantity " + name + ": expected at least one derivation");
    }
  }

  /** A node whose identity is read from its canonical name, once, when the graph is built. */
  public Quantity(String name, Stage stage, String meaning, List<Derivation> derivations) {
    this(name, QuantityId.parse(name).orElseThrow(
        () -> new IllegalArgumentException("quantity " + name + ": not a canonical quantity name")),
        stage, meaning, derivations);
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
