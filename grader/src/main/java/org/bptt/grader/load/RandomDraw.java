package org.bptt.grader.load;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.math3.random.RandomGenerator;
import org.bptt.grader.error.InputException;
import org.bptt.grader.error.Location;
import org.bptt.grader.exercise.ModelSpec;
import org.bptt.grader.exercise.Parameter;
import org.bptt.grader.value.Shape;
import org.bptt.grader.yaml.YamlList;
import org.bptt.grader.yaml.YamlMap;
import org.bptt.grader.yaml.YamlNode;
import org.bptt.grader.yaml.YamlScalar;

/**
 * Replaces the {@code random:} specs of an exercise file with drawn numbers, giving an ordinary
 * exercise file's tree. A spec stands where a number is expected (an entry of a parameter, an
 * input or target, the learning rate) or for a whole parameter, input or target (every entry drawn):
 * <pre>
 * {random: {range: [-0.5, 0.5], decimals: 2}}   # uniform, rounded to the decimals the sheet prints
 * {random: {choose: [0.1, 0.2, 0.5]}}           # one of a list
 * </pre>
 * Drawn values are written with exactly the spec's decimals, so they read as the sheet prints them.
 */
final class RandomDraw {

  private final RandomGenerator random;
  private final ModelSpec model;

  RandomDraw(RandomGenerator random, ModelSpec model) {
    this.random = random;
    this.model = model;
  }

  /** Whether the tree has any random spec at all. */
  static boolean hasSpecs(YamlNode node) {
    if (node instanceof YamlMap map) {
      return isSpec(map) || map.entries().values().stream().anyMatch(RandomDraw::hasSpecs);
    }
    if (node instanceof YamlList list) {
      return list.items().stream().anyMatch(RandomDraw::hasSpecs);
    }
    return false;
  }

  private static boolean isSpec(YamlNode node) {
    return node instanceof YamlMap map && map.keys().size() == 1 && map.keys().contains("random");
  }

  /** The tree with every spec drawn, in document order (the draw order is part of the variant). */
  YamlMap draw(YamlMap root) throws InputException {
    Map<String, YamlNode> entries = new LinkedHashMap<>(root.entries());
    if (root.optional("parameters").orElse(null) instanceof YamlMap parameters) {
      Map<String, YamlNode> drawn = new LinkedHashMap<>();
      for (String key : parameters.keys()) {
        Parameter parameter = Parameter.byCanonicalName(key);
        Shape shape = parameter == null ? Shape.scalar() : parameter.shapeIn(model);
        drawn.put(key, value(parameters.entries().get(key), shape, "parameters." + key));
      }
      entries.put("parameters", new YamlMap(parameters.location(), drawn, parameters.keyLocations()));
    }
    if (root.optional("data").orElse(null) instanceof YamlMap data
        && data.optional("sequences").orElse(null) instanceof YamlList sequences) {
      List<YamlNode> drawnSequences = new ArrayList<>();
      for (YamlNode item : sequences.items()) {
        drawnSequences.add(item instanceof YamlMap sequence ? drawSequence(sequence) : item);
      }
      Map<String, YamlNode> dataEntries = new LinkedHashMap<>(data.entries());
      dataEntries.put("sequences", new YamlList(sequences.location(), drawnSequences));
      entries.put("data", new YamlMap(data.location(), dataEntries, data.keyLocations()));
    }
    if (root.optional("training").orElse(null) instanceof YamlMap training
        && training.optional("learning_rate").isPresent()) {
      Map<String, YamlNode> trainingEntries = new LinkedHashMap<>(training.entries());
      trainingEntries.put("learning_rate",
          value(training.entries().get("learning_rate"), Shape.scalar(), "training.learning_rate"));
      entries.put("training", new YamlMap(training.location(), trainingEntries, training.keyLocations()));
    }
    YamlMap drawn = new YamlMap(root.location(), entries, root.keyLocations());
    Optional<YamlNode> left = findSpec(drawn);
    if (left.isPresent()) {
      throw new InputException(left.get().location(), "random: only parameters, inputs, targets and the learning "
          + "rate can be drawn");
    }
    return drawn;
  }

