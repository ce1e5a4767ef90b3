package org.bptt.grader.exercise;

/** How the prediction y[t] is made from the hidden state. */
public enum OutputFunction {
  /** y[t] = o[t] = W_hy h[t] + b_y. */
  LINEAR("linear"),
  /** y[t] = softmax(o[t]). */
  SOFTMAX("softmax"),
  /** No output layer: the prediction is the hidden state itself, y[t] = h[t] (seed 004). */
  NONE("none");

  private final String yamlName;

  OutputFunction(String yamlName) {
    this.yamlName = yamlName;
  }

  public String yamlName() {
    return yamlName;
  }

  public boolean hasOutputLayer() {
    return this != NONE;
  }
}
