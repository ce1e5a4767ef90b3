package org.bptt.grader.exercise;

import org.bptt.grader.value.Shape;

/** The Elman network's given values, by role, with their canonical names and shapes. */
public enum Parameter {
  /** Input to hidden, H x I. */
  W_XH("W_xh"),
  /** Hidden to hidden (recurrent), H x H. */
  W_HH("W_hh"),
  /** Hidden bias, H. */
  B_H("b_h"),
  /** Hidden to output, O x H. */
  W_HY("W_hy"),
  /** Output bias, O. */
  B_Y("b_y"),
  /** Initial hidden state, H. Given, not trained. */
  H0("h0");

  private final String canonicalName;

  Parameter(String canonicalName) {
    this.canonicalName = canonicalName;
  }

  public String canonicalName() {
    return canonicalName;
  }

  /** Whether the model has this parameter at all (biases can be switched off, the output layer too). */
  public boolean existsIn(ModelSpec model) {
    return switch (this) {
      case W_XH, W_HH, H0 -> true;
      case B_H -> model.hiddenBias();
      case W_HY -> model.output().hasOutputLayer();
      case B_Y -> model.output().hasOutputLayer() && model.outputBias();
    };
  }

  /** Whether gradient descent updates it: every weight and bias, but not the initial state. */
  public boolean isTrained() {
    return this != H0;
  }

  public Shape shapeIn(ModelSpec model) {
    int inputs = model.inputSize();
    int hidden = model.hiddenSize();
    int outputs = model.outputSize();
    return switch (this) {
      case W_XH -> Shape.matrix(hidden, inputs);
      case W_HH -> Shape.matrix(hidden, hidden);
      case B_H, H0 -> Shape.vector(hidden);
      case W_HY -> Shape.matrix(outputs, hidden);
      case B_Y -> Shape.vector(outputs);
    };
  }

  public static Parameter byCanonicalName(String name) {
    for (Parameter parameter : values()) {
      if (parameter.canonicalName.equals(name)) {
        return parameter;
      }
    }
    return null;
  }
}
