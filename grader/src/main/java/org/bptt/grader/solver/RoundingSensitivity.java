package org.bptt.grader.solver;

import java.util.ArrayList;
import java.util.TreeMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.bptt.grader.exercise.Exercise;
import org.bptt.grader.exercise.LossSpec;
import org.bptt.grader.exercise.Parameter;
import org.bptt.grader.exercise.SequenceData;
import org.bptt.grader.value.Label;
import org.bptt.grader.value.Tensor;
import org.bptt.grader.value.Value;

/**
 * How much each quantity depends on digits the sheet never printed: the given values are moved
 * at random within half a unit of their printed precision, a handful of times, and the largest
 * change of any entry of each quantity is recorded. A forward pass moves by about that half unit;
 * a chaotic training run moves by far more. A predicted symbol that flips counts as infinite.
 */
public final class RoundingSensitivity {

  /** Enough runs to see a chaotic quantity move; each is one full solve. */
  public static final int RUNS = 6;

  private RoundingSensitivity() {}

  /**
   * @param reference the exercise's solved graph
   * @param names the quantities to estimate (the asked ones): only they, and what they read, are
   *     solved in the perturbed copies
   * @param enough for each name, a spread past which more runs cannot change what is made of it
   *     (the grader's "not gradable" line): once reached, the name is not solved again, so a chaotic
   *     training run is repeated once, not six times
   * @param halfUnits for given quantities by name ("W_hh", "x[2]", "s2.target[3]"): the half
   *     unit of each entry's printed precision; givens not listed are exact (a one-hot input)
   * @param seed the perturbations' random seed, so that the estimate is reproducible
   */
  public static Map<String, Double> spreads(Exercise exercise, QuantityGraph reference, List<String> names,
      Map<String, Double> enough, Map<String, Tensor> halfUnits, long seed) {
    Map<String, Double> spreads = new HashMap<>();
    for (String name : names) {
      spreads.put(name, 0.0);
    }
    RandomGenerator random = new Well19937c(seed);
    for (int run = 0; run < RUNS; run++) {
      QuantityGraph perturbed = ReferenceSolver.solve(perturb(exercise, halfUnits, random));
      for (String name : names) {
        boolean settled = spreads.get(name) > enough.getOrDefault(name, Double.POSITIVE_INFINITY);
        if (perturbed.contains(name) && !settled) {
          spreads.merge(name, change(reference.value(name), perturbed.value(name)), Math::max);
        }
      }
    }
    return spreads;
  }

  private static double change(Value reference, Value perturbed) {
    if (reference instanceof Label || perturbed instanceof Label) {
      return reference.equals(perturbed) ? 0 : Double.POSITIVE_INFINITY;
    }
    Tensor difference = ((Tensor) reference).minus((Tensor) perturbed);
    double largest = difference.maxAbs();
    return Double.isNaN(largest) ? Double.POSITIVE_INFINITY : largest;
  }

  static Exercise perturb(Exercise exercise, Map<String, Tensor> halfUnits, RandomGenerator random) {
    Map<Parameter, Tensor> parameters = new TreeMap<>();
    for (Parameter parameter : Parameter.values()) { // a fixed order: the draws must not depend on a map's order
      if (exercise.parameters().containsKey(parameter)) {
        parameters.put(parameter, jitter(exercise.parameter(parameter), halfUnits.get(parameter.canonicalName()), random));
      }
    }
    List<SequenceData> sequences = new ArrayList<>();
    for (int s = 0; s < exercise.sequences().size(); s++) {
      SequenceData sequence = exercise.sequences().get(s);
      String prefix = Names.sequencePrefix(s, exercise.isBatch());
      List<Tensor> inputs = new ArrayList<>();
      for (int t = 1; t <= sequence.length(); t++) {
        inputs.add(jitter(sequence.inputs().get(t - 1), halfUnits.get(prefix + Names.at("x", t)), random));
      }
      List<Tensor> targets = new ArrayList<>();
      for (int i = 0; i < sequence.targets().size(); i++) {
        int step = exercise.loss().steps() == LossSpec.Steps.LAST ? sequence.length() : i + 1;
        targets.add(jitter(sequence.targets().get(i), halfUnits.get(prefix + Names.at("target", step)), random));
      }
      sequences.add(new SequenceData(inputs, targets));
    }
    return exercise.withGiven(parameters, sequences);
  }

  private static Tensor jitter(Tensor value, Tensor halfUnit, RandomGenerator random) {
    if (halfUnit == null) {
      return value;
    }
    double[] entries = value.toArray();
    for (int i = 0; i < entries.length; i++) {
      entries[i] += (2 * random.nextDouble() - 1) * halfUnit.at(i);
    }
    return Tensor.of(value.shape(), entries);
  }
}
