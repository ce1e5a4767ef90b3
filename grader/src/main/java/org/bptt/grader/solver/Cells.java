package org.bptt.grader.solver;

import org.bptt.grader.exercise.ModelSpec;

/** The cells the solver knows, by model kind. */
public final class Cells {

  private Cells() {}

  /** The cell of a model. */
  public static Cell of(ModelSpec model) {
    return switch (model.kind()) {
      case ELMAN -> new ElmanCell(model);
      case LSTM -> new LstmCell(model);
      case GRU -> new GruCell(model);
    };
  }
}
