package org.bptt.grader.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.TreeMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.bptt.grader.error.InputException;
import org.bptt.grader.error.Location;
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
import org.bptt.grader.exercise.Vocabulary;
import org.bptt.grader.grading.GradingSpec;
import org.bptt.grader.solver.QuantityId;
import org.bptt.grader.value.Shape;
import org.bptt.grader.value.Tensor;
import org.bptt.grader.yaml.TensorReader;
import org.bptt.grader.yaml.YamlList;
import org.bptt.grader.yaml.YamlMap;
import org.bptt.grader.yaml.YamlNode;
import org.bptt.grader.yaml.YamlReader;
import org.bptt.grader.yaml.YamlScalar;

/**
 * Reads an exercise file (the format is documented in exercises/README.md) into an {@link
 * Exercise}, with every error naming the file, line and column and what was expected.
 */
public final class ExerciseLoader {

  // The shape limits (public: grader/bench/LimitInputs.java builds its worst cases from them).
  public static final int MAX_STEPS = 50;
  public static final int MAX_SEQUENCES = 20;
  public static final int MAX_SIZE = 16;
  public static final int MAX_EPOCHS = 100_000;
  /**
   * The most steps all sequences together may have. Preparing an exercise to grade (every asked
   * value, and its rounding budget from perturbed solves) costs tens of milliseconds a step on a
   * 2-core machine, more with a training run: 200 steps of the largest network took about 10 s of CPU
   * to grade, 1000 (20 sequences of 50) about 15 s for the smallest. See grader/bench/limits.sh.
   */
  public static final int MAX_TOTAL_STEPS = 100;
  /**
   * The longest training run an exercise may ask for (its largest {@code loss_after}), in updates
   * times steps over all sequences: a step of an update costs tens of microseconds whatever the
   * network's size (the graph's bookkeeping, not the arithmetic, dominates), and grading repeats the
   * run for the rounding budgets, so this keeps grading in seconds (seed 001 asks 1000 updates of 4
   * steps). See grader/bench/limits.sh.
   */
  public static final int MAX_TRAINING_STEPS = 5_000;

  private final YamlReader reader = new YamlReader();

  public Exercise load(Path file, String displayName) throws InputException {
    return loadDefinition(file, displayName).exercise();
  }

  /** The exercise as written, or a randomized file's preview variant. */
  public ExerciseDefinition loadDefinition(Path file, String displayName) throws InputException {
    return loadTemplate(file, displayName).definition();
  }

  public Exercise parse(String text, String displayName) throws InputException {
    return parseDefinition(text, displayName).exercise();
  }

  /** An exercise written inline (not randomized), as a file would give it. */
  public ExerciseDefinition parseDefinition(String text, String displayName) throws InputException {
    return new ExerciseTemplate(this, reader.parse(text, displayName).asDocument("exercise")).definition();
  }

  /** Reads a file that may draw its given values at random ({@code random:} specs and a {@code variants:} block). */
  public ExerciseTemplate loadTemplate(Path file, String displayName) throws InputException {
    YamlMap root = reader.read(file, displayName).asDocument("exercise");
    return new ExerciseTemplate(this, root);
  }

