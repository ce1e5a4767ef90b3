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
      case RELU -> preactivation > DECIMAL_ZERO ? preactivation : 0;
      case LINEAR -> preactivation;
    };
  }

  /**
   * A pre-activation this close to 0 is 0: data written with a few decimals that cancel (-0.9·0.1 +
   * 0.9·0.2 - 0.3·0.3) leave a binary residue such as 1.4e-17, which a person working on paper
   * writes as 0.
   */
  public static final double DECIMAL_ZERO = 1e-12;

  /**
   * f'(a), written with the activation's output h = f(a) where that is how it is taught (1 - h^2
   * for tanh, h(1 - h) for sigmoid). ReLU's derivative at 0 (within {@link #DECIMAL_ZERO}) is 0.
   */
  public double derivative(double preactivation, double activation) {
    return switch (this) {
      case TANH -> 1 - activation * activation;
      case SIGMOID -> activation * (1 - activation);
      case RELU -> preactivation > DECIMAL_ZERO ? 1 : 0;
      case LINEAR -> 1;
    };
  }
}
