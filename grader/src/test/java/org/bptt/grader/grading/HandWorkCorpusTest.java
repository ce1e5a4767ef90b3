package org.bptt.grader.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.bptt.grader.error.GraderException;
import org.bptt.grader.error.Location;
import org.bptt.grader.grading.misconception.MisconceptionLibrary;
import org.bptt.grader.load.ExerciseDefinition;
import org.bptt.grader.pipeline.GraderPipeline;
import org.bptt.grader.pipeline.PreparedExercise;
import org.bptt.grader.solver.Quantity;
import org.bptt.grader.solver.Stage;
import org.bptt.grader.value.Label;
import org.bptt.grader.value.Tensor;
import org.bptt.grader.value.Value;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of simulated students with ground-truth labels, on random exercises over every option
 * of the format (activation, output, loss and its means, steps, batches, biases, truncation,
 * clipping, training runs, 3 or 4 decimals): honest students at the exercise's precision and one
 * decimal finer, who round their working values too; students with one or two slips carried
 * through consistently; each misconception applied consistently; copies of the reference at 2
 * decimals. What must hold: honest work is all correct with full score; a slip costs exactly the
 * slipped quantities; each misconception is named at the first asked quantity where it shows; no
 * misconception is named on honest work or on a copy.
 */
class HandWorkCorpusTest {

  static final int EXERCISES = 64;

  @TempDir
  static Path folder;

  static Stream<Integer> exercises() {
    return IntStream.range(0, EXERCISES).boxed();
  }

  /** A prepared random exercise, its precision, and the random source of its students. */
  private record Case(PreparedExercise prepared, int decimals, Random random, String description) {
    Grader grader() {
      return prepared.grader();
    }

    List<String> asked() {
      return grader().asked();
    }

    SubmissionResult grade(HandWork work) {
      return grade(work.answers(asked()));
    }

    SubmissionResult grade(Map<String, Answer> answers) {
      return grader().grade(new Submission("student.yaml", prepared.exercise().id(), "student", answers));
    }

    double gradableCount() {
      return asked().stream().filter(name -> !grader().notGradable().containsKey(name)).count();
    }
  }

  /** Well-spread seeds: java.util.Random's first draws from consecutive seeds are nearly the same. */
  static Random random(int index) {
    return new Random(0x9E3779B97F4A7C15L * (index + 1) + 12_345);
  }

  private static Case prepare(int index) throws IOException, GraderException {
    Random random = random(index);
    RandomExerciseText text = new RandomExerciseText(random, index);
    Path file = folder.resolve("corpus-" + index + ".yaml");
    Files.writeString(file, text.yaml());
    ExerciseDefinition definition = GraderPipeline.loadExercise(file, null, null);
    return new Case(PreparedExercise.prepare(definition), text.decimals(), random, text.yaml());
  }

  @ParameterizedTest
  @MethodSource("exercises")
  void honestHandWorkIsAllCorrectWithFullScore(int index) throws Exception {
    Case exercise = prepare(index);
    for (int decimals = exercise.decimals(); decimals <= exercise.decimals() + 1; decimals++) {
      SubmissionResult result = exercise.grade(new HandWork(exercise.prepared().graph(), decimals));
      for (QuantityResult quantity : result.quantities()) {
        boolean accepted = quantity.finding() instanceof Finding.Correct
            || quantity.finding() instanceof Finding.NotGradable;
        assertTrue(accepted, () -> "honest at " + quantity.writtenDecimals() + ": " + quantity.name() + " "
            + quantity.finding() + " for " + quantity.submitted() + ", reference " + quantity.expected() + "\n"
            + exercise.description());
      }
      assertEquals(exercise.gradableCount(), result.score(), 1e-9, exercise.description());
    }
    // an honest student who takes the other route wherever the documents describe one
    // (dh[T]/dh[k] associated the other way, a sum of per-step gradients, seed 001's double sum)
    HandWork otherRoutes = new HandWork(exercise.prepared().graph(), exercise.decimals());
    for (String name : exercise.prepared().graph().closure(exercise.asked())) {
      Quantity quantity = exercise.prepared().graph().quantity(name).orElseThrow();
      if (quantity.derivations().size() > 1 && quantity.stage() != Stage.TRAINING) {
        otherRoutes.formula(name, quantity.derivations().get(quantity.derivations().size() - 1));
      }
    }
    for (QuantityResult quantity : exercise.grade(otherRoutes).quantities()) {
      assertTrue(quantity.finding() instanceof Finding.Correct || quantity.finding() instanceof Finding.NotGradable,
          () -> "honest by other routes: " + quantity.name() + " " + quantity.finding() + " for " + quantity.submitted()
              + ", reference " + quantity.expected() + "\n" + exercise.description());
    }
  }