  ExerciseDefinition fromYaml(YamlNode rootNode) throws InputException {
    YamlMap root = rootNode.asMap("exercise");
    root.allowOnly("exercise", List.of("id", "title", "source", "model", "loss", "data", "parameters", "training",
        "notation", "ask", "grading", "variants"));
    YamlScalar idNode = root.require("id", "exercise").asScalar("id");
    String id = idNode.asString("id");
    String idProblem = Ids.exerciseProblem(id);
    if (idProblem != null) {
      throw new InputException(idNode.location(), idProblem);
    }
    String title = optionalText(root, "title", id);
    String source = optionalText(root, "source", "");
    ModelSpec model = readModel(root.require("model", "exercise").asMap("model"));
    LossSpec loss = readLoss(root.require("loss", "exercise").asMap("loss"));
    YamlMap data = root.require("data", "exercise").asMap("data");
    Optional<Vocabulary> vocabulary = readVocabulary(data, model);
    List<SequenceData> sequences = readSequences(data, model, loss, vocabulary);
    Map<Parameter, Tensor> parameters = readParameters(root.require("parameters", "exercise").asMap("parameters"), model);
    TrainingSpec training = readTraining(root.optional("training"));
    Notation notation = readNotation(root.optional("notation"), model);
    Map<String, Location> asks = readAsks(root.optional("ask"));
    Exercise exercise;
    try {
      exercise = new Exercise(id, title, source, model, loss, sequences, vocabulary, parameters, training, notation,
          List.copyOf(asks.keySet()));
    } catch (IllegalArgumentException e) {
      throw new InputException(root.location(), e.getMessage());
    }
    checkTrainingWork(exercise, root);
    GradingSpec grading = GradingSpecReader.read(root.optional("grading"));
    int sheetDecimals = GradingSpecReader.givenDecimals(root.optional("grading"))
        .orElse(GivenPrecision.sheetDecimals(grading.defaultTolerance()));
    return new ExerciseDefinition(exercise, grading, GivenPrecision.halfUnits(root, exercise, sheetDecimals), asks,
        GradingSpecReader.reveal(root.optional("grading")));
  }

  private static String optionalText(YamlMap map, String key, String fallback) throws InputException {
    Optional<YamlNode> node = map.optional(key);
    return node.isPresent() ? node.get().asScalar(key).asString(key) : fallback;
  }

  private static <E extends Enum<E>> E choice(YamlMap map, String key, String what, E[] values, List<String> words,
      E fallback) throws InputException {
    Optional<YamlNode> node = map.optional(key);
    if (node.isEmpty()) {
      return fallback;
    }
    return values[node.get().asScalar(what).asChoice(what, words)];
  }

  private static int size(YamlMap map, String key, String what) throws InputException {
    YamlScalar node = map.require(key, what).asScalar(what + "." + key);
    int value = node.asInt(what + "." + key);
    if (value < 1 || value > MAX_SIZE) {
      throw new InputException(node.location(), what + "." + key + ": expected 1 to " + MAX_SIZE + ", got " + value);
    }
    return value;
  }

  private static boolean flag(YamlMap map, String key, boolean fallback) throws InputException {
    Optional<YamlNode> node = map.optional(key);
    return node.isPresent() ? node.get().asScalar(key).asBoolean("model." + key) : fallback;
  }

  // --- model and loss ----------------------------------------------------------------------

  static ModelSpec readModel(YamlMap map) throws InputException {
    map.allowOnly("model", List.of("kind", "input_size", "hidden_size", "output_size", "hidden_activation", "output",
        "hidden_bias", "output_bias"));
    ModelKind kind = choice(map, "kind", "model.kind", ModelKind.values(), List.of("elman", "lstm", "gru"),
        ModelKind.ELMAN);
    if (kind != ModelKind.ELMAN && map.optional("hidden_activation").isPresent()) {
      throw new InputException(map.keyLocation("hidden_activation"), "model.hidden_activation: the " + kind.yamlName()
          + " cell fixes its activations (sigmoid gates, tanh candidate and state), expected no hidden_activation");
    }
    int inputs = size(map, "input_size", "model");
    int hidden = size(map, "hidden_size", "model");
    Activation activation = choice(map, "hidden_activation", "model.hidden_activation", Activation.values(),
        List.of("tanh", "sigmoid", "relu", "linear"), Activation.TANH);
    OutputFunction output = choice(map, "output", "model.output", OutputFunction.values(),
        List.of("linear", "softmax", "none"), OutputFunction.LINEAR);
    int outputs = output == OutputFunction.NONE && map.optional("output_size").isEmpty()
        ? hidden : size(map, "output_size", "model");
    boolean hiddenBias = flag(map, "hidden_bias", true);
    boolean outputBias = flag(map, "output_bias", output.hasOutputLayer());
    try {
      return new ModelSpec(kind, inputs, hidden, outputs, activation, output, hiddenBias, outputBias);
    } catch (IllegalArgumentException e) {
      throw new InputException(map.location(), e.getMessage());
    }
  }

