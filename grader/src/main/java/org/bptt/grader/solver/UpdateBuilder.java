package org.bptt.grader.solver;

import static org.bptt.grader.solver.Names.gradient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bptt.grader.exercise.Clipping;
import org.bptt.grader.exercise.Parameter;
import org.bptt.grader.exercise.TrainingSpec;
import org.bptt.grader.value.Tensor;

/**
 * From the per-step contributions to the update: summed gradients (with the forward-in-time sum
 * as a second derivation where sensitivities exist), truncated BPTT, clipping, and the SGD step.
 */
final class UpdateBuilder {

  private final RecurrentGraphBuilder base;
  private final TrainingSpec training;

  UpdateBuilder(RecurrentGraphBuilder base) {
    this.base = base;
    this.training = base.exercise.training();
  }

  /** dL/dθ for every trained parameter and dL/dh0 (and dL/dc0), per sequence in a batch and in total. */
  void addGradientSums(SensitivityBuilder sensitivities) {
    List<Parameter> withInitialState = new ArrayList<>(base.trainedParameters());
    for (Parameter parameter : Parameter.values()) {
      if (parameter.role() == Parameter.Role.INITIAL_STATE && base.has(parameter)) {
        withInitialState.add(parameter);
      }
    }
    for (Parameter parameter : withInitialState) {
      boolean initialState = parameter.role() == Parameter.Role.INITIAL_STATE;
      String symbol = parameter.canonicalName();
      Tensor zero = Tensor.zeros(base.exercise.parameter(parameter).shape());
      List<String> sequenceGradients = new ArrayList<>();
      for (int s = 0; s < base.exercise.sequences().size(); s++) {
        String name = base.prefix(s) + gradient(symbol);
        sequenceGradients.add(name);
        if (initialState) {
          continue; // added by the backward pass: dL/dh0 has a single term, W_hh^T dL/da[1] for Elman
        }
        List<String> contributions = base.contributions(s, parameter, 1);
        List<Derivation> derivations = new ArrayList<>();
        Expression total = total(contributions, zero);
        derivations.add(new Derivation("sum over t of the steps' contributions dL/d" + symbol + "[t]",
            total.references(), total));
        if (sensitivities != null) {
          derivations.add(sensitivities.forwardDerivation(s, parameter));
        }
        String meaning = "gradient of L" + (base.exercise.isBatch() ? " from sequence " + (s + 1) : "")
            + ": sum over t of dL/d" + symbol + "[t]";
        base.graph.add(new Quantity(name, Stage.GRADIENT, meaning, derivations));
      }
      if (base.exercise.isBatch()) {
        if (!initialState) {
          addBatchContributions(parameter, zero);
        }
        base.add(gradient(symbol), Stage.GRADIENT, "gradient of L: sum over the sequences",
            total(sequenceGradients, zero));
      }
    }
  }

  /** In a batch, dL/dθ[t]: step t's contributions summed over the sequences that have a step t (seed 004's (a)). */
  private void addBatchContributions(Parameter parameter, Tensor zero) {
    int longest = 0;
    for (int s = 0; s < base.exercise.sequences().size(); s++) {
      longest = Math.max(longest, base.sequence(s).length());
    }
    for (int t = 1; t <= longest; t++) {
      List<String> terms = new ArrayList<>();
      for (int s = 0; s < base.exercise.sequences().size(); s++) {
        String term = base.prefix(s) + Names.gradientAt(parameter.canonicalName(), t);
        if (base.graph.contains(term)) {
          terms.add(term);
        }
      }
      if (!terms.isEmpty()) {
        base.add(Names.gradientAt(parameter.canonicalName(), t), Stage.GRADIENT,
            "step t's contributions summed over the sequences", total(terms, zero));
      }
    }
  }

  /** Truncated BPTT: the backward pass visits only the last k steps of each sequence. */
  void addTruncation() {
    if (training.truncationSteps().isEmpty()) {
      return;
    }
    int keep = training.truncationSteps().getAsInt();
    for (Parameter parameter : base.trainedParameters()) {
      List<String> kept = new ArrayList<>();
      for (int s = 0; s < base.exercise.sequences().size(); s++) {
        int first = Math.max(1, base.sequence(s).length() - keep + 1);
        kept.addAll(base.contributions(s, parameter, first));
      }
      Tensor zero = Tensor.zeros(base.exercise.parameter(parameter).shape());
      base.add(Names.TRUNCATED + gradient(parameter.canonicalName()), Stage.TRUNCATED,
          "sum of the contributions of the last " + keep + " steps only", total(kept, zero));
    }
  }

  /** The gradient the update starts from: truncated if truncation is on, the full one otherwise. */
  private String unclippedGradient(Parameter parameter) {
    String full = gradient(parameter.canonicalName());
    return training.truncationSteps().isPresent() ? Names.TRUNCATED + full : full;
  }

  private String finalGradient(Parameter parameter) {
    return training.clipping().isPresent()
        ? Names.CLIPPED + gradient(parameter.canonicalName())
        : unclippedGradient(parameter);
  }

  void addClipping() {
    if (training.clipping().isEmpty()) {
      return;
    }
    Clipping clipping = training.clipping().get();
    double threshold = clipping.threshold();
    List<String> gradients = new ArrayList<>();
    for (Parameter parameter : base.trainedParameters()) {
      gradients.add(unclippedGradient(parameter));
    }
    base.add(Names.GRADIENT_NORM, Stage.CLIPPED, "Euclidean norm of all parameter gradients together", gradients,
        in -> {
          double squares = 0;
          for (String name : gradients) {
            squares += in.tensor(name).dot(in.tensor(name));
          }
          return Tensor.scalar(Math.sqrt(squares));
        });
    for (Parameter parameter : base.trainedParameters()) {
      String source = unclippedGradient(parameter);
      String name = Names.CLIPPED + gradient(parameter.canonicalName());
      if (clipping.mode() == Clipping.Mode.BY_NORM) {
        base.add(name, Stage.CLIPPED, "scaled by " + threshold + "/norm when the norm exceeds " + threshold,
            RecurrentGraphBuilder.inputs(source, Names.GRADIENT_NORM),
            in -> {
              double norm = in.scalar(Names.GRADIENT_NORM);
              Tensor raw = in.tensor(source);
              return norm > threshold ? raw.scale(threshold / norm) : raw;
            });
      } else {
        base.add(name, Stage.CLIPPED, "every entry clamped to [-" + threshold + ", " + threshold + "]",
            RecurrentGraphBuilder.inputs(source),
            in -> in.tensor(source).map(value -> Math.max(-threshold, Math.min(threshold, value))));
      }
    }
  }

  /** One step of gradient descent, θ - η g, for every trained parameter. */
  void addUpdate() {
    double rate = training.learningRate();
    for (Parameter parameter : base.trainedParameters()) {
      String current = parameter.canonicalName();
      String step = finalGradient(parameter);
      base.add(Names.UPDATED + current, Stage.UPDATE, current + " - " + rate + " * " + step,
          new Expression.Update(RecurrentGraphBuilder.ref(current), RecurrentGraphBuilder.ref(step), rate));
    }
  }

  /** The sum of the named same-shaped quantities, in the shape of {@code zero}. */
  private static Expression total(List<String> names, Tensor zero) {
    return new Expression.Total(names.stream().<Expression>map(RecurrentGraphBuilder::ref).toList(), zero.shape());
  }
}
