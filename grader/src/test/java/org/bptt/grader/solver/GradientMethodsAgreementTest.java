package org.bptt.grader.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.bptt.grader.exercise.Activation;
import org.bptt.grader.exercise.Clipping;
import org.bptt.grader.exercise.Exercise;
import org.bptt.grader.exercise.LossSpec;
import org.bptt.grader.exercise.ModelSpec;
import org.bptt.grader.exercise.OutputFunction;
import org.bptt.grader.exercise.Parameter;
import org.bptt.grader.exercise.SequenceData;
import org.bptt.grader.exercise.TrainingSpec;
import org.bptt.grader.value.Shape;
import org.bptt.grader.value.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The three ways of computing an Elman network's gradient agree to rounding (1e-12 relative to
 * the quantity's scale, absolute below 1):
 *
 * <ol>
 *   <li>BPTT, the graph's main derivation of dL/dθ (errors backward, per-step contributions);
 *   <li>forward in time, the graph's second derivation: the weighted sum over t of dL[t]/dθ,
 *       each from the sensitivities dh[t]/dθ;
 *   <li>the explicit double sum of seed 001, computed here from the graph's forward values a[t],
 *       h[t] and y[t] only: dL/dθ = Σ_t Σ_{k≤t} w_t (dL[t]/dh[t])ᵀ (Π_{j=k+1..t} diag(f'(a[j])) W_hh)
 *       ∂h[k]/∂θ|local, with w_t the weight of L[t] in L (1/T for a mean over time, 1/S over
 *       sequences).
 * </ol>
 *
 * <p>Grouped by k the double sum gives BPTT's per-step contributions dL/dθ[k]; grouped by t it gives
 * the per-step losses' gradients dL[t]/dθ; its products are the Jacobians dh[t]/dh[k]. Those
 * nodes are checked too, and so are truncation (the last k steps' contributions) and clipping.
 */
class GradientMethodsAgreementTest {

  /** Agreement required, relative to max(1, largest entry of the reference value). */
  static final double TOLERANCE = 1e-12;

  static Stream<Arguments> configurations() {
    return RandomExercises.configurations();
  }

  /** "seed 12 (tanh/linear ...): ", so that every failure names its configuration. */
  private String where = "";

  private Exercise configuration(int seed, String description) {
    where = "seed " + seed + " (" + description + "): ";
    return RandomExercises.exercise(seed);
  }

  @ParameterizedTest(name = "seed {0}: {1}")
  @MethodSource("configurations")
  void bpttForwardInTimeAndTheExplicitDoubleSumAgree(int seed, String configuration) {
    Exercise exercise = configuration(seed, configuration);
    QuantityGraph graph = ReferenceSolver.solve(exercise);
    DoubleSum explicit = new DoubleSum(exercise, graph);
    for (Parameter parameter : gradientParameters(exercise)) {
      double[] total = new double[exercise.parameter(parameter).size()];
      for (int s = 0; s < exercise.sequences().size(); s++) {
        String name = prefix(exercise, s) + Names.gradient(parameter.canonicalName());
        double[] expected = explicit.sequenceGradient(s, parameter);
        addInto(total, expected);
        Tensor bptt = (Tensor) graph.value(name);
        assertClose(name + " (BPTT vs double sum)", expected, exercise.parameter(parameter).shape(), bptt);
        if (parameter == Parameter.H0) {
          continue; // dL/dh0 has one derivation: W_hh^T dL/da[1]
        }
        Quantity quantity = graph.quantity(name).orElseThrow();
        assertTrue(quantity.derivations().size() >= 2, where + name + " should have a forward-in-time derivation");
        Derivation forwardInTime = quantity.derivations().get(1);
        for (String input : forwardInTime.inputs()) {
          assertTrue(input.startsWith(prefix(exercise, s) + "dL["), where + name + "'s second derivation reads " + input);
        }
        Tensor forward = (Tensor) graph.recompute(name, forwardInTime, n -> null);
        assertClose(name + " (forward in time vs double sum)", expected, exercise.parameter(parameter).shape(), forward);
        assertClose(name + " (forward in time vs BPTT)", bptt.toArray(), bptt.shape(), forward);
      }
      String name = Names.gradient(parameter.canonicalName());
      assertClose(name + " (total)", total, exercise.parameter(parameter).shape(), (Tensor) graph.value(name));
    }
  }

  @ParameterizedTest(name = "seed {0}: {1}")
  @MethodSource("configurations")
  void jacobiansAndSensitivitiesMatchExplicitProducts(int seed, String configuration) {
    Exercise exercise = configuration(seed, configuration);
    QuantityGraph graph = ReferenceSolver.solve(exercise);
    DoubleSum explicit = new DoubleSum(exercise, graph);
    int hidden = exercise.model().hiddenSize();
    for (int s = 0; s < exercise.sequences().size(); s++) {
      String p = prefix(exercise, s);
      int length = exercise.sequences().get(s).length();
      for (int t = 1; t <= length; t++) {
        for (int k = 0; k < t; k++) {
          String name = p + Names.jacobian(t, k);
          double[] product = flatten(explicit.products[s][t][k]);
          assertClose(name, product, Shape.matrix(hidden, hidden), (Tensor) graph.value(name));
          assertEquals(Math.sqrt(dot(product, product)), ((Tensor) graph.value("norm(" + name + ")")).scalarValue(),
              TOLERANCE * Math.max(1, Math.sqrt(dot(product, product))), where + "norm(" + name + ")");
        }
        for (Parameter parameter : hiddenParameters(exercise)) {
          String name = p + Names.sensitivity(t, parameter.canonicalName());
          double[][] sensitivity = explicit.sensitivity(s, t, parameter);
          assertClose(name, flatten(sensitivity), Shape.matrix(hidden, sensitivity[0].length), (Tensor) graph.value(name));
        }
      }
    }
  }

  @ParameterizedTest(name = "seed {0}: {1}")
  @MethodSource("configurations")
  void perStepContributionsAndPerStepLossGradientsMatchTheDoubleSum(int seed, String configuration) {
    Exercise exercise = configuration(seed, configuration);
    QuantityGraph graph = ReferenceSolver.solve(exercise);
    DoubleSum explicit = new DoubleSum(exercise, graph);
    for (int s = 0; s < exercise.sequences().size(); s++) {
      String p = prefix(exercise, s);
      int length = exercise.sequences().get(s).length();
      for (Parameter parameter : trainedParameters(exercise)) {
        Shape shape = exercise.parameter(parameter).shape();
        for (int k = 1; k <= length; k++) {
          String name = p + Names.gradientAt(parameter.canonicalName(), k);
          double[] expected = explicit.contributions.get(parameter)[s][k];
          if (graph.contains(name)) {
            assertClose(name, expected, shape, (Tensor) graph.value(name));
          } else {
            // Only the output layer lacks a contribution, at steps without a loss.
            assertTrue(parameter == Parameter.W_HY || parameter == Parameter.B_Y, where + "missing " + name);
            assertFalse(explicit.hasLoss(s, k), where + "missing " + name + " at a step with a loss");
          }
        }
        for (int t : explicit.lossSteps(s)) {
          String name = p + Names.stepLossGradient(t, parameter.canonicalName());
          assertClose(name, explicit.stepLossGradients.get(parameter)[s][t], shape, (Tensor) graph.value(name));
        }
      }
    }
  }

  @ParameterizedTest(name = "seed {0}: {1}")
  @MethodSource("configurations")
  void truncationToAtLeastEveryStepIsTheFullGradient(int seed, String configuration) {
    Exercise exercise = configuration(seed, configuration);
    int longest = exercise.sequences().stream().mapToInt(SequenceData::length).max().orElseThrow();
    int keep = longest + seed % 3; // k = T, T + 1 or T + 2
    QuantityGraph graph = ReferenceSolver.solve(withTraining(exercise, OptionalInt.of(keep), Optional.empty()));
    for (Parameter parameter : trainedParameters(exercise)) {
      String full = Names.gradient(parameter.canonicalName());
      Tensor expected = (Tensor) graph.value(full);
      assertClose(Names.TRUNCATED + full + " with k = " + keep, expected.toArray(), expected.shape(),
          (Tensor) graph.value(Names.TRUNCATED + full));
    }
  }

  @ParameterizedTest(name = "seed {0}: {1}")
  @MethodSource("configurations")
  void truncationKeepsOnlyTheLastKStepsContributions(int seed, String configuration) {
    Exercise exercise = configuration(seed, configuration);
    int longest = exercise.sequences().stream().mapToInt(SequenceData::length).max().orElseThrow();
    int keep = 1 + seed % longest;
    QuantityGraph graph = ReferenceSolver.solve(withTraining(exercise, OptionalInt.of(keep), Optional.empty()));
    DoubleSum explicit = new DoubleSum(exercise, graph);
    for (Parameter parameter : trainedParameters(exercise)) {
      double[] expected = new double[exercise.parameter(parameter).size()];
      for (int s = 0; s < exercise.sequences().size(); s++) {
        int length = exercise.sequences().get(s).length();
        for (int k = Math.max(1, length - keep + 1); k <= length; k++) {
          addInto(expected, explicit.contributions.get(parameter)[s][k]);
        }
      }
      String name = Names.TRUNCATED + Names.gradient(parameter.canonicalName());
      assertClose(name + " with k = " + keep, expected, exercise.parameter(parameter).shape(), (Tensor) graph.value(name));
    }
  }

  /** By norm: the global norm becomes min(norm, threshold), the direction is kept; the update uses the clipped gradient. */
  @ParameterizedTest(name = "seed {0}: {1}")
  @MethodSource("configurations")
  void clippingByNormCapsTheGlobalNormAtTheThreshold(int seed, String configuration) {
    Exercise exercise = configuration(seed, configuration);
    QuantityGraph plain = ReferenceSolver.solve(withTraining(exercise, exercise.training().truncationSteps(), Optional.empty()));
    Map<Parameter, Tensor> unclipped = new TreeMap<>();
    double squares = 0;
    for (Parameter parameter : trainedParameters(exercise)) {
      Tensor gradient = (Tensor) plain.value(updateGradientName(exercise, parameter));
      unclipped.put(parameter, gradient);
      squares += dot(gradient.toArray(), gradient.toArray());
    }
    double norm = Math.sqrt(squares);
    double[] factors = {0.25, 0.75, 1.5}; // clipped twice as often as not
    double threshold = norm > 0 ? factors[seed % 3] * norm : 1.0;
    Exercise clippedExercise = withTraining(exercise, exercise.training().truncationSteps(),
        Optional.of(new Clipping(Clipping.Mode.BY_NORM, threshold)));
    QuantityGraph graph = ReferenceSolver.solve(clippedExercise);

    assertEquals(norm, ((Tensor) graph.value(Names.GRADIENT_NORM)).scalarValue(), TOLERANCE * Math.max(1, norm),
        where + Names.GRADIENT_NORM);
    double scale = norm > threshold ? threshold / norm : 1;
    double clippedSquares = 0;
    for (Parameter parameter : trainedParameters(exercise)) {
      String name = Names.CLIPPED + Names.gradient(parameter.canonicalName());
      Tensor clipped = (Tensor) graph.value(name);
      clippedSquares += dot(clipped.toArray(), clipped.toArray());
      Tensor raw = unclipped.get(parameter);
      assertClose(name, raw.scale(scale).toArray(), raw.shape(), clipped);
      Tensor expectedUpdate = exercise.parameter(parameter).minus(clipped.scale(exercise.training().learningRate()));
      assertClose(Names.UPDATED + parameter.canonicalName(), expectedUpdate.toArray(), expectedUpdate.shape(),
          (Tensor) graph.value(Names.UPDATED + parameter.canonicalName()));
    }
    assertEquals(Math.min(norm, threshold), Math.sqrt(clippedSquares), TOLERANCE * Math.max(1, norm),
        where + "norm of the clipped gradient");
  }

  /** By value: every entry is clamped to [-threshold, threshold], whatever the norm. */
  @ParameterizedTest(name = "seed {0}: {1}")
  @MethodSource("configurations")
  void clippingByValueClampsEveryEntry(int seed, String configuration) {
    Exercise exercise = configuration(seed, configuration);
    double threshold = 0.05 + 0.1 * (seed % 10);
    QuantityGraph graph = ReferenceSolver.solve(withTraining(exercise, exercise.training().truncationSteps(),
        Optional.of(new Clipping(Clipping.Mode.BY_VALUE, threshold))));
    for (Parameter parameter : trainedParameters(exercise)) {
      Tensor raw = (Tensor) graph.value(updateGradientName(exercise, parameter));
      Tensor expected = raw.map(value -> Math.max(-threshold, Math.min(threshold, value)));
      String name = Names.CLIPPED + Names.gradient(parameter.canonicalName());
      assertClose(name, expected.toArray(), raw.shape(), (Tensor) graph.value(name));
    }
  }

  // --- the explicit double sum ---------------------------------------------------------------

  /**
   * Seed 001's double sum, written out with plain arrays from the graph's forward values (a[t],
   * h[t], y[t], the targets and the parameters), without reading any backward, sensitivity or
   * Jacobian node. Steps are 1-based; index 0 is h0.
   */
  static final class DoubleSum {

    private final Exercise exercise;
    private final ModelSpec model;
    private final LossSpec loss;
    /** products[s][t][k] = Π_{j=k+1..t} diag(f'(a[j])) W_hh, identity for k = t. */
    final double[][][][][] products;
    /** derivatives[s][t] = f'(a[t]); hidden[s][t] = h[t] with hidden[s][0] = h0; inputs[s][t] = x[t]. */
    private final double[][][] derivatives;
    private final double[][][] hidden;
    private final double[][][] inputs;
    /** BPTT's contribution of step k, weighted: contributions.get(θ)[s][k] (for h0, k = 0 only). */
    final Map<Parameter, double[][][]> contributions = new TreeMap<>();
    /** The unweighted gradient of the per-step loss L[t]: stepLossGradients.get(θ)[s][t]. */
    final Map<Parameter, double[][][]> stepLossGradients = new TreeMap<>();

    DoubleSum(Exercise exercise, QuantityGraph graph) {
      this.exercise = exercise;
      this.model = exercise.model();
      this.loss = exercise.loss();
      int sequenceCount = exercise.sequences().size();
      int size = model.hiddenSize();
      double[][] recurrent = exercise.parameter(Parameter.W_HH).toRows();
      products = new double[sequenceCount][][][][];
      derivatives = new double[sequenceCount][][];
      hidden = new double[sequenceCount][][];
      inputs = new double[sequenceCount][][];
      List<Parameter> parameters = gradientParameters(exercise);
      for (Parameter parameter : parameters) {
        contributions.put(parameter, new double[sequenceCount][][]);
        stepLossGradients.put(parameter, new double[sequenceCount][][]);
      }
      for (int s = 0; s < sequenceCount; s++) {
        String p = prefix(exercise, s);
        int length = exercise.sequences().get(s).length();
        derivatives[s] = new double[length + 1][];
        hidden[s] = new double[length + 1][];
        inputs[s] = new double[length + 1][];
        hidden[s][0] = exercise.parameter(Parameter.H0).toArray();
        for (int t = 1; t <= length; t++) {
          double[] a = vector(graph, p + Names.at("a", t));
          hidden[s][t] = vector(graph, p + Names.at("h", t));
          inputs[s][t] = vector(graph, p + Names.at("x", t));
          derivatives[s][t] = new double[size];
          for (int i = 0; i < size; i++) {
            derivatives[s][t][i] = derivative(model.hiddenActivation(), a[i]);
          }
        }
        products[s] = new double[length + 1][][][];
        for (int t = 0; t <= length; t++) {
          products[s][t] = new double[t + 1][][];
          products[s][t][t] = identity(size);
          for (int k = t - 1; k >= 0; k--) {
            products[s][t][k] = multiply(products[s][t][k + 1], localJacobian(derivatives[s][k + 1], recurrent));
          }
        }
        for (Parameter parameter : parameters) {
          int entries = exercise.parameter(parameter).size();
          contributions.get(parameter)[s] = new double[length + 1][entries];
          stepLossGradients.get(parameter)[s] = new double[length + 1][entries];
        }
        double weight = weight(s);
        for (int t : lossSteps(s)) {
          double[] prediction = vector(graph, p + Names.at("y", t));
          double[] target = vector(graph, p + Names.at("target", t));
          double[] hiddenError; // dL[t]/dh[t], unweighted
          if (model.output().hasOutputLayer()) {
            double[] outputError = outputError(prediction, target);
            hiddenError = transposeTimes(exercise.parameter(Parameter.W_HY).toRows(), outputError);
            addTerm(Parameter.W_HY, s, t, t, weight, outer(outputError, hidden[s][t]));
            if (Parameter.B_Y.existsIn(model)) {
              addTerm(Parameter.B_Y, s, t, t, weight, outputError);
            }
          } else {
            hiddenError = new double[size];
            for (int i = 0; i < size; i++) {
              hiddenError[i] = 2 * loss.scale() * (prediction[i] - target[i]);
            }
          }
          for (int k = 0; k <= t; k++) {
            // r = (dL[t]/dh[t])^T dh[t]/dh[k], as a column
            double[] r = transposeTimes(products[s][t][k], hiddenError);
            if (k == 0) {
              addTerm(Parameter.H0, s, t, 0, weight, r);
              continue;
            }
            double[] rf = new double[size];
            for (int i = 0; i < size; i++) {
              rf[i] = r[i] * derivatives[s][k][i];
            }
            addTerm(Parameter.W_XH, s, t, k, weight, outer(rf, inputs[s][k]));
            addTerm(Parameter.W_HH, s, t, k, weight, outer(rf, hidden[s][k - 1]));
            if (model.hiddenBias()) {
              addTerm(Parameter.B_H, s, t, k, weight, rf);
            }
          }
        }
      }
    }

    /** One term of the double sum: step t's loss through step k's local dependence on θ. */
    private void addTerm(Parameter parameter, int s, int t, int k, double weight, double[] term) {
      double[] contribution = contributions.get(parameter)[s][k];
      double[] stepLoss = stepLossGradients.get(parameter)[s][t];
      for (int i = 0; i < term.length; i++) {
        contribution[i] += weight * term[i];
        stepLoss[i] += term[i];
      }
    }

    /** Σ_k of the contributions: the sequence's dL/dθ. */
    double[] sequenceGradient(int s, Parameter parameter) {
      double[] total = new double[exercise.parameter(parameter).size()];
      for (double[] contribution : contributions.get(parameter)[s]) {
        addInto(total, contribution);
      }
      return total;
    }

    /** dh[t]/dθ = Σ_{k=1..t} dh[t]/dh[k] ∂h[k]/∂θ|local, θ flattened row-major (H x H·n). */
    double[][] sensitivity(int s, int t, Parameter parameter) {
      int size = model.hiddenSize();
      int width = parameter == Parameter.W_XH ? model.inputSize() : parameter == Parameter.W_HH ? size : 1;
      double[][] result = new double[size][parameter == Parameter.B_H ? size : size * width];
      for (int k = 1; k <= t; k++) {
        double[] source = parameter == Parameter.W_XH ? inputs[s][k] : hidden[s][k - 1];
        for (int row = 0; row < size; row++) {
          for (int i = 0; i < size; i++) {
            double factor = products[s][t][k][row][i] * derivatives[s][k][i];
            if (parameter == Parameter.B_H) {
              result[row][i] += factor;
            } else {
              for (int j = 0; j < width; j++) {
                result[row][i * width + j] += factor * source[j];
              }
            }
          }
        }
      }
      return result;
    }

    List<Integer> lossSteps(int s) {
      int length = exercise.sequences().get(s).length();
      List<Integer> steps = new ArrayList<>();
      for (int t = 1; t <= length; t++) {
        if (hasLoss(s, t)) {
          steps.add(t);
        }
      }
      return steps;
    }

    boolean hasLoss(int s, int t) {
      return loss.steps() == LossSpec.Steps.ALL || t == exercise.sequences().get(s).length();
    }

    /** w_t: how much L[t] of sequence s weighs in L. */
    private double weight(int s) {
      double weight = 1;
      if (loss.timeReduction() == LossSpec.Reduction.MEAN) {
        weight /= lossSteps(s).size();
      }
      if (loss.sequenceReduction() == LossSpec.Reduction.MEAN) {
        weight /= exercise.sequences().size();
      }
      return weight;
    }

    /** dL[t]/do[t] from y[t] and the target, through the softmax Jacobian where there is one. */
    private double[] outputError(double[] y, double[] target) {
      int n = y.length;
      double[] result = new double[n];
      if (model.output() == OutputFunction.LINEAR) {
        for (int i = 0; i < n; i++) {
          result[i] = 2 * loss.scale() * (y[i] - target[i]);
        }
        return result;
      }
      if (loss.kind() == LossSpec.Kind.CROSS_ENTROPY) {
        // -Σ_k target_k ln softmax_k(o) has d/do_i = Σ_k target_k (y_i - δ_ki)
        double mass = 0;
        for (double value : target) {
          mass += value;
        }
        for (int i = 0; i < n; i++) {
          result[i] = mass * y[i] - target[i];
        }
        return result;
      }
      // squared error through the softmax: Σ_k dL/dy_k dy_k/do_i with dy_k/do_i = y_k (δ_ki - y_i)
      for (int i = 0; i < n; i++) {
        for (int k = 0; k < n; k++) {
          result[i] += 2 * loss.scale() * (y[k] - target[k]) * y[k] * ((k == i ? 1 : 0) - y[i]);
        }
      }
      return result;
    }
  }

  // --- helpers -------------------------------------------------------------------------------

  private static double derivative(Activation activation, double a) {
    return switch (activation) {
      case TANH -> 1 - Math.tanh(a) * Math.tanh(a);
      case SIGMOID -> Math.exp(-a) / ((1 + Math.exp(-a)) * (1 + Math.exp(-a)));
      case RELU -> a > 0 ? 1 : 0;
      case LINEAR -> 1;
    };
  }

  private static String prefix(Exercise exercise, int s) {
    return exercise.isBatch() ? "s" + (s + 1) + "." : "";
  }

  private static List<Parameter> trainedParameters(Exercise exercise) {
    return Parameter.values().stream().filter(p -> p.isTrained() && p.existsIn(exercise.model())).toList();
  }

  /** The trained parameters and h0. */
  private static List<Parameter> gradientParameters(Exercise exercise) {
    return Parameter.values().stream().filter(p -> p.existsIn(exercise.model())).toList();
  }

  private static List<Parameter> hiddenParameters(Exercise exercise) {
    return Stream.of(Parameter.W_XH, Parameter.W_HH, Parameter.B_H).filter(p -> p.existsIn(exercise.model())).toList();
  }

  /** The gradient clipping starts from: truncated when the exercise truncates, else the full one. */
  private static String updateGradientName(Exercise exercise, Parameter parameter) {
    String full = Names.gradient(parameter.canonicalName());
    return exercise.training().truncationSteps().isPresent() ? Names.TRUNCATED + full : full;
  }

  private static Exercise withTraining(Exercise exercise, OptionalInt truncation, Optional<Clipping> clipping) {
    TrainingSpec training = exercise.training();
    return RandomExercises.withTraining(exercise,
        new TrainingSpec(training.learningRate(), 1, List.of(), clipping, truncation));
  }

  private static double[] vector(QuantityGraph graph, String name) {
    return ((Tensor) graph.value(name)).toArray();
  }

  /** Every entry within TOLERANCE · max(1, largest |expected| entry), and the same shape. */
  private void assertClose(String what, double[] expected, Shape shape, Tensor actual) {
    assertEquals(shape, actual.shape(), where + what + ": shape");
    double scale = 1;
    for (double value : expected) {
      scale = Math.max(scale, Math.abs(value));
    }
    for (int i = 0; i < expected.length; i++) {
      double difference = Math.abs(expected[i] - actual.at(i));
      if (!(difference <= TOLERANCE * scale)) {
        throw new AssertionError(where + String.format("%s entry %d: expected %.17g, got %.17g (difference %.2e, scale %.3g)",
            what, i, expected[i], actual.at(i), difference, scale));
      }
    }
  }

  private static double[][] identity(int size) {
    double[][] result = new double[size][size];
    for (int i = 0; i < size; i++) {
      result[i][i] = 1;
    }
    return result;
  }

  /** diag(f'(a[j])) W_hh. */
  private static double[][] localJacobian(double[] derivative, double[][] recurrent) {
    double[][] result = new double[recurrent.length][];
    for (int i = 0; i < recurrent.length; i++) {
      result[i] = new double[recurrent[i].length];
      for (int j = 0; j < recurrent[i].length; j++) {
        result[i][j] = derivative[i] * recurrent[i][j];
      }
    }
    return result;
  }

  private static double[][] multiply(double[][] left, double[][] right) {
    double[][] result = new double[left.length][right[0].length];
    for (int i = 0; i < left.length; i++) {
      for (int k = 0; k < right.length; k++) {
        for (int j = 0; j < right[0].length; j++) {
          result[i][j] += left[i][k] * right[k][j];
        }
      }
    }
    return result;
  }

  /** Mᵀ v. */
  private static double[] transposeTimes(double[][] matrix, double[] vector) {
    double[] result = new double[matrix[0].length];
    for (int i = 0; i < matrix.length; i++) {
      for (int j = 0; j < result.length; j++) {
        result[j] += matrix[i][j] * vector[i];
      }
    }
    return result;
  }

  /** u vᵀ, flattened row-major. */
  private static double[] outer(double[] u, double[] v) {
    double[] result = new double[u.length * v.length];
    for (int i = 0; i < u.length; i++) {
      for (int j = 0; j < v.length; j++) {
        result[i * v.length + j] = u[i] * v[j];
      }
    }
    return result;
  }

  private static double[] flatten(double[][] matrix) {
    double[] result = new double[matrix.length * matrix[0].length];
    for (int i = 0; i < matrix.length; i++) {
      System.arraycopy(matrix[i], 0, result, i * matrix[0].length, matrix[0].length);
    }
    return result;
  }

  private static double dot(double[] u, double[] v) {
    double total = 0;
    for (int i = 0; i < u.length; i++) {
      total += u[i] * v[i];
    }
    return total;
  }

  private static void addInto(double[] total, double[] term) {
    for (int i = 0; i < term.length; i++) {
      total[i] += term[i];
    }
  }
}