  private static LossSpec readLoss(YamlMap map) throws InputException {
    map.allowOnly("loss", List.of("kind", "scale", "over_time", "over_sequences", "steps"));
    LossSpec.Kind kind = LossSpec.Kind.values()[map.require("kind", "loss").asScalar("loss.kind")
        .asChoice("loss.kind", List.of("squared_error", "cross_entropy"))];
    double scale = 1;
    if (kind == LossSpec.Kind.SQUARED_ERROR) {
      YamlScalar scaleNode = map.require("scale", "loss (squared_error)").asScalar("loss.scale");
      scale = scaleNode.asDouble("loss.scale");
      if (scale != 0.5 && scale != 1) {
        throw new InputException(scaleNode.location(), "loss.scale: expected 0.5 or 1, got " + scaleNode.text());
      }
    } else if (map.optional("scale").isPresent()) {
      throw new InputException(map.keyLocation("scale"), "loss.scale: only squared_error has a scale");
    }
    List<String> reductions = List.of("sum", "mean");
    LossSpec.Reduction overTime = choice(map, "over_time", "loss.over_time", LossSpec.Reduction.values(), reductions,
        LossSpec.Reduction.SUM);
    LossSpec.Reduction overSequences = choice(map, "over_sequences", "loss.over_sequences",
        LossSpec.Reduction.values(), reductions, LossSpec.Reduction.SUM);
    LossSpec.Steps steps = choice(map, "steps", "loss.steps", LossSpec.Steps.values(), List.of("all", "last"),
        LossSpec.Steps.ALL);
    return new LossSpec(kind, scale, overTime, overSequences, steps);
  }

  // --- data --------------------------------------------------------------------------------

  private static Optional<Vocabulary> readVocabulary(YamlMap data, ModelSpec model) throws InputException {
    Optional<YamlNode> node = data.optional("vocabulary");
    if (node.isEmpty()) {
      return Optional.empty();
    }
    YamlList list = node.get().asList("data.vocabulary");
    List<String> symbols = new ArrayList<>();
    for (YamlNode item : list.items()) {
      String symbol = item.asScalar("data.vocabulary entry").asString("data.vocabulary entry");
      if (symbol.codePointCount(0, symbol.length()) != 1) {
        throw new InputException(item.location(), "data.vocabulary: expected single characters, got '" + symbol + "'");
      }
      if (symbols.contains(symbol)) {
        throw new InputException(item.location(), "data.vocabulary: '" + symbol + "' is listed twice");
      }
      symbols.add(symbol);
    }
    if (symbols.size() < 2 || symbols.size() != model.inputSize() || symbols.size() != model.predictionSize()) {
      throw new InputException(list.location(), "data.vocabulary: expected " + model.inputSize()
          + " symbols (the input and output size, one-hot), got " + symbols.size());
    }
    return Optional.of(new Vocabulary(symbols));
  }

  private static List<SequenceData> readSequences(YamlMap data, ModelSpec model, LossSpec loss,
      Optional<Vocabulary> vocabulary) throws InputException {
    data.allowOnly("data", List.of("vocabulary", "sequences"));
    YamlList list = data.require("sequences", "data").asList("data.sequences");
    if (list.size() < 1 || list.size() > MAX_SEQUENCES) {
      throw new InputException(list.location(), "data.sequences: expected 1 to " + MAX_SEQUENCES + " sequences, got "
          + list.size());
    }
    List<SequenceData> sequences = new ArrayList<>();
    for (int s = 0; s < list.size(); s++) {
      String what = "data.sequences[" + (s + 1) + "]";
      YamlMap map = list.get(s).asMap(what);
      SequenceData sequence = vocabulary.isPresent()
          ? readTextSequence(map, what, vocabulary.get(), loss)
          : readNumericSequence(map, what, model, loss);
      sequences.add(sequence);
    }
    if (totalSteps(sequences) > MAX_TOTAL_STEPS) {
      throw new InputException(list.location(), "data.sequences: expected at most " + MAX_TOTAL_STEPS
          + " steps in all, got " + totalSteps(sequences) + "; use fewer or shorter sequences");
    }
    return sequences;
  }