  private YamlMap drawSequence(YamlMap sequence) throws InputException {
    Map<String, YamlNode> entries = new LinkedHashMap<>(sequence.entries());
    for (String key : List.of("inputs", "targets")) {
      if (sequence.optional(key).orElse(null) instanceof YamlList steps) {
        int size = key.equals("inputs") ? model.inputSize() : model.predictionSize();
        Shape shape = size == 1 ? Shape.scalar() : Shape.vector(size);
        List<YamlNode> drawn = new ArrayList<>();
        for (YamlNode step : steps.items()) {
          drawn.add(value(step, shape, "data." + key));
        }
        entries.put(key, new YamlList(steps.location(), drawn));
      }
    }
    return new YamlMap(sequence.location(), entries, sequence.keyLocations());
  }

  /** A value with specs drawn: a whole-value spec becomes numbers of {@code shape}. */
  private YamlNode value(YamlNode node, Shape shape, String what) throws InputException {
    if (isSpec(node)) {
      YamlMap spec = ((YamlMap) node).require("random", what).asMap(what + ".random");
      if (shape.size() == 1) {
        return number(spec, what);
      }
      List<YamlNode> rows = new ArrayList<>();
      boolean matrix = shape.kind() == Shape.Kind.MATRIX;
      for (int i = 0; i < shape.rows(); i++) {
        if (!matrix) {
          rows.add(number(spec, what));
          continue;
        }
        List<YamlNode> row = new ArrayList<>();
        for (int j = 0; j < shape.columns(); j++) {
          row.add(number(spec, what));
        }
        rows.add(new YamlList(node.location(), row));
      }
      return new YamlList(node.location(), rows);
    }
    if (node instanceof YamlList list) {
      List<YamlNode> items = new ArrayList<>();
      for (YamlNode item : list.items()) {
        items.add(value(item, Shape.scalar(), what));
      }
      return new YamlList(list.location(), items);
    }
    return node;
  }

  private YamlScalar number(YamlMap spec, String what) throws InputException {
    spec.allowOnly(what + ".random", List.of("range", "decimals", "choose"));
    Location location = spec.location();
    if (spec.optional("choose").isPresent()) {
      YamlList choices = spec.require("choose", what).asList(what + ".random.choose");
      if (choices.size() == 0 || spec.keys().size() != 1) {
        throw new InputException(location, what + ".random: expected {choose: [values...]} with at least one value");
      }
      YamlScalar chosen = choices.get(random.nextInt(choices.size())).asScalar(what + ".random.choose");
      chosen.asDouble(what + ".random.choose");
      return new YamlScalar(chosen.location(), chosen.text(), false);
    }
    YamlList range = spec.require("range", what + ".random").asList(what + ".random.range");
    if (range.size() != 2) {
      throw new InputException(range.location(), what + ".random.range: expected [low, high], got " + range.describe());
    }
    double low = range.get(0).asScalar(what).asDouble(what + ".random.range");
    double high = range.get(1).asScalar(what).asDouble(what + ".random.range");
    int decimals = spec.require("decimals", what + ".random").asScalar(what).asInt(what + ".random.decimals");
    if (!(low < high) || decimals < 0 || decimals > 8) {
      throw new InputException(range.location(), what + ".random: expected low < high and 0 to 8 decimals, got ["
          + low + ", " + high + "] and " + decimals);
    }
    double drawn = low + random.nextDouble() * (high - low);
    BigDecimal rounded = new BigDecimal(drawn).setScale(decimals, RoundingMode.HALF_EVEN);
    BigDecimal bounded = rounded.max(BigDecimal.valueOf(low).setScale(decimals, RoundingMode.CEILING))
        .min(BigDecimal.valueOf(high).setScale(decimals, RoundingMode.FLOOR));
    String text = bounded.toPlainString();
    return new YamlScalar(location, text.startsWith("-") && bounded.signum() == 0 ? text.substring(1) : text, false);
  }

  private static Optional<YamlNode> findSpec(YamlNode node) {
    if (isSpec(node)) {
      return Optional.of(node);
    }
    if (node instanceof YamlMap map) {
      for (YamlNode child : map.entries().values()) {
        Optional<YamlNode> found = findSpec(child);
        if (found.isPresent()) {
          return found;
        }
      }
    } else if (node instanceof YamlList list) {
      for (YamlNode child : list.items()) {
        Optional<YamlNode> found = findSpec(child);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }
}
