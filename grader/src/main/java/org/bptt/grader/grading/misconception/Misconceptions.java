package org.bptt.grader.grading.misconception;

import java.util.List;

/** The diagnosed mistakes, by name; each is defined, with where it applies, in its own rule class. */
public final class Misconceptions {

  private Misconceptions() {}

  public static final Misconception CELL_STATE_ERROR_WITHOUT_FORGET_PATH = CellStateErrorWithoutForgetPath.MISCONCEPTION;

  public static final Misconception CELL_STATE_ERROR_HALF_OF_H_PATH = OutputGateAndTanhDerivativeSplit.MISCONCEPTION;

  public static final Misconception SIGMOID_DERIVATIVE_AS_TANH = SigmoidDerivativeAsTanh.MISCONCEPTION;

  public static final Misconception UPDATE_GATE_SWAPPED = UpdateGateSwapped.MISCONCEPTION;

  public static final Misconception RESET_BEFORE_RECURRENT_WEIGHTS = ResetBeforeRecurrentWeights.MISCONCEPTION;

  public static final Misconception TANH_DERIVATIVE_FROM_PREACTIVATION = TanhDerivativeFromPreactivation.MISCONCEPTION;

  public static final Misconception ACTIVATION_DERIVATIVE_OMITTED = ActivationDerivativeOmitted.MISCONCEPTION;

  public static final Misconception CURRENT_STATE_FOR_RECURRENT_GRADIENT = CurrentStateForRecurrentGradient.MISCONCEPTION;

  public static final Misconception MISSING_FUTURE_ERROR = MissingFutureError.MISCONCEPTION;

  public static final Misconception DERIVATIVE_OUTSIDE_RECURSION = DerivativeOutsideRecursion.MISCONCEPTION;

  public static final Misconception MEAN_VERSUS_SUM = MeanVersusSum.MISCONCEPTION;

  public static final Misconception SQUARED_ERROR_FACTOR = SquaredErrorFactor.MISCONCEPTION;

  public static final Misconception SOFTMAX_GRADIENT_WITHOUT_TARGET = SoftmaxGradientWithoutTarget.MISCONCEPTION;

  public static final Misconception UPDATE_SIGN = UpdateSign.MISCONCEPTION;

  public static final Misconception NO_LEARNING_RATE = NoLearningRate.MISCONCEPTION;

  public static final Misconception SWAPPED_WEIGHTS = SwappedWeights.MISCONCEPTION;

  public static final Misconception SIGN_FLIPPED = SignFlipped.MISCONCEPTION;

  public static final Misconception TRANSPOSED_MATRIX = TransposedMatrix.MISCONCEPTION;

  public static final Misconception FULL_GRADIENT_FOR_TRUNCATED = FullGradientForTruncated.MISCONCEPTION;

  public static final Misconception UNCLIPPED_GRADIENT_FOR_CLIPPED = UnclippedGradientForClipped.MISCONCEPTION;

  /** Every misconception, in the order a quantity's variants are tried (the first that matches is named). */
  public static final List<Misconception> ALL = MisconceptionLibrary.RULES.stream().map(MisconceptionRule::misconception)
      .toList();
}