  private static SequenceData readNumericSequence(YamlMap map, String what, ModelSpec model, LossSpec loss)
      throws InputException {
    map.allowOnly(what, List.of("inputs", "targets"));
    YamlList inputs = map.require("inputs", what).asList(what + ".inputs");
    YamlList targets = map.require("targets", what).asList(what + ".targets");
    checkLength(inputs, what + ".inputs");
    int expectedTargets = loss.steps() == LossSpec.Steps.ALL ? inputs.size() : 1;
    if (targets.size() != expectedTargets) {
      throw new InputException(targets.location(), what + ".targets: expected " + expectedTargets
          + (expectedTargets == 1 ? " target (loss on the last step only)" : " targets, one per step")
          + ", got " + targets.size());
    }
    List<Tensor> inputVectors = new ArrayList<>();
    for (int t = 0; t < inputs.size(); t++) {
      inputVectors.add(TensorReader.read(inputs.get(t), Shape.vector(model.inputSize()),
          what + ".inputs step " + (t + 1)));
    }
    List<Tensor> targetVectors = new ArrayList<>();
    for (int t = 0; t < targets.size(); t++) {
      targetVectors.add(TensorReader.read(targets.get(t), Shape.vector(model.predictionSize()),
          what + ".targets entry " + (t + 1)));
    }
    return new SequenceData(inputVectors, targetVectors);
  }

  private static SequenceData readTextSequence(YamlMap map, String what, Vocabulary vocabulary, LossSpec loss)
      throws InputException {
    map.allowOnly(what, List.of("text", "target_text"));
    YamlScalar textNode = map.require("text", what).asScalar(what + ".text");
    YamlScalar targetNode = map.require("target_text", what).asScalar(what + ".target_text");
    List<Tensor> inputs = encode(textNode, what + ".text", vocabulary);
    List<Tensor> targets = encode(targetNode, what + ".target_text", vocabulary);
    int expectedTargets = loss.steps() == LossSpec.Steps.ALL ? inputs.size() : 1;
    if (targets.size() != expectedTargets) {
      throw new InputException(targetNode.location(), what + ".target_text: expected " + expectedTargets
          + " characters, got " + targets.size());
    }
    if (inputs.size() > MAX_STEPS) {
      throw new InputException(textNode.location(), what + ".text: expected at most " + MAX_STEPS + " characters");
    }
    return new SequenceData(inputs, targets);
  }

  private static List<Tensor> encode(YamlScalar node, String what, Vocabulary vocabulary) throws InputException {
    String text = node.asString(what);
    List<Tensor> encoded = new ArrayList<>();
    int position = 0;
    for (int offset = 0; offset < text.length(); ) {
      int codePoint = text.codePointAt(offset);
      String symbol = new String(Character.toChars(codePoint));
      position++;
      if (vocabulary.indexOf(symbol) < 0) {
        throw new InputException(node.location(), what + ": character '" + symbol + "' at position " + position
            + " is not in the vocabulary [" + String.join(", ", vocabulary.symbols()) + "]");
      }
      encoded.add(vocabulary.oneHot(symbol));
      offset += Character.charCount(codePoint);
    }
    return encoded;
  }

  private static void checkLength(YamlList steps, String what) throws InputException {
    if (steps.size() < 1 || steps.size() > MAX_STEPS) {
      throw new InputException(steps.location(), what + ": expected 1 to " + MAX_STEPS + " steps, got " + steps.size());
    }
  }

  // --- parameters, training, notation, asks -------------------------------------------------