  @ParameterizedTest
  @MethodSource("exercises")
  void aSlipCostsExactlyTheSlippedQuantities(int index) throws Exception {
    Case exercise = prepare(index);
    List<String> candidates = exercise.asked().stream()
        .filter(name -> !exercise.grader().notGradable().containsKey(name))
        .filter(name -> exercise.prepared().graph().value(name) instanceof Tensor tensor && tensor.maxAbs() > 0.05)
        .filter(name -> exercise.prepared().graph().quantity(name).map(Quantity::stage).orElseThrow() != Stage.TRAINING)
        .toList();
    for (int slips = 1; slips <= 2 && candidates.size() >= slips; slips++) {
      for (int trial = 0; trial < 3; trial++) {
        Set<String> slipped = new LinkedHashSet<>();
        while (slipped.size() < slips) {
          slipped.add(candidates.get(exercise.random().nextInt(candidates.size())));
        }
        HandWork work = new HandWork(exercise.prepared().graph(), exercise.decimals());
        for (String name : slipped) {
          double sign = exercise.random().nextBoolean() ? 1 : -1;
          int entry = exercise.random().nextInt(((Tensor) exercise.prepared().graph().value(name)).size());
          work.slip(name, value -> firstDigitSlip(value, entry, sign));
        }
        SubmissionResult result = exercise.grade(work);
        boolean undone = result.quantities().stream()
            .anyMatch(quantity -> slipped.contains(quantity.name()) && quantity.verdict() == Verdict.CORRECT);
        if (undone) {
          continue; // a second slip that undid the first one's effect: the value written is right
        }
        for (QuantityResult quantity : result.quantities()) {
          Finding finding = quantity.finding();
          String context = quantity.name() + " with slips at " + slipped + ": " + finding + " for "
              + quantity.submitted() + ", reference " + quantity.expected() + "\n" + exercise.description();
          if (slipped.contains(quantity.name())) {
            assertTrue(finding instanceof Finding.Wrong, context);
          } else {
            assertTrue(finding instanceof Finding.Correct || finding instanceof Finding.CarriedForward
                || finding instanceof Finding.NotGradable, context);
          }
        }
        assertEquals(exercise.gradableCount() - slips, result.score(), 1e-9, "slips at " + slipped);
      }
    }
  }

  /** The entry moved by one to three units of its first significant digit, or by 0.1 when it is near 0. */
  private static Tensor firstDigitSlip(Tensor value, int entry, double sign) {
    double[] entries = value.toArray();
    double size = Math.abs(entries[entry]);
    double unit = size < 0.05 ? 0.1 : Math.pow(10, Math.floor(Math.log10(size)));
    entries[entry] += sign * 2 * unit;
    return Tensor.of(value.shape(), entries);
  }

