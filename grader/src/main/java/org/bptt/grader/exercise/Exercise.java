package org.bptt.grader.exercise;

import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bptt.grader.value.Tensor;

/**
 * One by-hand BPTT exercise, as parsed from its YAML file: the model, the loss, the data, the
 * given parameters, the training run, the document's notation and the quantities asked for.
 * Everything here is plain data; the solver reads it and nothing else.
 */
public record Exercise(
    String id,
    String title,
    String source,
    ModelSpec model,
    LossSpec loss,
    List<SequenceData> sequences,
    Optional<Vocabulary> vocabulary,
    Map<Parameter, Tensor> parameters,
    TrainingSpec training,
    Notation notation,
    List<String> asked) {

  public Exercise {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("exercise: id is required");
    }
    sequences = List.copyOf(sequences);
    asked = List.copyOf(asked);
    // A TreeMap keeps the parameters in their canonical order, the same in every JVM (Map.copyOf's
    // order is randomized per run, and the sensitivity estimate draws its perturbations in this order).
    parameters = java.util.Collections.unmodifiableMap(new TreeMap<>(parameters));
    if (sequences.isEmpty()) {
      throw new IllegalArgumentException("exercise " + id + ": expected at least one sequence");
    }
    for (Parameter parameter : Parameter.values()) {
      Tensor value = parameters.get(parameter);
      if (parameter.existsIn(model) && value == null) {
        throw new IllegalArgumentException("exercise " + id + ": missing parameter " + parameter.canonicalName());
      }
      if (!parameter.existsIn(model) && value != null) {
        throw new IllegalArgumentException(
            "exercise " + id + ": the model has no parameter " + parameter.canonicalName());
      }
      if (value != null && !value.shape().equals(parameter.shapeIn(model))) {
        throw new IllegalArgumentException(
            parameter.canonicalName() + ": expected shape " + parameter.shapeIn(model) + ", got " + value.shape());
      }
    }
    for (int s = 0; s < sequences.size(); s++) {
      SequenceData sequence = sequences.get(s);
      int expectedTargets = loss.steps() == LossSpec.Steps.ALL ? sequence.length() : 1;
      if (sequence.targets().size() != expectedTargets) {
        throw new IllegalArgumentException("sequence " + (s + 1) + ": expected " + expectedTargets
            + " targets, got " + sequence.targets().size());
      }
      for (Tensor input : sequence.inputs()) {
        if (input.size() != model.inputSize()) {
          throw new IllegalArgumentException(
              "sequence " + (s + 1) + ": expected inputs of size " + model.inputSize() + ", got " + input.size());
        }
      }
      for (Tensor target : sequence.targets()) {
        if (target.size() != model.predictionSize()) {
          throw new IllegalArgumentException("sequence " + (s + 1) + ": expected targets of size "
              + model.predictionSize() + ", got " + target.size());
        }
      }
    }
    if (loss.kind() == LossSpec.Kind.CROSS_ENTROPY && model.output() != OutputFunction.SOFTMAX) {
      throw new IllegalArgumentException("loss: cross-entropy needs a softmax output, got " + model.output().yamlName());
    }
  }

  /** The same exercise with other given values (an updated or perturbed copy). */
  public Exercise withGiven(Map<Parameter, Tensor> newParameters, List<SequenceData> newSequences) {
    return new Exercise(id, title, source, model, loss, newSequences, vocabulary, newParameters, training, notation,
        asked);
  }

  public Tensor parameter(Parameter parameter) {
    Tensor value = parameters.get(parameter);
    if (value == null) {
      throw new IllegalArgumentException("exercise " + id + " has no parameter " + parameter.canonicalName());
    }
    return value;
  }

  /** Whether per-sequence quantity names carry the s1., s2., ... prefix. */
  public boolean isBatch() {
    return sequences.size() > 1;
  }
}
