package org.bptt.grader.solver;

import org.bptt.grader.exercise.Activation;
import org.bptt.grader.exercise.LossSpec;
import org.bptt.grader.value.Shape;
import org.bptt.grader.value.Tensor;

/**
 * The Elman network's equations as small pure functions, one per textbook formula, so that the
 * graph's nodes (and the grader's variants of them) read like the equations they implement.
 */
public final class Formulas {

  private Formulas() {}

  /** a[t] = W_xh x[t] + W_hh h[t-1] (+ b_h). {@code bias} may be null. */
  public static Tensor preactivation(Tensor inputWeights, Tensor input, Tensor recurrentWeights, Tensor previous, Tensor bias) {
    Tensor sum = inputWeights.times(asVector(input)).plus(recurrentWeights.times(asVector(previous)));
    return bias == null ? sum : sum.plus(asVector(bias));
  }

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

  /** o[t] = W_hy h[t] (+ b_y). {@code bias} may be null. */
  public static Tensor outputPreactivation(Tensor outputWeights, Tensor hidden, Tensor bias) {
    Tensor product = outputWeights.times(asVector(hidden));
    return bias == null ? product : product.plus(asVector(bias));
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

  /** dL/dh[t] = W_hy^T dL/do[t] + W_hh^T dL/da[t+1}; either part may be null (absent). */
  public static Tensor hiddenError(Tensor outputWeights, Tensor outputError, Tensor recurrentWeights, Tensor nextPreactivationError, int hiddenSize) {
    Tensor total = Tensor.zeros(Shape.vector(hiddenSize));
    if (outputError != null) {
      total = total.plus(outputWeights == null ? asVector(outputError) : outputWeights.transpose().times(asVector(outputError)));
    }
    if (nextPreactivationError != null) {
      total = total.plus(recurrentWeights.transpose().times(asVector(nextPreactivationError)));
    }
    return total;
  }

  /** dL/da[t] = dL/dh[t] ⊙ f'(a[t]). */
  public static Tensor preactivationError(Activation activation, Tensor hiddenError, Tensor preactivation, Tensor hidden) {
    return asVector(hiddenError).hadamard(activationDerivative(activation, preactivation, hidden));
  }

  /** The local Jacobian dh[t]/dh[t-1] = diag(f'(a[t])) W_hh. */
  public static Tensor localJacobian(Activation activation, Tensor preactivation, Tensor hidden, Tensor recurrentWeights) {
    return activationDerivative(activation, preactivation, hidden).diagonal().times(recurrentWeights);
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
