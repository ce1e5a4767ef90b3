package org.bptt.grader.solver;

import org.bptt.grader.exercise.Activation;
import org.bptt.grader.exercise.LossSpec;
import org.bptt.grader.value.Shape;
import org.bptt.grader.value.Tensor;

/**
 * The numerical primitives the expressions and the loss's nodes are built from: an activation and
 * its derivative, softmax, the per-step loss and its gradient at the output, and the local
 * sensitivity of forward-in-time gradients. The model's equations themselves are expressions
 * ({@link Expression}), written once where the cell declares its nodes.
 */
public final class Formulas {

  private Formulas() {}

  /** h[t] = f(a[t]). */
  public static Tensor activate(Activation activation, Tensor preactivation) {
    return asVector(preactivation).map(activation::apply);
  }

  /** f'(a[t]) element-wise, from a[t] and h[t]. */
  public static Tensor activationDerivative(Activation activation, Tensor preactivation, Tensor hidden) {
    double[] derivative = new double[preactivation.size()];
    for (int i = 0; i < derivative.length; i++) {
      derivative[i] = activation.derivative(preactivation.at(i), hidden.at(i));
    }
    return Tensor.vector(derivative);
  }

  /** softmax(o), shifted by max(o) so that large logits do not overflow. */
  public static Tensor softmax(Tensor logits) {
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < logits.size(); i++) {
      max = Math.max(max, logits.at(i));
    }
    double[] exponentials = new double[logits.size()];
    double total = 0;
    for (int i = 0; i < exponentials.length; i++) {
      exponentials[i] = Math.exp(logits.at(i) - max);
      total += exponentials[i];
    }
    for (int i = 0; i < exponentials.length; i++) {
      exponentials[i] /= total;
    }
    return Tensor.vector(exponentials);
  }

  /** The per-step loss L[t]: scale * sum (y - target)^2, or -sum target ln y. */
  public static double stepLoss(LossSpec loss, Tensor prediction, Tensor target) {
    double total = 0;
    for (int k = 0; k < prediction.size(); k++) {
      if (loss.kind() == LossSpec.Kind.SQUARED_ERROR) {
        double difference = prediction.at(k) - target.at(k);
        total += loss.scale() * difference * difference;
      } else if (target.at(k) != 0) {
        total -= target.at(k) * Math.log(prediction.at(k));
      }
    }
    return total;
  }

  /** dL[t]/dy[t] for the unweighted per-step loss (squared error only: 2 * scale * (y - target)). */
  public static Tensor squaredErrorGradient(LossSpec loss, Tensor prediction, Tensor target) {
    return asVector(prediction).minus(asVector(target)).scale(2 * loss.scale());
  }

  /**
   * dL[t]/do[t] for the unweighted per-step loss. Linear output: 2 * scale * (y - target).
   * Softmax with cross-entropy: y * sum(target) - target, which is y - target for a one-hot
   * target. Softmax with squared error: the softmax Jacobian applied to dL[t]/dy[t].
   */
  public static Tensor outputError(LossSpec loss, boolean softmax, Tensor prediction, Tensor target) {
    if (!softmax) {
      return squaredErrorGradient(loss, prediction, target);
    }
    Tensor y = asVector(prediction);
    if (loss.kind() == LossSpec.Kind.CROSS_ENTROPY) {
      return y.scale(target.sum()).minus(asVector(target));
    }
    Tensor upstream = squaredErrorGradient(loss, prediction, target);
    double projection = y.dot(upstream);
    return y.hadamard(upstream.map(value -> value - projection));
  }

  /**
   * The local sensitivity of h[t] to a weight matrix with h[t-1] held fixed: dh[t]/dvec(W), an
   * H x (H*n) matrix with entry (i, i*n + j) = f'(a[t])_i * source_j, where source is x[t] for
   * W_xh and h[t-1] for W_hh. With a null source it is the bias: diag(f'(a[t])).
   */
  public static Tensor localSensitivity(Activation activation, Tensor preactivation, Tensor hidden, Tensor source) {
    Tensor derivative = activationDerivative(activation, preactivation, hidden);
    if (source == null) {
      return derivative.diagonal();
    }
    int hiddenSize = derivative.size();
    int width = source.size();
    double[] values = new double[hiddenSize * hiddenSize * width];
    int columns = hiddenSize * width;
    for (int i = 0; i < hiddenSize; i++) {
      for (int j = 0; j < width; j++) {
        values[i * columns + i * width + j] = derivative.at(i) * source.at(j);
      }
    }
    return Tensor.of(Shape.matrix(hiddenSize, columns), values);
  }

  /** A vector's entries, whatever shape it was given in (a 1x1 matrix, a scalar). */
  public static Tensor asVector(Tensor tensor) {
    return tensor.shape().kind() == Shape.Kind.VECTOR ? tensor : tensor.reshape(Shape.vector(tensor.size()));
  }
}
