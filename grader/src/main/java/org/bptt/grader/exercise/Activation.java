package org.bptt.grader.exercise;

/** The hidden activation f in h[t] = f(a[t]). */
public enum Activation {
  TANH("tanh"),
  SIGMOID("sigmoid"),
  RELU("relu"),
  LINEAR("linear");

  private final String yamlName;

  Activation(String yamlName) {
    this.yamlName = yamlName;
  }

  public String yamlName() {
    return yamlName;
  }

  public double apply(double preactivation) {
    return switch (this) {
      case TANH -> Math.tanh(preactivation);
      case SIGMOID -> 1 / (1 + Math.exp(-preactivation));
      case RELU -> Math.max(0, preactivation);
      case LINEAR -> preactivation;
    };
  }

  /**
   * f'(a), written with the activation's output h = f(a) where that is how it is taught (1 - h^2
   * for tanh, h(1 - h) for sigmoid). ReLU's derivative at exactly 0 is taken as 0.
   */
  public double derivative(double preactivation, double activation) {
    return switch (this) {
      case TANH -> 1 - activation * activation;
      case SIGMOID -> activation * (1 - activation);
      case RELU -> preactivation > 0 ? 1 : 0;
      case LINEAR -> 1;
    };
  }
}
