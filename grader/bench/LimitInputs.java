import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.bptt.grader.exercise.Exercise;
import org.bptt.grader.load.ExerciseLoader;
import org.bptt.grader.load.ExerciseTemplate;
import org.bptt.grader.load.RosterLoader;
import org.bptt.grader.yaml.YamlReader;

/**
 * Writes the worst-case inputs of every documented limit into a folder, for grader/bench/limits.sh.
 * Compiled against the grader's jar, so each input sits exactly at the limit the jar enforces (the
 * constants are read from the loaders, not copied):
 * <ul>
 *   <li>exercises/largest.yaml: the largest network (MAX_SIZE inputs, hidden units, outputs), as many
 *       steps as all sequences may hold (MAX_TOTAL_STEPS, in sequences of MAX_STEPS), the longest
 *       training run those steps allow (MAX_TRAINING_STEPS), and every quantity asked;
 *   <li>exercises/longest.yaml: the same with one unit per layer: the most asked quantities whose
 *       answers fit in a submission;
 *   <li>exercises/training.yaml: one step and the most updates (per-update overhead);
 *   <li>variants-small.yaml, variants-large.yaml, variants-training.yaml: randomized exercises whose
 *       every draw is refused at the last, costliest check (given values exact to 0 decimals make every
 *       value not gradable), with as many tries as each may ask for;
 *   <li>roster.csv: MAX_STUDENTS students;
 *   <li>submission-list.yaml, submission-deep.yaml: submissions of the largest size a YAML file may
 *       have, one a single long list, one lists nested as deep as allowed.
 * </ul>
 * Values come from java.util.Random with a fixed seed: the same files on every run.
 *
 * <p>Usage: java -cp grader.jar:. LimitInputs FOLDER
 */
public class LimitInputs {

  private static final String[] ASKS = {
      "a[t]", "h[t]", "o[t]", "y[t]", "L[t]", "L",
      "dL/do[t]", "dL/dh[t]", "dL/da[t]",
      "dL/dW_xh[t]", "dL/dW_hh[t]", "dL/db_h[t]", "dL/dW_hy[t]", "dL/db_y[t]",
      "dL/dW_xh", "dL/dW_hh", "dL/db_h", "dL/dW_hy", "dL/db_y", "dL/dh0",
      "updated.W_xh", "updated.W_hh", "updated.b_h", "updated.W_hy", "updated.b_y", "updated.L", "dh[T]/dh[k]"};