  @ParameterizedTest
  @MethodSource("exercises")
  void eachMisconceptionIsNamedWhereItFirstShows(int index) throws Exception {
    Case exercise = prepare(index);
    MisconceptionLibrary library = new MisconceptionLibrary(exercise.prepared().exercise(), exercise.prepared().graph());
    Map<String, Map<String, MisconceptionLibrary.Variant>> byMisconception = new LinkedHashMap<>();
    for (String name : exercise.prepared().graph().closure(exercise.asked())) {
      for (MisconceptionLibrary.Variant variant : library.variantsFor(name)) {
        byMisconception.computeIfAbsent(variant.misconception().id(), id -> new LinkedHashMap<>())
            .putIfAbsent(name, variant);
      }
    }
    for (Map.Entry<String, Map<String, MisconceptionLibrary.Variant>> misconception : byMisconception.entrySet()) {
      // the student holds the misconception about one kind of quantity (the first the rule applies
      // to: every L[t], or every dL/da[t]) and applies it at every step, going on from their values
      SubmissionResult result = exercise.grade(studentWith(exercise, misconception.getValue()));
      QuantityResult first = result.quantities().stream()
          .filter(quantity -> !(quantity.finding() instanceof Finding.Correct)
              && !(quantity.finding() instanceof Finding.NotGradable))
          .findFirst().orElse(null);
      if (first == null) {
        continue; // the misconception changes nothing asked in this exercise
      }
      // a misconception whose exact value here is within the rounding budget does not show: the
      // student's answer is off by their rounding of it, and naming it would be a guess
      Value exact = new HandWork(exercise.prepared().graph(), 12).formulas(studentWith(exercise,
          misconception.getValue())).values(List.of(first.name())).get(first.name());
      Answer exactAsWritten = new Answer(first.name(), first.name(), Location.ofFile("student.yaml"), exact, null,
          first.writtenDecimals());
      if (Grader.matches(exactAsWritten, first.expected(), exercise.grader().toleranceFor(first.name()))) {
        continue;
      }
      String context = misconception.getKey() + " first shows at " + first.name() + ": " + first.finding() + " for "
          + first.submitted() + ", reference " + first.expected() + "\n" + exercise.description();
      assertTrue(first.finding() instanceof Finding.Wrong wrong && wrong.diagnosis() != null, context);
      String named = ((Finding.Wrong) first.finding()).diagnosis().id();
      if (!named.equals(misconception.getKey())) {
        // two misconceptions that give the same value here (a factor 2 that is also a mean over
        // two steps) cannot be told apart: naming either is right, if it reproduces the value
        Answer asWritten = new Answer(first.name(), first.name(), Location.ofFile("student.yaml"), first.submitted(),
            null, first.writtenDecimals());
        Map<String, MisconceptionLibrary.Variant> namedVariants = byMisconception.get(named);
        boolean reproduces = false;
        Map<String, Value> written = studentWith(exercise, byMisconception.get(misconception.getKey()))
            .values(exercise.asked());
        for (MisconceptionLibrary.Variant here : library.variantsFor(first.name())) {
          if (here.misconception().id().equals(named)) { // its version of this quantity, from the student's values
            Value value = here.derivation().compute(first.name(),
                name -> written.containsKey(name) ? written.get(name) : exercise.prepared().graph().value(name));
            reproduces |= Grader.matches(asWritten, value, exercise.grader().toleranceFor(first.name()));
          }
        }
        for (String family : namedVariants.keySet().stream().map(name -> family(exercise, name)).distinct().toList()) {
          Value value = studentWith(exercise, namedVariants, family).values(List.of(first.name())).get(first.name());
          reproduces |= Grader.matches(asWritten, value, exercise.grader().toleranceFor(first.name()));
        }
        assertTrue(reproduces, context + "\nnamed " + named + ", which does not give it");
      }
    }
  }

  /** A student who holds one misconception about the first kind of quantity it applies to, at every step. */
  private static HandWork studentWith(Case exercise, Map<String, MisconceptionLibrary.Variant> variants) {
    return studentWith(exercise, variants, family(exercise, variants.keySet().iterator().next()));
  }

  /** A student who holds one misconception about one kind of quantity, at every step. */
  private static HandWork studentWith(Case exercise, Map<String, MisconceptionLibrary.Variant> variants,
      String kind) {
    HandWork work = new HandWork(exercise.prepared().graph(), exercise.decimals());
    variants.forEach((name, variant) -> {
      if (family(exercise, name).equals(kind)) {
        work.formula(name, variant.derivation());
      }
    });
    return work;
  }

