package org.bptt.grader.load;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bptt.grader.exercise.Exercise;
import org.bptt.grader.exercise.LossSpec;
import org.bptt.grader.exercise.Parameter;
import org.bptt.grader.grading.Tolerance;
import org.bptt.grader.solver.Names;
import org.bptt.grader.value.Tensor;
import org.bptt.grader.yaml.TensorReader;
import org.bptt.grader.yaml.YamlList;
import org.bptt.grader.yaml.YamlMap;
import org.bptt.grader.yaml.YamlNode;

/**
 * The printed precision of an exercise's given numbers. A value printed to the full precision the
 * sheet works to (seed 001's 0.1442 at four decimals) is presumably rounded from something longer,
 * so it stands for anything within half a unit of its last digit. A value printed shorter (0.5, an
 * input of 2) is exact, and so is one-hot text data.
 */
final class GivenPrecision {

  private GivenPrecision() {}

  static int sheetDecimals(Tolerance tolerance) {
    if (tolerance instanceof Tolerance.AsWritten asWritten) {
      return asWritten.minimumDecimals();
    }
    if (tolerance instanceof Tolerance.DecimalPlaces places) {
      return places.places();
    }
    return 4;
  }

  static Map<String, Tensor> halfUnits(YamlMap root, Exercise exercise, int sheetDecimals) {
    Map<String, Tensor> halfUnits = new HashMap<>();
    Optional<YamlNode> parameters = root.optional("parameters");
    if (parameters.isPresent() && parameters.get() instanceof YamlMap map) {
      for (Parameter parameter : Parameter.values()) {
        Optional<YamlNode> node = map.optional(parameter.canonicalName());
        if (node.isPresent() && parameter.existsIn(exercise.model())) {
          Tensor value = exercise.parameter(parameter);
          halfUnits.put(parameter.canonicalName(), halfUnit(node.get(), value, sheetDecimals));
        }
      }
    }
    if (exercise.vocabulary().isPresent() || !(root.optional("data").orElse(null) instanceof YamlMap data)
        || !(data.optional("sequences").orElse(null) instanceof YamlList sequences)) {
      return halfUnits;
    }
    for (int s = 0; s < sequences.size(); s++) {
      if (!(sequences.get(s) instanceof YamlMap sequence)) {
        continue;
      }
      String prefix = Names.sequencePrefix(s, exercise.isBatch());
      List<Tensor> inputs = exercise.sequences().get(s).inputs();
      List<Tensor> targets = exercise.sequences().get(s).targets();
      if (sequence.optional("inputs").orElse(null) instanceof YamlList inputNodes) {
        for (int t = 0; t < inputNodes.size(); t++) {
          halfUnits.put(prefix + Names.at("x", t + 1), halfUnit(inputNodes.get(t), inputs.get(t), sheetDecimals));
        }
      }
      if (sequence.optional("targets").orElse(null) instanceof YamlList targetNodes) {
        for (int i = 0; i < targetNodes.size(); i++) {
          int step = exercise.loss().steps() == LossSpec.Steps.LAST ? inputs.size() : i + 1;
          halfUnits.put(prefix + Names.at("target", step), halfUnit(targetNodes.get(i), targets.get(i), sheetDecimals));
        }
      }
    }
    return halfUnits;
  }

  private static Tensor halfUnit(YamlNode node, Tensor value, int sheetDecimals) {
    List<Integer> decimals = TensorReader.writtenDecimals(node);
    double[] units = new double[value.size()];
    for (int i = 0; i < units.length; i++) {
      int written = i < decimals.size() ? decimals.get(i) : 0;
      units[i] = written >= sheetDecimals ? 0.5 * Math.pow(10, -written) : 0;
    }
    return Tensor.of(value.shape(), units);
  }
}