  private static Map<Parameter, Tensor> readParameters(YamlMap map, ModelSpec model) throws InputException {
    List<String> allowed = new ArrayList<>();
    for (Parameter parameter : Parameter.values()) {
      if (parameter.existsIn(model)) {
        allowed.add(parameter.canonicalName());
      }
    }
    for (String key : map.keys()) {
      if (!allowed.contains(key)) {
        Parameter known = Parameter.byCanonicalName(key);
        throw new InputException(map.keyLocation(key), "parameters: " + (known != null
            ? "the model has no " + key + " (check its biases and output)"
            : "unknown parameter '" + key + "'") + ", expected " + String.join(", ", allowed));
      }
    }
    Map<Parameter, Tensor> parameters = new TreeMap<>();
    for (Parameter parameter : Parameter.values()) {
      if (!parameter.existsIn(model)) {
        continue;
      }
      Optional<YamlNode> node = map.optional(parameter.canonicalName());
      Shape shape = parameter.shapeIn(model);
      if (node.isEmpty() && parameter.role() != Parameter.Role.INITIAL_STATE) {
        throw new InputException(map.location(), "parameters: missing " + parameter.canonicalName() + " (shape "
            + shape + ")");
      }
      parameters.put(parameter, node.isEmpty()
          ? Tensor.zeros(shape)
          : TensorReader.read(node.get(), shape, parameter.canonicalName()));
    }
    return parameters;
  }

  private static TrainingSpec readTraining(Optional<YamlNode> node) throws InputException {
    if (node.isEmpty()) {
      return new TrainingSpec(0.1, 1, List.of(), Optional.empty(), OptionalInt.empty());
    }
    YamlMap map = node.get().asMap("training");
    map.allowOnly("training", List.of("learning_rate", "epochs", "loss_after", "clip", "truncate"));
    double rate = 0.1;
    if (map.optional("learning_rate").isPresent()) {
      YamlScalar rateNode = map.require("learning_rate", "training").asScalar("training.learning_rate");
      rate = rateNode.asDouble("training.learning_rate");
      if (rate <= 0) {
        throw new InputException(rateNode.location(), "training.learning_rate: expected a positive number, got "
            + rateNode.text());
      }
    }
    List<Integer> lossAfter = new ArrayList<>();
    if (map.optional("loss_after").isPresent()) {
      for (YamlNode item : map.require("loss_after", "training").asList("training.loss_after").items()) {
        int updates = item.asScalar("training.loss_after").asInt("training.loss_after");
        if (updates < 1 || updates > MAX_EPOCHS || lossAfter.contains(updates)) {
          throw new InputException(item.location(), "training.loss_after: expected distinct counts from 1 to "
              + MAX_EPOCHS + ", got " + updates);
        }
        lossAfter.add(updates);
      }
    }
    int epochs = lossAfter.stream().mapToInt(Integer::intValue).max().orElse(1);
    if (map.optional("epochs").isPresent()) {
      YamlScalar epochsNode = map.require("epochs", "training").asScalar("training.epochs");
      epochs = epochsNode.asInt("training.epochs");
      if (epochs < 1 || epochs > MAX_EPOCHS || epochs < lossAfter.stream().mapToInt(Integer::intValue).max().orElse(1)) {
        throw new InputException(epochsNode.location(), "training.epochs: expected 1 to " + MAX_EPOCHS
            + " and at least every loss_after count, got " + epochs);
      }
    }
    Optional<Clipping> clipping = Optional.empty();
    if (map.optional("clip").isPresent()) {
      YamlMap clip = map.require("clip", "training").asMap("training.clip");
      clip.allowOnly("training.clip", List.of("by", "threshold"));
      Clipping.Mode mode = Clipping.Mode.values()[clip.require("by", "training.clip").asScalar("training.clip.by")
          .asChoice("training.clip.by", List.of("norm", "value"))];
      YamlScalar thresholdNode = clip.require("threshold", "training.clip").asScalar("training.clip.threshold");
      double threshold = thresholdNode.asDouble("training.clip.threshold");
      if (threshold <= 0) {
        throw new InputException(thresholdNode.location(), "training.clip.threshold: expected a positive number, got "
            + thresholdNode.text());
      }
      clipping = Optional.of(new Clipping(mode, threshold));
    }
    OptionalInt truncate = OptionalInt.empty();
    if (map.optional("truncate").isPresent()) {
      YamlScalar truncateNode = map.require("truncate", "training").asScalar("training.truncate");
      int steps = truncateNode.asInt("training.truncate");
      if (steps < 1) {
        throw new InputException(truncateNode.location(), "training.truncate: expected at least 1 step, got " + steps);
      }
      truncate = OptionalInt.of(steps);
    }
    return new TrainingSpec(rate, epochs, lossAfter, clipping, truncate);
  }