  private final Random random = new Random(1);

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: java LimitInputs FOLDER");
      System.exit(2);
    }
    new LimitInputs().writeAll(Path.of(args[0]));
  }

  void writeAll(Path folder) throws Exception {
    Path exercises = Files.createDirectories(folder.resolve("exercises"));
    int sequences = ExerciseLoader.MAX_TOTAL_STEPS / ExerciseLoader.MAX_STEPS;
    int steps = ExerciseLoader.MAX_STEPS;
    int updates = ExerciseLoader.MAX_TRAINING_STEPS / (sequences * steps);
    int size = ExerciseLoader.MAX_SIZE;
    write(exercises.resolve("largest.yaml"), exercise("limit-largest", size, sequences, steps, updates, false, 0));
    write(exercises.resolve("longest.yaml"), exercise("limit-longest", 1, sequences, steps, updates, false, 0));
    write(exercises.resolve("training.yaml"), exercise("limit-training", size, 1, 1,
        Math.min(ExerciseLoader.MAX_TRAINING_STEPS, ExerciseLoader.MAX_EPOCHS), false, 0));

    write(folder.resolve("variants-small.yaml"), exercise("limit-variants-small", 1, 1, 3, 0, true,
        affordableTries(1, 1, 3, 0)));
    write(folder.resolve("variants-large.yaml"), exercise("limit-variants-large", size, sequences, steps, 0, true,
        affordableTries(size, sequences, steps, 0)));
    int trainingUpdates = ExerciseLoader.MAX_TRAINING_STEPS / 3;
    write(folder.resolve("variants-training.yaml"), exercise("limit-variants-training", 1, 1, 3, trainingUpdates, true,
        affordableTries(1, 1, 3, trainingUpdates)));

    StringBuilder roster = new StringBuilder("student,name\n");
    for (int i = 1; i <= RosterLoader.MAX_STUDENTS; i++) {
      roster.append(String.format(Locale.ROOT, "s%05d,\"Student %d, of the largest class\"%n", i, i));
    }
    write(folder.resolve("roster.csv"), roster.toString());

    long room = YamlReader.MAX_BYTES - 200;
    StringBuilder list = new StringBuilder("exercise: seed-000\nstudent: s1\nanswers:\n  \"a[1]\": [0.5");
    while (list.length() < room) {
      list.append(", 0.5");
    }
    write(folder.resolve("submission-list.yaml"), list.append("]\n").toString());
    // the document, answers and a value's list are three levels; lists nested in it up to the deepest YamlReader takes
    int nesting = YamlReader.MAX_DEPTH - 3;
    String deep = "[".repeat(nesting) + "0.5" + "]".repeat(nesting);
    StringBuilder nested = new StringBuilder("exercise: seed-000\nstudent: s1\nanswers:\n  \"a[1]\": [" + deep);
    while (nested.length() < room - deep.length()) {
      nested.append(", ").append(deep);
    }
    write(folder.resolve("submission-deep.yaml"), nested.append("]\n").toString());
  }

  /** The tries the grader lets a randomized exercise of this shape ask for. */
  private int affordableTries(int size, int sequences, int steps, int updates) throws Exception {
    Exercise shape = new ExerciseLoader().parse(exercise("shape", size, sequences, steps, updates, false, 0), "shape");
    return (int) Math.max(1, Math.min(ExerciseTemplate.MAX_TRIES,
        ExerciseTemplate.MAX_DRAW_WORK / ExerciseTemplate.drawCost(shape)));
  }

  /**
   * An exercise with I = H = O = {@code size}, {@code sequences} sequences of {@code steps} steps,
   * a training run of {@code updates} (none when 0) and every quantity asked; randomized, its
   * weights are drawn and every draw is refused at the not-gradable check.
   */
  String exercise(String id, int size, int sequences, int steps, int updates, boolean randomized, int tries) {
    StringBuilder out = new StringBuilder();
    out.append("id: ").append(id).append('\n')
        .append("title: \"Limits: ").append(size).append(" units, ").append(sequences).append(" x ").append(steps)
        .append(" steps, ").append(updates).append(" updates\"\n")
        .append("model: {input_size: ").append(size).append(", hidden_size: ").append(size).append(", output_size: ")
        .append(size).append(", hidden_activation: tanh, output: linear}\n")
        .append("loss: {kind: squared_error, scale: 0.5}\n")
        .append("data:\n  sequences:\n");
    for (int s = 0; s < sequences; s++) {
      out.append("    - inputs:\n");
      for (int t = 0; t < steps; t++) {
        out.append("        - ").append(vector(size, 1.0)).append('\n');
      }
      out.append("      targets:\n");
      for (int t = 0; t < steps; t++) {
        out.append("        - ").append(vector(size, 0.5)).append('\n');
      }
    }
    out.append("parameters:\n");
    String draw = "{random: {range: [-0.3, 0.3], decimals: 1}}";
    for (String matrix : List.of("W_xh", "W_hh", "W_hy")) {
      out.append("  ").append(matrix).append(": ").append(randomized ? draw : matrix(size, 0.3)).append('\n');
    }
    for (String bias : List.of("b_h", "b_y", "h0")) {
      out.append("  ").append(bias).append(": ").append(randomized ? draw : vector(size, 0.3)).append('\n');
    }
    out.append("training: {learning_rate: 0.001");
    if (updates > 0) {
      out.append(", loss_after: [").append(updates).append(']');
    }
    out.append("}\n");
    if (randomized) {
      out.append("grading: {given_decimals: 0}\n");
      out.append("variants: {max_tries: ").append(tries).append("}\n");
    }
    out.append("ask:\n");
    List<String> asks = new ArrayList<>(List.of(ASKS));
    if (updates > 0) {
      asks.add("L_after[n]");
    }
    for (String ask : asks) {
      out.append("  - \"").append(ask).append("\"\n");
    }
    return out.toString();
  }

  private String number(double range) {
    double value = Math.round((random.nextDouble() * 2 - 1) * range * 100) / 100.0;
    return String.format(Locale.ROOT, "%.2f", value == 0 ? 0.0 : value);
  }

  private String vector(int n, double range) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < n; i++) {
      b.append(i == 0 ? "" : ", ").append(number(range));
    }
    return b.append(']').toString();
  }

  private String matrix(int n, double range) {
    StringBuilder b = new StringBuilder("[");
    for (int r = 0; r < n; r++) {
      b.append(r == 0 ? "" : ", ").append(vector(n, range));
    }
    return b.append(']').toString();
  }

  private static void write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
