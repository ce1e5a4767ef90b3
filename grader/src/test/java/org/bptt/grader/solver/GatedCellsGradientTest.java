package org.bptt.grader.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The LSTM and GRU cells on {@link #COUNT} random configurations (half of each kind) covering every
 * option: sizes 1 to 4, gate biases on or off, every output function and loss, sum or mean over
 * time and over sequences, all steps or the last, batches of 1 to 3 sequences of 1 to 5 steps,
 * truncation and clipping, random h0 (and c0). Every gradient the solver computes by BPTT (dL/dθ of
 * every trained parameter, dL/dh0, dL/dc0) is compared with two independent methods:
 *
 * <ul>
 *   <li>Richardson-extrapolated central differences of the loss of {@link GatedReference}'s forward
 *       pass (itself checked against the solver's L), as in {@link GradientCheckTest};
 *   <li>{@link GatedReference}'s own backward pass in plain arrays, per step and in total.
 * </ul>
 *
 * Also checked against the reference: the per-step contributions, the forward-in-time derivation
 * (the sensitivities' Σ_t dL[t]/dθ), truncation, clipping, the update, L_after[2], and the state's
 * Jacobians d(h,c)[t]/d(h,c)[0] (dh[t]/dh[0] for the GRU) against finite differences of the state.
 */
class GatedCellsGradientTest {

  static final int COUNT = 240;
  private static final long SEED_BASE = 20_250_312L;
  private static final OutputFunction[] OUTPUTS = OutputFunction.values();

  static Stream<Arguments> configurations() {
    return IntStream.range(0, COUNT).mapToObj(seed -> Arguments.of(seed, RandomExercises.describe(exercise(seed))
        .replaceFirst("^[a-z]+/", exercise(seed).model().kind().yamlName() + "/")));
  }

  /** Even seeds are LSTMs, odd ones GRUs; the output function cycles; everything else is drawn. */
  static Exercise exercise(int seed) {
    // Scrambled: java.util.Random's first small draws from consecutive seeds are nearly all equal.
    Random random = new Random((SEED_BASE + seed) * 0x9E3779B97F4A7C15L);
    ModelKind kind = seed % 2 == 0 ? ModelKind.LSTM : ModelKind.GRU;
    OutputFunction output = OUTPUTS[(seed / 2) % OUTPUTS.length];
    int inputSize = 1 + random.nextInt(4);
    int hiddenSize = 1 + random.nextInt(4);
    int outputSize = output == OutputFunction.NONE ? hiddenSize : 1 + random.nextInt(4);
    boolean hiddenBias = random.nextBoolean();
    boolean outputBias = output != OutputFunction.NONE && random.nextBoolean();
    ModelSpec model = new ModelSpec(kind, inputSize, hiddenSize, outputSize, Activation.TANH, output, hiddenBias,
        outputBias);
    boolean crossEntropy = output == OutputFunction.SOFTMAX && random.nextBoolean();
    LossSpec loss = new LossSpec(crossEntropy ? LossSpec.Kind.CROSS_ENTROPY : LossSpec.Kind.SQUARED_ERROR,
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
        inputs.add(uniform(random, Shape.vector(inputSize), 1.5));
      }
      List<Tensor> targets = new ArrayList<>();
      for (int t = 0; t < (loss.steps() == LossSpec.Steps.ALL ? length : 1); t++) {
        targets.add(target(random, model, loss));
      }
      sequences.add(new SequenceData(inputs, targets));
    }
    Map<Parameter, Tensor> parameters = new TreeMap<>();
    for (Parameter parameter : Parameter.values()) {
      if (parameter.existsIn(model)) {
        parameters.put(parameter, uniform(random, parameter.shapeIn(model), 1));
      }
    }
    Optional<Clipping> clipping = switch (random.nextInt(3)) {
      case 0 -> Optional.empty();
      case 1 -> Optional.of(new Clipping(Clipping.Mode.BY_NORM, 0.05 + random.nextDouble()));
      default -> Optional.of(new Clipping(Clipping.Mode.BY_VALUE, 0.02 + 0.3 * random.nextDouble()));
    };
    OptionalInt truncation = random.nextBoolean() ? OptionalInt.of(1 + random.nextInt(4)) : OptionalInt.empty();
    TrainingSpec training = new TrainingSpec(0.01 + 0.5 * random.nextDouble(), 2, List.of(2), clipping, truncation);
    return new Exercise("gated-" + seed, "random gated configuration " + seed, "GatedCellsGradientTest", model, loss,
        sequences, Optional.empty(), parameters, training, Notation.canonical(), List.of());
  }

  private static Tensor target(Random random, ModelSpec model, LossSpec loss) {
    int size = model.predictionSize();
    if (model.output() != OutputFunction.SOFTMAX) {
      return uniform(random, Shape.vector(size), 1);
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

  private static Tensor uniform(Random random, Shape shape, double range) {
    double[] values = new double[shape.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = range * (2 * random.nextDouble() - 1);
    }
    return Tensor.of(shape, values);
  }

  // --- the checks --------------------------------------------------------------------------------

  private static final double AGREEMENT = 1e-10;

  @ParameterizedTest(name = "seed {0}: {1}")
  @MethodSource("configurations")
  void everyGradientMatchesFiniteDifferencesAndAnIndependentBackwardPass(int seed, String configuration) {
    String where = "seed " + seed + " (" + configuration + "): ";
    Exercise exercise = exercise(seed);
    QuantityGraph graph = ReferenceSolver.solve(exercise);
    GatedReference reference = new GatedReference(exercise);
    assertEquals(reference.loss(), scalar(graph, Names.TOTAL_LOSS), 1e-12 * Math.max(1, Math.abs(reference.loss())),
        where + "L");
    GatedReference.Gradients independent = reference.backward();
    List<String> failures = new ArrayList<>();
    for (Parameter parameter : Parameter.values()) {
      if (!parameter.existsIn(exercise.model())) {
        continue;
      }
      double[] expected = parameter == Parameter.H0 ? sum(independent.initialHidden())
          : parameter == Parameter.C0 ? sum(independent.initialCell()) : independent.total(parameter, 0);
      Tensor solver = (Tensor) graph.value(Names.gradient(parameter.canonicalName()));
      assertEquals(exercise.parameter(parameter).shape(), solver.shape(), where + "shape of dL/d" + parameter);
      for (int i = 0; i < solver.size(); i++) {
        double numeric = finiteDifference(exercise, parameter, i);
        if (!(GradientCheckTest.error(solver.at(i), numeric) <= GradientCheckTest.TOLERANCE)) {
          failures.add(String.format("dL/d%s entry %d: solver %.12g, finite difference %.12g", parameter, i,
              solver.at(i), numeric));
        }
        if (!(Math.abs(solver.at(i) - expected[i]) <= AGREEMENT * Math.max(1, Math.abs(expected[i])))) {
          failures.add(String.format("dL/d%s entry %d: solver %.17g, independent BPTT %.17g", parameter, i,
              solver.at(i), expected[i]));
        }
      }
    }
    assertTrue(failures.isEmpty(), where + "\n  " + String.join("\n  ", failures));
  }

  @ParameterizedTest(name = "seed {0}: {1}")
  @MethodSource("configurations")
  void contributionsForwardInTimeTruncationClippingUpdateAndTrainingMatch(int seed, String configuration) {
    String where = "seed " + seed + " (" + configuration + "): ";
    Exercise exercise = exercise(seed);
    QuantityGraph graph = ReferenceSolver.solve(exercise);
    GatedReference.Gradients independent = new GatedReference(exercise).backward();
    List<Parameter> trained = Parameter.values().stream()
        .filter(parameter -> parameter.isTrained() && parameter.existsIn(exercise.model())).toList();
    for (Parameter parameter : trained) {
      for (int s = 0; s < exercise.sequences().size(); s++) {
        String p = exercise.isBatch() ? "s" + (s + 1) + "." : "";
        double[][] steps = independent.contributions().get(parameter)[s];
        for (int t = 1; t < steps.length; t++) {
          String name = p + Names.gradientAt(parameter.canonicalName(), t);
          if (graph.contains(name)) {
            assertClose(where + name, steps[t], (Tensor) graph.value(name));
          } else {
            assertTrue(parameter.role() == Parameter.Role.OUTPUT_WEIGHTS || parameter.role() == Parameter.Role.OUTPUT_BIAS,
                where + "missing " + name);
          }
        }
        String name = p + Names.gradient(parameter.canonicalName());
        Quantity quantity = graph.quantity(name).orElseThrow();
        assertTrue(quantity.derivations().size() >= 2, where + name + " has no forward-in-time derivation");
        Tensor forward = (Tensor) graph.recompute(name, quantity.derivations().get(1), n -> null);
        assertClose(where + name + " forward in time", ((Tensor) graph.value(name)).toArray(), forward);
      }
    }
    TrainingSpec training = exercise.training();
    int keep = training.truncationSteps().orElse(0);
    Map<Parameter, double[]> step = new TreeMap<>();
    double squares = 0;
    for (Parameter parameter : trained) {
      double[] gradient = independent.total(parameter, keep);
      if (keep > 0) {
        assertClose(where + "truncated " + parameter, gradient,
            (Tensor) graph.value(Names.TRUNCATED + Names.gradient(parameter.canonicalName())));
      }
      step.put(parameter, gradient);
      for (double value : gradient) {
        squares += value * value;
      }
    }
    double norm = Math.sqrt(squares);
    Map<Parameter, double[]> updated = new TreeMap<>(GatedReference.flat(exercise.parameters()));
    for (Parameter parameter : trained) {
      double[] gradient = step.get(parameter).clone();
      if (training.clipping().isPresent()) {
        double threshold = training.clipping().get().threshold();
        for (int i = 0; i < gradient.length; i++) {
          gradient[i] = training.clipping().get().mode() == Clipping.Mode.BY_NORM
              ? (norm > threshold ? gradient[i] * threshold / norm : gradient[i])
              : Math.max(-threshold, Math.min(threshold, gradient[i]));
        }
        assertClose(where + "clipped " + parameter, gradient,
            (Tensor) graph.value(Names.CLIPPED + Names.gradient(parameter.canonicalName())));
      }
      double[] value = updated.get(parameter).clone();
      for (int i = 0; i < value.length; i++) {
        value[i] -= training.learningRate() * gradient[i];
      }
      updated.put(parameter, value);
      assertClose(where + "updated " + parameter, value, (Tensor) graph.value(Names.UPDATED + parameter.canonicalName()));
    }
    if (training.clipping().isPresent()) {
      assertEquals(norm, scalar(graph, Names.GRADIENT_NORM), 1e-10 * Math.max(1, norm), where + "gradient_norm");
    }
    double afterOne = new GatedReference(exercise, updated).loss();
    assertEquals(afterOne, scalar(graph, Names.UPDATED + Names.TOTAL_LOSS), 1e-10 * Math.max(1, afterOne),
        where + "updated.L");
    double afterTwo = lossAfterUpdates(exercise, 2);
    assertEquals(afterTwo, scalar(graph, Names.lossAfter(2)), 1e-9 * Math.max(1, afterTwo), where + "L_after[2]");
  }

  /** The state's Jacobian from the initial state to every step, against finite differences of the state. */
  @ParameterizedTest(name = "seed {0}: {1}")
  @MethodSource("configurations")
  void stateJacobiansMatchFiniteDifferencesOfTheState(int seed, String configuration) {
    String where = "seed " + seed + " (" + configuration + "): ";
    Exercise exercise = exercise(seed);
    QuantityGraph graph = ReferenceSolver.solve(exercise);
    GatedReference reference = new GatedReference(exercise);
    boolean lstm = exercise.model().kind() == ModelKind.LSTM;
    int hidden = exercise.model().hiddenSize();
    int size = lstm ? 2 * hidden : hidden;
    for (int s = 0; s < exercise.sequences().size(); s++) {
      String p = exercise.isBatch() ? "s" + (s + 1) + "." : "";
      int length = exercise.sequences().get(s).length();
      double[][][] numeric = new double[length + 1][size][size];
      for (int column = 0; column < size; column++) {
        double h = 1e-4;
        double[][] plus = states(reference, s, column, h);
        double[][] minus = states(reference, s, column, -h);
        double[][] plusHalf = states(reference, s, column, h / 2);
        double[][] minusHalf = states(reference, s, column, -h / 2);
        for (int t = 1; t <= length; t++) {
          for (int row = 0; row < size; row++) {
            double coarse = (plus[t][row] - minus[t][row]) / (2 * h);
            double fine = (plusHalf[t][row] - minusHalf[t][row]) / h;
            numeric[t][row][column] = (4 * fine - coarse) / 3;
          }
        }
      }
      for (int t = 1; t <= length; t++) {
        String name = p + (lstm ? Names.stateJacobian(t, 0) : Names.jacobian(t, 0));
        Tensor jacobian = (Tensor) graph.value(name);
        assertEquals(Shape.matrix(size, size), jacobian.shape(), where + name);
        double squares = 0;
        for (int row = 0; row < size; row++) {
          for (int column = 0; column < size; column++) {
            double expected = numeric[t][row][column];
            squares += jacobian.get(row, column) * jacobian.get(row, column);
            assertTrue(Math.abs(jacobian.get(row, column) - expected) <= 1e-8 * Math.max(1, Math.abs(expected)),
                where + name + " entry (" + row + ", " + column + "): solver " + jacobian.get(row, column)
                    + ", finite difference " + expected);
          }
        }
        assertEquals(Math.sqrt(squares), scalar(graph, "norm(" + name + ")"), 1e-12, where + "norm(" + name + ")");
      }
    }
  }

  /** The state (h, then c) at every step with one entry of the initial state moved by {@code delta}. */
  private static double[][] states(GatedReference reference, int s, int entry, double delta) {
    double[] h0 = reference.initialHidden().clone();
    double[] c0 = reference.initialCell() == null ? null : reference.initialCell().clone();
    if (entry < h0.length) {
      h0[entry] += delta;
    } else {
      c0[entry - h0.length] += delta;
    }
    GatedReference.Step[] steps = reference.forward(s, h0, c0);
    double[][] states = new double[steps.length][];
    for (int t = 1; t < steps.length; t++) {
      states[t] = c0 == null ? steps[t].h : concat(steps[t].h, steps[t].c);
    }
    return states;
  }

  /** The configurations cover every option (so the checks above test them all). */
  @Test
  void configurationsCoverEveryOption() {
    Set<String> seen = new HashSet<>();
    for (int seed = 0; seed < COUNT; seed++) {
      Exercise exercise = exercise(seed);
      ModelSpec model = exercise.model();
      LossSpec loss = exercise.loss();
      String kind = model.kind().yamlName();
      seen.add(kind + " " + model.output() + " " + loss.kind() + " " + loss.scale());
      seen.add(kind + " hidden bias " + model.hiddenBias());
      seen.add(kind + " hidden " + model.hiddenSize());
      seen.add(kind + " input " + model.inputSize());
      seen.add(kind + " batch " + exercise.sequences().size());
      seen.add(kind + " steps " + loss.steps());
      seen.add(kind + " time " + loss.timeReduction());
      seen.add(kind + " sequences " + loss.sequenceReduction());
      seen.add(kind + " truncation " + exercise.training().truncationSteps().isPresent());
      seen.add(kind + " clipping " + exercise.training().clipping().map(c -> c.mode().name()).orElse("none"));
      if (model.output().hasOutputLayer()) {
        seen.add(kind + " output bias " + model.outputBias());
      }
    }
    List<String> missing = new ArrayList<>();
    for (String kind : List.of("lstm", "gru")) {
      List<String> expected = new ArrayList<>(List.of(kind + " LINEAR SQUARED_ERROR 0.5", kind + " LINEAR SQUARED_ERROR 1.0",
          kind + " SOFTMAX SQUARED_ERROR 0.5", kind + " SOFTMAX SQUARED_ERROR 1.0", kind + " SOFTMAX CROSS_ENTROPY 1.0",
          kind + " NONE SQUARED_ERROR 0.5", kind + " NONE SQUARED_ERROR 1.0", kind + " steps ALL", kind + " steps LAST",
          kind + " clipping none", kind + " clipping BY_NORM", kind + " clipping BY_VALUE"));
      for (boolean on : new boolean[] {true, false}) {
        expected.addAll(List.of(kind + " hidden bias " + on, kind + " output bias " + on, kind + " truncation " + on));
      }
      for (int size = 1; size <= 4; size++) {
        expected.addAll(List.of(kind + " hidden " + size, kind + " input " + size));
      }
      for (int batch = 1; batch <= 3; batch++) {
        expected.add(kind + " batch " + batch);
      }
      for (LossSpec.Reduction reduction : LossSpec.Reduction.values()) {
        expected.addAll(List.of(kind + " time " + reduction, kind + " sequences " + reduction));
      }
      expected.stream().filter(option -> !seen.contains(option)).forEach(missing::add);
    }
    assertTrue(missing.isEmpty(), "options no configuration covers: " + missing);
  }

  // --- helpers -----------------------------------------------------------------------------------

  /** Trains with the reference alone: the gradient truncated and clipped as the exercise says. */
  private static double lossAfterUpdates(Exercise exercise, int updates) {
    Map<Parameter, double[]> parameters = GatedReference.flat(exercise.parameters());
    TrainingSpec training = exercise.training();
    for (int n = 0; n < updates; n++) {
      GatedReference.Gradients gradients = new GatedReference(exercise, parameters).backward();
      Map<Parameter, double[]> step = new TreeMap<>();
      double squares = 0;
      for (Parameter parameter : gradients.contributions().keySet()) {
        double[] gradient = gradients.total(parameter, training.truncationSteps().orElse(0));
        step.put(parameter, gradient);
        for (double value : gradient) {
          squares += value * value;
        }
      }
      double norm = Math.sqrt(squares);
      Map<Parameter, double[]> next = new TreeMap<>(parameters);
      for (Map.Entry<Parameter, double[]> entry : step.entrySet()) {
        double[] value = parameters.get(entry.getKey()).clone();
        for (int i = 0; i < value.length; i++) {
          double g = entry.getValue()[i];
          if (training.clipping().isPresent()) {
            double threshold = training.clipping().get().threshold();
            g = training.clipping().get().mode() == Clipping.Mode.BY_NORM
                ? (norm > threshold ? g * threshold / norm : g) : Math.max(-threshold, Math.min(threshold, g));
          }
          value[i] -= training.learningRate() * g;
        }
        next.put(entry.getKey(), value);
      }
      parameters = next;
    }
    return new GatedReference(exercise, parameters).loss();
  }

  private static double finiteDifference(Exercise exercise, Parameter parameter, int index) {
    double step = GradientCheckTest.STEP * Math.max(1, Math.abs(exercise.parameter(parameter).at(index)));
    double coarse = central(exercise, parameter, index, step);
    double fine = central(exercise, parameter, index, step / 2);
    return (4 * fine - coarse) / 3;
  }

  private static double central(Exercise exercise, Parameter parameter, int index, double step) {
    return (lossWith(exercise, parameter, index, step) - lossWith(exercise, parameter, index, -step)) / (2 * step);
  }

  private static double lossWith(Exercise exercise, Parameter parameter, int index, double delta) {
    Map<Parameter, double[]> parameters = GatedReference.flat(exercise.parameters());
    double[] value = parameters.get(parameter).clone();
    value[index] += delta;
    parameters.put(parameter, value);
    return new GatedReference(exercise, parameters).loss();
  }

  private static double[] sum(double[][] perSequence) {
    double[] total = new double[perSequence[0].length];
    for (double[] term : perSequence) {
      GatedReference.addInto(total, term);
    }
    return total;
  }

  private static double[] concat(double[] first, double[] second) {
    double[] result = new double[first.length + second.length];
    System.arraycopy(first, 0, result, 0, first.length);
    System.arraycopy(second, 0, result, first.length, second.length);
    return result;
  }

  private static double scalar(QuantityGraph graph, String name) {
    return ((Tensor) graph.value(name)).scalarValue();
  }

  private static void assertClose(String what, double[] expected, Tensor actual) {
    assertEquals(expected.length, actual.size(), what + ": size");
    double scale = 1;
    for (double value : expected) {
      scale = Math.max(scale, Math.abs(value));
    }
    for (int i = 0; i < expected.length; i++) {
      if (!(Math.abs(expected[i] - actual.at(i)) <= AGREEMENT * scale)) {
        throw new AssertionError(String.format("%s entry %d: expected %.17g, got %.17g", what, i, expected[i],
            actual.at(i)));
      }
    }
  }
}
