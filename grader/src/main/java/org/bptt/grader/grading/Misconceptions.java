package org.bptt.grader.grading;

import java.util.List;

/** The library of diagnosed mistakes (see {@link MisconceptionLibrary} for where each applies). */
public final class Misconceptions {

  private Misconceptions() {}

  public static final Misconception TANH_DERIVATIVE_FROM_PREACTIVATION = new Misconception(
      "tanh-derivative-from-preactivation", "tanh' evaluated at the pre-activation",
      "This matches 1 - a[t]^2: the derivative of tanh is 1 - tanh(a)^2 = 1 - h[t]^2, so square the hidden "
          + "state h[t], not the pre-activation a[t].");

  public static final Misconception ACTIVATION_DERIVATIVE_OMITTED = new Misconception(
      "activation-derivative-omitted", "f'(a[t]) left out",
      "This matches dL/dh[t] itself: the error at the pre-activation needs the activation's derivative, "
          + "dL/da[t] = dL/dh[t] * f'(a[t]).");

  public static final Misconception MISSING_FUTURE_ERROR = new Misconception(
      "missing-future-error", "error from t+1 left out",
      "This matches the error from step t's own output alone: h[t] also feeds h[t+1], so dL/dh[t] must add "
          + "W_hh^T dL/da[t+1], the error coming back from the next step.");

  public static final Misconception DERIVATIVE_OUTSIDE_RECURSION = new Misconception(
      "derivative-outside-recursion", "error from t+1 added after f'(a[t])",
      "This matches multiplying only the output's error by f'(a[t]) and adding W_hh^T dL/da[t+1] afterwards: "
          + "add the error from t+1 to dL/dh[t] first, then multiply the total by f'(a[t]).");

  public static final Misconception SIGN_FLIPPED = new Misconception(
      "sign-flipped", "sign flipped",
      "This matches the right value with the opposite sign: the loss gradient at the output is y - target "
          + "(prediction minus target), not target - y; seed 001's formula writes (y_t - y_hat_t) the wrong way round.");

  public static final Misconception SQUARED_ERROR_FACTOR = new Misconception(
      "squared-error-factor", "factor 2 or 1/2 of the squared error",
      "This is off by a factor of 2: with L = 1/2 (y - target)^2 the derivative is (y - target), with "
          + "L = (y - target)^2 it is 2 (y - target). Check which scale the exercise's loss uses.");

  public static final Misconception MEAN_VERSUS_SUM = new Misconception(
      "mean-vs-sum", "mean and sum confused",
      "This is off by the number of terms averaged: the exercise's loss is a sum where you took a mean, or a "
          + "mean where you took a sum (over time steps or over sequences); the 1/n carries into every gradient.");

  public static final Misconception CURRENT_STATE_FOR_RECURRENT_GRADIENT = new Misconception(
      "current-state-for-recurrent-gradient", "h[t] used where h[t-1] belongs",
      "This matches dL/da[t] h[t]^T: W_hh multiplies the previous state in a[t] = W_xh x[t] + W_hh h[t-1], "
          + "so its gradient at step t is dL/da[t] h[t-1]^T.");

  public static final Misconception UPDATE_SIGN = new Misconception(
      "update-sign", "moved up the gradient",
      "This matches θ + η g: gradient descent steps against the gradient, θ - η dL/dθ.");

  public static final Misconception NO_LEARNING_RATE = new Misconception(
      "no-learning-rate", "learning rate left out",
      "This matches θ - g: the step is the gradient scaled by the learning rate, θ - η dL/dθ.");

  public static final Misconception SOFTMAX_GRADIENT_WITHOUT_TARGET = new Misconception(
      "softmax-gradient-without-target", "target not subtracted",
      "This matches the softmax output alone: for softmax with cross-entropy the output error is y[t] - target, "
          + "so subtract the one-hot target.");

  public static final Misconception SWAPPED_WEIGHTS = new Misconception(
      "swapped-weights", "input and recurrent weights exchanged",
      "This matches the input and recurrent weights exchanged: W_xh multiplies the input x[t], W_hh the "
          + "previous state h[t-1] (check the document's names for them).");

  public static final List<Misconception> ALL = List.of(TANH_DERIVATIVE_FROM_PREACTIVATION,
      ACTIVATION_DERIVATIVE_OMITTED, MISSING_FUTURE_ERROR, DERIVATIVE_OUTSIDE_RECURSION, SIGN_FLIPPED,
      SQUARED_ERROR_FACTOR, MEAN_VERSUS_SUM, CURRENT_STATE_FOR_RECURRENT_GRADIENT, UPDATE_SIGN, NO_LEARNING_RATE,
      SOFTMAX_GRADIENT_WITHOUT_TARGET, SWAPPED_WEIGHTS);
}
