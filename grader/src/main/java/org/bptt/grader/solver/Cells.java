package org.bptt.grader.solver;

import org.bptt.grader.exercise.ModelSpec;

/** The cells the solver knows, by model kind. */
public final class Cells {

  private Cells() {}

  /** The cell of a model; fails for a kind no cell implements yet (the loader rejects those first). */
  public static Cell of(ModelSpec model) {
    return switch (model.kind()) {
      case ELMAN -> new ElmanCell(model);
      default -> throw new IllegalArgumentException("model kind " + model.kind().yamlName() + " has no cell yet");
    };
  }
}