  /**
   * A quantity's kind, whatever its step, sequence or parameter, and whether it is per step, per
   * sequence or a total: "PLAIN STEP_LOSS step" (every L[t]), "TRUNCATED GRADIENT total" (every
   * truncated gradient). A misconception is about a kind of quantity, not one parameter's.
   */
  private static String family(Case exercise, String name) {
    var id = exercise.prepared().graph().quantity(name).orElseThrow().id();
    String level = id.step() > 0 ? "step" : id.sequence() > 0 ? "sequence" : "total";
    return id.scope() + " " + id.role() + " " + level;
  }

  @ParameterizedTest
  @MethodSource("exercises")
  void noMisconceptionIsNamedOnACopyAtTwoDecimals(int index) throws Exception {
    Case exercise = prepare(index);
    Map<String, Answer> copy = new LinkedHashMap<>();
    for (String name : exercise.asked()) {
      Value value = exercise.prepared().graph().value(name);
      if (value instanceof Tensor tensor) {
        Tensor rounded = tensor.map(x -> Math.round(x * 100) / 100.0);
        copy.put(name, new Answer(name, name, Location.ofFile("copy.yaml"), rounded, null,
            java.util.Collections.nCopies(tensor.size(), 2)));
      } else if (value instanceof Label) {
        copy.put(name, new Answer(name, name, Location.ofFile("copy.yaml"), value, null));
      }
    }
    for (QuantityResult quantity : exercise.grade(copy).quantities()) {
      assertTrue(!(quantity.finding() instanceof Finding.Wrong wrong) || wrong.diagnosis() == null,
          () -> quantity.name() + " of a copy at 2 decimals: " + quantity.finding() + "\n" + exercise.description());
    }
  }

  /** The YAML text of a random exercise over the format's options. */
  static final class RandomExerciseText {
    private final Random random;
    private final int decimals;
    private final String yaml;