  private static Notation readNotation(Optional<YamlNode> node, ModelSpec model) throws InputException {
    if (node.isEmpty()) {
      return Notation.canonical();
    }
    YamlMap map = node.get().asMap("notation");
    Map<String, String> symbols = new LinkedHashMap<>();
    for (String key : map.keys()) {
      Parameter parameter = Parameter.byCanonicalName(key);
      if (parameter == null || !parameter.existsIn(model)) {
        List<String> names = Parameter.values().stream().filter(known -> known.existsIn(model))
            .map(Parameter::canonicalName).toList();
        throw new InputException(map.keyLocation(key), "notation: '" + key
            + "' is not a parameter of this model, expected one of " + String.join(", ", names));
      }
      YamlScalar symbol = map.require(key, "notation").asScalar("notation." + key);
      String text = symbol.asString("notation." + key);
      if (!text.matches("[A-Za-z][A-Za-z0-9_]*") || Parameter.byCanonicalName(text) != null && !text.equals(key)
          || model.kind() != ModelKind.ELMAN && QuantityId.CELL_SYMBOLS.contains(text)) {
        throw new InputException(symbol.location(), "notation." + key
            + ": expected a symbol of letters, digits and _ that is not another parameter's canonical name"
            + (model.kind() == ModelKind.ELMAN ? "" : " or a gated cell's quantity ("
                + String.join(", ", new java.util.TreeSet<>(QuantityId.CELL_SYMBOLS)) + ")") + ", got '" + text + "'");
      }
      if (symbols.containsValue(text)) {
        throw new InputException(symbol.location(), "notation." + key + ": symbol '" + text + "' is used twice");
      }
      symbols.put(key, text);
    }
    return new Notation(symbols);
  }

  /** A training run as long as the exercise asks must stay within {@link #MAX_TRAINING_STEPS}. */
  private static void checkTrainingWork(Exercise exercise, YamlMap root) throws InputException {
    int updates = exercise.training().reportLossAfter().stream().mapToInt(Integer::intValue).max().orElse(0);
    if (updates == 0) {
      return;
    }
    long steps = totalSteps(exercise.sequences());
    // a gated cell's step is several Elman steps' work: one per gate
    int gates = switch (exercise.model().kind()) {
      case ELMAN -> 1;
      case GRU -> 3;
      case LSTM -> 4;
    };
    if (updates * steps * gates > MAX_TRAINING_STEPS) {
      throw new InputException(root.keyLocation("training"), "training.loss_after: " + updates + " updates of "
          + steps + " steps" + (gates > 1 ? " of " + gates + " gates each" : "") + " are more than the "
          + MAX_TRAINING_STEPS + " update steps a training run may take (at most " + MAX_TRAINING_STEPS / (steps * gates)
          + " updates here); ask for fewer updates");
    }
  }

  /** The steps of all sequences together. */
  static int totalSteps(List<SequenceData> sequences) {
    return sequences.stream().mapToInt(SequenceData::length).sum();
  }

  private static Map<String, Location> readAsks(Optional<YamlNode> node) throws InputException {
    Map<String, Location> asks = new LinkedHashMap<>();
    if (node.isEmpty()) {
      return asks;
    }
    for (YamlNode item : node.get().asList("ask").items()) {
      String pattern = item.asScalar("ask entry").asString("ask entry");
      if (asks.containsKey(pattern)) {
        throw new InputException(item.location(), "ask: '" + pattern + "' is listed twice");
      }
      asks.put(pattern, item.location());
    }
    return asks;
  }
}
