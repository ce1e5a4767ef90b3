package org.bptt.grader.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;
import org.bptt.grader.exercise.Activation;
import org.bptt.grader.exercise.Clipping;
import org.bptt.grader.exercise.Exercise;
import org.bptt.grader.exercise.LossSpec;
import org.bptt.grader.exercise.OutputFunction;
import org.bptt.grader.exercise.Parameter;
import org.bptt.grader.exercise.SequenceData;
import org.bptt.grader.exercise.TrainingSpec;
import org.bptt.grader.value.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the solver's gradients of the total loss, dL/dθ for every trained parameter and dL/dh0,
 * against finite differences of {@link ReferenceSolver#lossOf} on {@link RandomExercises#COUNT}
 * random configurations covering every model, loss, batch and training option.
 *
 * <p>Finite differences: the central difference D(h) = (L(θ+h) - L(θ-h)) / 2h has error
 * c2 h² + c4 h⁴ + O(ε|L|/h); one Richardson step (4 D(h/2) - D(h)) / 3 cancels the h² term, so
 * with h = 1e-3 · max(1, |θ|) the truncation error is about h⁴ and the rounding error about
 * 1e-13 · |L|. On these configurations the worst disagreement is about 1e-8, against 1e-6 for a
 * plain central difference with h = 1e-6 · max(1, |θ|), whose rounding error ε|L|/h is far larger.
 *
 * <p>Error measure: |analytic - numeric| / max(|analytic|, |numeric|, 1e-3). Where an entry is of
 * ordinary size this is the relative error; entries that are exactly or nearly zero (units a ReLU
 * switched off, a softmax of one output, weights multiplying a vanishing input) have no meaningful
 * relative error, and the floor turns the bound into an absolute one of 1e-9 there, still three
 * orders of magnitude above the finite-difference noise and far below any real mistake.
 */
class GradientCheckTest {

  /** Largest accepted error of an entry, in the measure above. */
  static final double TOLERANCE = 1e-6;

  /** The floor of the error measure's denominator: below it the error is absolute. */
  static final double FLOOR = 1e-3;

  /** The Richardson step, relative to max(1, |θ|). */
  static final double STEP = 1e-3;

  static Stream<Arguments> configurations() {
    return RandomExercises.configurations();
  }

  @ParameterizedTest(name = "seed {0}: {1}")
  @MethodSource("configurations")
  void gradientsMatchFiniteDifferencesOfTheLoss(int seed, String configuration) {
    Exercise exercise = RandomExercises.exercise(seed);
    QuantityGraph graph = ReferenceSolver.solve(exercise);
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (Parameter parameter : Parameter.values()) {
      if (!parameter.existsIn(exercise.model())) {
        continue;
      }
      Tensor analytic = (Tensor) graph.value(Names.gradient(parameter.canonicalName()));
      assertEquals(exercise.parameter(parameter).shape(), analytic.shape(),
          "seed " + seed + ": shape of dL/d" + parameter.canonicalName());
      for (int i = 0; i < analytic.size(); i++) {
        double numeric = finiteDifference(exercise, parameter, i);
        double error = error(analytic.at(i), numeric);
        checked++;
        if (!(error <= TOLERANCE)) {
          failures.add(String.format("dL/d%s entry %d: solver %.12g, finite difference %.12g, error %.2e",
              parameter.canonicalName(), i, analytic.at(i), numeric, error));
        }
      }
    }
    assertTrue(checked > 0);
    if (!failures.isEmpty()) {
      fail("seed " + seed + " (" + configuration + "):\n  " + String.join("\n  ", failures));
    }
  }

  /** The solver's forward pass and loss agree with the independent one the finite differences rely on. */
  @ParameterizedTest(name = "seed {0}: {1}")
  @MethodSource("configurations")
  void lossMatchesAnIndependentForwardPass(int seed, String configuration) {
    Exercise exercise = RandomExercises.exercise(seed);
    double loss = ReferenceSolver.lossOf(exercise);
    double reference = RandomExercises.forward(exercise).loss();
    assertEquals(reference, loss, 1e-12 * Math.max(1, Math.abs(reference)), "seed " + seed + " (" + configuration + ")");
    assertEquals(loss, ((Tensor) ReferenceSolver.solve(exercise).value(Names.TOTAL_LOSS)).scalarValue(), 0.0,
        "seed " + seed + ": L of solve and lossOf");
  }

  /** Truncation and clipping change the update's gradient, never dL/dθ itself. */
  @ParameterizedTest(name = "seed {0}: {1}")
  @MethodSource("configurations")
  void truncationAndClippingDoNotChangeTheGradient(int seed, String configuration) {
    Exercise exercise = RandomExercises.exercise(seed);
    TrainingSpec training = exercise.training();
    TrainingSpec plain = new TrainingSpec(training.learningRate(), 1, List.of(), Optional.empty(), OptionalInt.empty());
    QuantityGraph withVariants = ReferenceSolver.solve(exercise);
    QuantityGraph without = ReferenceSolver.solve(RandomExercises.withTraining(exercise, plain));
    for (Parameter parameter : Parameter.values()) {
      if (parameter.existsIn(exercise.model())) {
        String name = Names.gradient(parameter.canonicalName());
        assertEquals(without.value(name), withVariants.value(name), "seed " + seed + " (" + configuration + "): " + name);
      }
    }
  }

  /** The random configurations really do cover every option (so the tests above test them all). */
  @Test
  void configurationsCoverEveryOption() {
    Set<String> seen = new HashSet<>();
    for (int seed = 0; seed < RandomExercises.COUNT; seed++) {
      Exercise exercise = RandomExercises.exercise(seed);
      var model = exercise.model();
      var loss = exercise.loss();
      var training = exercise.training();
      seen.add("input " + model.inputSize());
      seen.add("hidden " + model.hiddenSize());
      seen.add("output " + model.outputSize());
      seen.add(model.hiddenActivation() + "/" + model.output());
      seen.add(model.output() + " " + loss.kind() + " " + loss.scale());
      seen.add("hidden bias " + model.hiddenBias());
      if (model.output().hasOutputLayer()) {
        seen.add("output bias " + model.outputBias());
      }
      seen.add("time " + loss.timeReduction());
      seen.add("sequences " + loss.sequenceReduction());
      seen.add("steps " + loss.steps());
      seen.add("batch " + exercise.sequences().size());
      for (SequenceData sequence : exercise.sequences()) {
        seen.add("length " + sequence.length());
      }
      if (exercise.sequences().stream().map(SequenceData::length).distinct().count() > 1) {
        seen.add("lengths differ");
      }
      seen.add("truncation " + training.truncationSteps().isPresent());
      seen.add("clipping " + training.clipping().map(Clipping::mode).map(Enum::name).orElse("none"));
      if (loss.kind() == LossSpec.Kind.CROSS_ENTROPY) {
        seen.add("cross-entropy target " + (exercise.sequences().get(0).targets().get(0).maxAbs() == 1
            ? "one-hot" : "probabilities"));
      }
    }
    List<String> expected = new ArrayList<>();
    for (int size = 1; size <= 5; size++) {
      expected.addAll(List.of("input " + size, "hidden " + size, "output " + size, "length " + size));
    }
    for (Activation activation : Activation.values()) {
      for (OutputFunction output : OutputFunction.values()) {
        expected.add(activation + "/" + output);
      }
    }
    for (OutputFunction output : EnumSet.of(OutputFunction.LINEAR, OutputFunction.SOFTMAX, OutputFunction.NONE)) {
      expected.add(output + " SQUARED_ERROR 0.5");
      expected.add(output + " SQUARED_ERROR 1.0");
    }
    expected.add("SOFTMAX CROSS_ENTROPY 1.0");
    for (boolean on : new boolean[] {true, false}) {
      expected.addAll(List.of("hidden bias " + on, "output bias " + on, "truncation " + on));
    }
    for (LossSpec.Reduction reduction : LossSpec.Reduction.values()) {
      expected.addAll(List.of("time " + reduction, "sequences " + reduction));
    }
    expected.addAll(List.of("steps ALL", "steps LAST", "batch 1", "batch 2", "batch 3", "lengths differ",
        "clipping none", "clipping BY_NORM", "clipping BY_VALUE",
        "cross-entropy target one-hot", "cross-entropy target probabilities"));
    List<String> missing = expected.stream().filter(option -> !seen.contains(option)).toList();
    assertTrue(missing.isEmpty(), "options no configuration covers: " + missing);
  }

  // --- finite differences --------------------------------------------------------------------

  /** Richardson-extrapolated central difference of L in one entry of a parameter. */
  static double finiteDifference(Exercise exercise, Parameter parameter, int index) {
    double step = STEP * Math.max(1, Math.abs(exercise.parameter(parameter).at(index)));
    double coarse = centralDifference(exercise, parameter, index, step);
    double fine = centralDifference(exercise, parameter, index, step / 2);
    return (4 * fine - coarse) / 3;
  }

  private static double centralDifference(Exercise exercise, Parameter parameter, int index, double step) {
    double value = exercise.parameter(parameter).at(index);
    return (loss(exercise, parameter, index, value + step) - loss(exercise, parameter, index, value - step)) / (2 * step);
  }

  private static double loss(Exercise exercise, Parameter parameter, int index, double value) {
    Exercise perturbed = RandomExercises.withEntry(exercise, parameter, index, value);
    if (exercise.model().hiddenActivation() == Activation.RELU) {
      // The loss is smooth only while no pre-activation changes sign; a crossing would make the
      // finite difference meaningless rather than the solver wrong, so say so plainly.
      assertEquals(RandomExercises.reluPattern(exercise), RandomExercises.reluPattern(perturbed),
          exercise.id() + ": the finite-difference step in " + parameter.canonicalName() + " entry " + index
              + " crosses a ReLU kink");
    }
    return ReferenceSolver.lossOf(perturbed);
  }

  /** |a - b| / max(|a|, |b|, FLOOR): relative for ordinary entries, absolute near zero. */
  static double error(double analytic, double numeric) {
    return Math.abs(analytic - numeric) / Math.max(Math.max(Math.abs(analytic), Math.abs(numeric)), FLOOR);
  }
}