    RandomExerciseText(Random random, int index) {
      this.random = random;
      this.decimals = random.nextBoolean() ? 3 : 4;
      int inputs = 1 + random.nextInt(2);
      int hidden = 1 + random.nextInt(2);
      String activation = pick("tanh", "tanh", "sigmoid", "relu", "linear");
      String output = pick("linear", "linear", "softmax", "none");
      int outputs = output.equals("none") ? hidden : output.equals("softmax") ? 2 : 1 + random.nextInt(2);
      boolean crossEntropy = output.equals("softmax") && random.nextBoolean();
      boolean last = random.nextInt(3) == 0;
      int sequences = random.nextInt(3) == 0 ? 2 : 1;
      int steps = 2 + random.nextInt(2);
      boolean hiddenBias = random.nextBoolean();
      boolean outputBias = !output.equals("none") && random.nextBoolean();
      StringBuilder text = new StringBuilder();
      text.append("id: corpus-").append(index).append('\n');
      text.append("model:\n  kind: elman\n  input_size: ").append(inputs).append("\n  hidden_size: ").append(hidden)
          .append('\n');
      if (!output.equals("none")) {
        text.append("  output_size: ").append(outputs).append('\n');
      }
      text.append("  hidden_activation: ").append(activation).append("\n  output: ").append(output)
          .append("\n  hidden_bias: ").append(hiddenBias).append("\n  output_bias: ").append(outputBias).append('\n');
      text.append("loss:\n  kind: ").append(crossEntropy ? "cross_entropy" : "squared_error").append('\n');
      if (!crossEntropy) {
        text.append("  scale: ").append(random.nextBoolean() ? "0.5" : "1").append('\n');
      }
      text.append("  over_time: ").append(pick("sum", "mean")).append("\n  steps: ").append(last ? "last" : "all")
          .append('\n');
      if (sequences > 1) {
        text.append("  over_sequences: ").append(pick("sum", "mean")).append('\n');
      }
      text.append("data:\n  sequences:\n");
      for (int s = 0; s < sequences; s++) {
        text.append("    - inputs: [");
        for (int t = 0; t < steps; t++) {
          text.append(t > 0 ? ", " : "").append(vector(inputs, 1.0));
        }
        text.append("]\n      targets: [");
        for (int t = 0; t < (last ? 1 : steps); t++) {
          text.append(t > 0 ? ", " : "").append(crossEntropy ? oneHot(outputs) : vector(outputs, 1.0));
        }
        text.append("]\n");
      }
      text.append("parameters:\n");
      text.append("  W_xh: ").append(matrix(hidden, inputs, 0.8)).append('\n');
      text.append("  W_hh: ").append(matrix(hidden, hidden, 0.6)).append('\n');
      if (hiddenBias) {
        text.append("  b_h: ").append(vector(hidden, 0.3)).append('\n');
      }
      if (!output.equals("none")) {
        text.append("  W_hy: ").append(matrix(outputs, hidden, 0.9)).append('\n');
        if (outputBias) {
          text.append("  b_y: ").append(vector(outputs, 0.3)).append('\n');
        }
      }
      List<String> ask = new ArrayList<>(List.of("a[t]", "h[t]", "y[t]", "L", "dL/dh[t]", "dL/da[t]",
          "dL/dW_xh[t]", "dL/dW_hh[t]", "dL/dW_xh", "dL/dW_hh", "dh[T]/dh[k]", "norm(dh[T]/dh[k])",
          "updated.W_xh", "updated.W_hh", "updated.L"));
      text.append("training:\n  learning_rate: ").append(pick("0.1", "0.5", "0.05")).append('\n');
      if (random.nextInt(3) == 0) {
        text.append("  loss_after: [1, 2]\n");
        ask.add("L_after[n]");
      }
      if (random.nextInt(4) == 0 && steps > 2) {
        text.append("  truncate: 2\n");
        ask.add("truncated.dL/dW_hh");
      }
      if (random.nextInt(4) == 0) {
        text.append("  clip: {by: ").append(pick("norm", "value")).append(", threshold: 0.2}\n");
        ask.addAll(List.of("gradient_norm", "clipped.dL/dW_hh"));
      }
      if (!output.equals("none")) {
        ask.addAll(List.of("o[t]", "dL/do[t]", "dL/dW_hy", "updated.W_hy"));
      }
      if (hiddenBias) {
        ask.addAll(List.of("dL/db_h", "updated.b_h"));
      }
      if (!last && sequences == 1) {
        ask.addAll(List.of("L[t]", "dh[t]/dW_hh", "dL[t]/dW_hh"));
      }
      text.append("grading:\n  tolerance: {as_written: ").append(decimals).append("}\n");
      text.append("ask:\n");
      for (String pattern : ask) {
        text.append("  - \"").append(pattern).append("\"\n");
      }
      this.yaml = text.toString();
    }

    int decimals() {
      return decimals;
    }

    String yaml() {
      return yaml;
    }

    private String pick(String... options) {
      return options[random.nextInt(options.length)];
    }

    private String number(double range) {
      double value = Math.round((2 * random.nextDouble() - 1) * range * 10) / 10.0;
      return String.format(Locale.ROOT, "%.1f", value == 0 ? 0.1 : value);
    }

    private String vector(int size, double range) {
      if (size == 1) {
        return number(range);
      }
      List<String> entries = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        entries.add(number(range));
      }
      return "[" + String.join(", ", entries) + "]";
    }

    private String oneHot(int size) {
      int hot = random.nextInt(size);
      List<String> entries = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        entries.add(i == hot ? "1" : "0");
      }
      return "[" + String.join(", ", entries) + "]";
    }

    private String matrix(int rows, int columns, double range) {
      List<String> lines = new ArrayList<>();
      for (int r = 0; r < rows; r++) {
        List<String> entries = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
          entries.add(number(range));
        }
        lines.add("[" + String.join(", ", entries) + "]");
      }
      return "[" + String.join(", ", lines) + "]";
    }
  }
}
