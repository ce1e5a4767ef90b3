package org.bptt.grader.solver;

import java.util.ArrayList;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.bptt.grader.exercise.Activation;
import org.bptt.grader.exercise.Clipping;
import org.bptt.grader.exercise.Exercise;
import org.bptt.grader.exercise.LossSpec;
import org.bptt.grader.exercise.ModelKind;
import org.bptt.grader.exercise.ModelSpec;
import org.bptt.grader.exercise.Notation;
import org.bptt.grader.exercise.OutputFunction;
import org.bptt.grader.exercise.Parameter;
import org.bptt.grader.exercise.SequenceData;
import org.bptt.grader.exercise.TrainingSpec;
import org.bptt.grader.value.Shape;
import org.bptt.grader.value.Tensor;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Random small Elman exercises for the solver's gradient tests, one per seed index, so that a
 * failing parameterized test names a configuration that can be rebuilt with {@link #exercise(int)}.
 *
 * <p>The activation and the output function cycle with the seed (every pair appears 20 times in
 * {@link #COUNT} seeds); everything else is drawn from {@code new Random(SEED_BASE + seed)}: sizes
 * 1..5, biases on or off, the loss kind and scale valid for the output, sum or mean over time and
 * over sequences, all steps or the last, 1..3 sequences of 1..5 steps each (lengths drawn
 * independently), parameters, h0 and inputs uniform in [-1, 1], and truncation and clipping
 * present or absent. For ReLU a configuration with a pre-activation within {@link #RELU_MARGIN}
 * of 0 is redrawn, since the derivative jumps there.
 *
 * <p>The class also holds a forward pass written independently of the solver (plain arrays), used
 * to check {@code ReferenceSolver.lossOf} and ReLU's activation pattern.
 */
final class RandomExercises {

  /** How many seeded configurations the parameterized tests run. */
  static final int COUNT = 240;

  /** ReLU configurations keep every pre-activation at least this far from the kink at 0. */
  static final double RELU_MARGIN = 1e-3;

  private static final long SEED_BASE = 20_240_601L;
  private static final Activation[] ACTIVATIONS = Activation.values();
  private static final OutputFunction[] OUTPUTS = OutputFunction.values();

  private RandomExercises() {}

  /** (seed, description) for every configuration, for {@code @MethodSource}. */
  static Stream<Arguments> configurations() {
    return IntStream.range(0, COUNT).mapToObj(seed -> Arguments.of(seed, describe(exercise(seed))));
  }

  /** The configuration of a seed index; the same index always gives the same exercise. */
  static Exercise exercise(int seed) {
    Random random = new Random(SEED_BASE + seed);
    Activation activation = ACTIVATIONS[seed % ACTIVATIONS.length];
    OutputFunction output = OUTPUTS[(seed / ACTIVATIONS.length) % OUTPUTS.length];
    for (int attempt = 0; attempt < 10_000; attempt++) {
      Exercise exercise = draw(random, seed, activation, output);
      if (activation != Activation.RELU || minAbsPreactivation(exercise) >= RELU_MARGIN) {
        return exercise;
      }
    }
    throw new IllegalStateException("seed " + seed + ": no ReLU configuration away from the kink");
  }

  private static Exercise draw(Random random, int seed, Activation activation, OutputFunction output) {
    int inputSize = 1 + random.nextInt(5);
    int hiddenSize = 1 + random.nextInt(5);
    int outputSize = output == OutputFunction.NONE ? hiddenSize : 1 + random.nextInt(5);
    boolean hiddenBias = random.nextBoolean();
    boolean outputBias = output != OutputFunction.NONE && random.nextBoolean();
    ModelSpec model = new ModelSpec(ModelKind.ELMAN, inputSize, hiddenSize, outputSize, activation, output,
        hiddenBias, outputBias);

    boolean crossEntropy = output == OutputFunction.SOFTMAX && random.nextBoolean();
    LossSpec loss = new LossSpec(
        crossEntropy ? LossSpec.Kind.CROSS_ENTROPY : LossSpec.Kind.SQUARED_ERROR,
        crossEntropy ? 1.0 : (random.nextBoolean() ? 0.5 : 1.0),
        random.nextBoolean() ? LossSpec.Reduction.SUM : LossSpec.Reduction.MEAN,
        random.nextBoolean() ? LossSpec.Reduction.SUM : LossSpec.Reduction.MEAN,
        random.nextBoolean() ? LossSpec.Steps.ALL : LossSpec.Steps.LAST);

    int sequenceCount = 1 + random.nextInt(3);
    List<SequenceData> sequences = new ArrayList<>();
    for (int s = 0; s < sequenceCount; s++) {
      int length = 1 + random.nextInt(5);
      List<Tensor> inputs = new ArrayList<>();
      for (int t = 0; t < length; t++) {
        inputs.add(uniform(random, Shape.vector(inputSize)));
      }
      int targetCount = loss.steps() == LossSpec.Steps.ALL ? length : 1;
      List<Tensor> targets = new ArrayList<>();
      for (int t = 0; t < targetCount; t++) {
        targets.add(target(random, model, loss));
      }
      sequences.add(new SequenceData(inputs, targets));
    }

    Map<Parameter, Tensor> parameters = new TreeMap<>();
    for (Parameter parameter : Parameter.values()) {
      if (parameter.existsIn(model)) {
        parameters.put(parameter, uniform(random, parameter.shapeIn(model)));
      }
    }

    Optional<Clipping> clipping = switch (random.nextInt(3)) {
      case 0 -> Optional.empty();
      case 1 -> Optional.of(new Clipping(Clipping.Mode.BY_NORM, 0.05 + 3 * random.nextDouble()));
      default -> Optional.of(new Clipping(Clipping.Mode.BY_VALUE, 0.05 + 3 * random.nextDouble()));
    };
    OptionalInt truncation = random.nextBoolean() ? OptionalInt.of(1 + random.nextInt(5)) : OptionalInt.empty();
    TrainingSpec training = new TrainingSpec(0.01 + 0.5 * random.nextDouble(), 1, List.of(), clipping, truncation);

    return new Exercise("random-" + seed, "random configuration " + seed, "RandomExercises", model, loss, sequences,
        Optional.empty(), parameters, training, Notation.canonical(), List.of());
  }

  /** Cross-entropy: a one-hot or a random probability vector; squared error: a probability vector after a softmax, else uniform. */
  private static Tensor target(Random random, ModelSpec model, LossSpec loss) {
    int size = model.predictionSize();
    if (model.output() != OutputFunction.SOFTMAX) {
      return uniform(random, Shape.vector(size));
    }
    if (loss.kind() == LossSpec.Kind.CROSS_ENTROPY && random.nextBoolean()) {
      return Tensor.oneHot(size, random.nextInt(size));
    }
    double[] weights = new double[size];
    double total = 0;
    for (int k = 0; k < size; k++) {
      weights[k] = 0.05 + random.nextDouble();
      total += weights[k];
    }
    for (int k = 0; k < size; k++) {
      weights[k] /= total;
    }
    return Tensor.vector(weights);
  }

  private static Tensor uniform(Random random, Shape shape) {
    double[] values = new double[shape.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = 2 * random.nextDouble() - 1;
    }
    return Tensor.of(shape, values);
  }

  // --- editing and describing configurations ----------------------------------------------

  /** The same exercise with one parameter entry (row-major index) replaced. */
  static Exercise withEntry(Exercise exercise, Parameter parameter, int index, double value) {
    double[] values = exercise.parameter(parameter).toArray();
    values[index] = value;
    Map<Parameter, Tensor> parameters = new TreeMap<>(exercise.parameters());
    parameters.put(parameter, Tensor.of(exercise.parameter(parameter).shape(), values));
    return ReferenceSolver.withParameters(exercise, parameters);
  }

  /** The same exercise with another training specification (truncation, clipping, learning rate). */
  static Exercise withTraining(Exercise exercise, TrainingSpec training) {
    return new Exercise(exercise.id(), exercise.title(), exercise.source(), exercise.model(), exercise.loss(),
        exercise.sequences(), exercise.vocabulary(), exercise.parameters(), training, exercise.notation(),
        exercise.asked());
  }

  /** A one-line description, e.g. "tanh/softmax I3 H2 O4 b_h b_y-, cross-entropy time:mean seq:sum steps:all, lengths [3, 5], trunc 2, clip BY_NORM 0.7". */
  static String describe(Exercise exercise) {
    ModelSpec model = exercise.model();
    LossSpec loss = exercise.loss();
    TrainingSpec training = exercise.training();
    List<Integer> lengths = exercise.sequences().stream().map(SequenceData::length).toList();
    String lossText = loss.kind() == LossSpec.Kind.CROSS_ENTROPY ? "cross-entropy" : "squared-error*" + loss.scale();
    return model.hiddenActivation().yamlName() + "/" + model.output().yamlName()
        + " I" + model.inputSize() + " H" + model.hiddenSize() + " O" + model.outputSize()
        + " b_h" + (model.hiddenBias() ? "+" : "-") + " b_y" + (model.outputBias() ? "+" : "-")
        + ", " + lossText + " time:" + loss.timeReduction().name().toLowerCase()
        + " seq:" + loss.sequenceReduction().name().toLowerCase() + " steps:" + loss.steps().name().toLowerCase()
        + ", lengths " + lengths
        + (training.truncationSteps().isPresent() ? ", trunc " + training.truncationSteps().getAsInt() : "")
        + training.clipping().map(c -> String.format(", clip %s %.3f", c.mode(), c.threshold())).orElse("");
  }

  // --- an independent forward pass -----------------------------------------------------------

  /** Pre-activations a[s][t-1][i] and the total loss, from plain array arithmetic (not the solver's). */
  record Forward(double[][][] preactivations, double loss) {}

  static Forward forward(Exercise exercise) {
    ModelSpec model = exercise.model();
    LossSpec loss = exercise.loss();
    double[][] inputWeights = exercise.parameter(Parameter.W_XH).toRows();
    double[][] recurrentWeights = exercise.parameter(Parameter.W_HH).toRows();
    double[] hiddenBias = model.hiddenBias() ? exercise.parameter(Parameter.B_H).toArray() : null;
    double[][] outputWeights = model.output().hasOutputLayer() ? exercise.parameter(Parameter.W_HY).toRows() : null;
    double[] outputBias = Parameter.B_Y.existsIn(model) ? exercise.parameter(Parameter.B_Y).toArray() : null;
    int sequenceCount = exercise.sequences().size();
    double[][][] preactivations = new double[sequenceCount][][];
    double total = 0;
    for (int s = 0; s < sequenceCount; s++) {
      SequenceData sequence = exercise.sequences().get(s);
      int length = sequence.length();
      preactivations[s] = new double[length][];
      double[] hidden = exercise.parameter(Parameter.H0).toArray();
      double sequenceLoss = 0;
      for (int t = 1; t <= length; t++) {
        double[] a = add(add(multiply(inputWeights, sequence.inputs().get(t - 1).toArray()),
            multiply(recurrentWeights, hidden)), hiddenBias);
        preactivations[s][t - 1] = a;
        hidden = new double[a.length];
        for (int i = 0; i < a.length; i++) {
          hidden[i] = model.hiddenActivation().apply(a[i]);
        }
        boolean hasLoss = loss.steps() == LossSpec.Steps.ALL || t == length;
        if (!hasLoss) {
          continue;
        }
        double[] prediction = hidden;
        if (outputWeights != null) {
          prediction = add(multiply(outputWeights, hidden), outputBias);
          if (model.output() == OutputFunction.SOFTMAX) {
            prediction = softmax(prediction);
          }
        }
        double[] target = sequence.targets().get(loss.steps() == LossSpec.Steps.ALL ? t - 1 : 0).toArray();
        for (int k = 0; k < prediction.length; k++) {
          sequenceLoss += loss.kind() == LossSpec.Kind.CROSS_ENTROPY
              ? -target[k] * Math.log(prediction[k])
              : loss.scale() * (prediction[k] - target[k]) * (prediction[k] - target[k]);
        }
      }
      if (loss.timeReduction() == LossSpec.Reduction.MEAN) {
        sequenceLoss /= loss.steps() == LossSpec.Steps.ALL ? length : 1;
      }
      total += sequenceLoss;
    }
    if (loss.sequenceReduction() == LossSpec.Reduction.MEAN) {
      total /= sequenceCount;
    }
    return new Forward(preactivations, total);
  }

  /** The smallest |a[t]_i| over all sequences, steps and units. */
  static double minAbsPreactivation(Exercise exercise) {
    double min = Double.POSITIVE_INFINITY;
    for (double[][] sequence : forward(exercise).preactivations()) {
      for (double[] step : sequence) {
        for (double value : step) {
          min = Math.min(min, Math.abs(value));
        }
      }
    }
    return min;
  }

  /** Which pre-activations are positive: ReLU's activation pattern. */
  static List<Boolean> reluPattern(Exercise exercise) {
    List<Boolean> pattern = new ArrayList<>();
    for (double[][] sequence : forward(exercise).preactivations()) {
      for (double[] step : sequence) {
        for (double value : step) {
          pattern.add(value > 0);
        }
      }
    }
    return pattern;
  }

  private static double[] multiply(double[][] matrix, double[] vector) {
    double[] result = new double[matrix.length];
    for (int i = 0; i < matrix.length; i++) {
      for (int j = 0; j < vector.length; j++) {
        result[i] += matrix[i][j] * vector[j];
      }
    }
    return result;
  }

  private static double[] add(double[] left, double[] right) {
    if (right == null) {
      return left;
    }
    double[] result = left.clone();
    for (int i = 0; i < result.length; i++) {
      result[i] += right[i];
    }
    return result;
  }

  private static double[] softmax(double[] logits) {
    double max = Double.NEGATIVE_INFINITY;
    for (double logit : logits) {
      max = Math.max(max, logit);
    }
    double[] result = new double[logits.length];
    double total = 0;
    for (int k = 0; k < logits.length; k++) {
      result[k] = Math.exp(logits[k] - max);
      total += result[k];
    }
    for (int k = 0; k < logits.length; k++) {
      result[k] /= total;
    }
    return result;
  }
}
