package org.bptt.grader.exercise;

/** The network's architecture: sizes, activation, output function and which biases exist. */
public record ModelSpec(
    ModelKind kind,
    int inputSize,
    int hiddenSize,
    int outputSize,
    Activation hiddenActivation,
    OutputFunction output,
    boolean hiddenBias,
    boolean outputBias) {

  public ModelSpec {
    if (kind == null || hiddenActivation == null || output == null) {
      throw new IllegalArgumentException("model: kind, hidden activation and output are required");
    }
    if (inputSize < 1 || hiddenSize < 1 || outputSize < 1) {
      throw new IllegalArgumentException(
          "model: sizes must be positive, got input " + inputSize + ", hidden " + hiddenSize + ", output " + outputSize);
    }
    if (output == OutputFunction.NONE && outputSize != hiddenSize) {
      throw new IllegalArgumentException(
          "model: with output none the prediction is h[t], so output size must equal hidden size "
              + hiddenSize + ", got " + outputSize);
    }
    if (output == OutputFunction.NONE && outputBias) {
      throw new IllegalArgumentException("model: output none has no output layer, so it cannot have an output bias");
    }
  }

  /** The size of the prediction y[t]. */
  public int predictionSize() {
    return output.hasOutputLayer() ? outputSize : hiddenSize;
  }
}
