package org.bptt.grader.load;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.bptt.grader.error.ErrorLine;
import org.bptt.grader.error.InputException;
import org.bptt.grader.error.Location;
import org.bptt.grader.exercise.Exercise;
import org.bptt.grader.grading.Answer;
import org.bptt.grader.grading.Submission;
import org.bptt.grader.solver.QuantityGraph;
import org.bptt.grader.value.Label;
import org.bptt.grader.value.Tensor;
import org.bptt.grader.value.Value;
import org.bptt.grader.yaml.TensorReader;
import org.bptt.grader.yaml.YamlMap;
import org.bptt.grader.yaml.YamlNode;
import org.bptt.grader.yaml.YamlReader;
import org.bptt.grader.yaml.YamlScalar;

/**
 * Reads a submission (YAML, or JSON, which is YAML too): {@code exercise}, {@code student} and
 * {@code answers}, a mapping from quantity names (canonical, or in the document's notation) to
 * values. Reading is in two steps because the answers can only be checked against the exercise the
 * header names.
 */
public final class SubmissionLoader {


  /** The header of a submission, and its answers still as YAML. */
  public record Header(String displayName, String exerciseId, Location exerciseLocation, String student,
      String variant, Location variantLocation, YamlMap answers) {}

  private final YamlReader reader = new YamlReader();
  /**
   * Every name of an exercise's quantities, worked out once per solved exercise, not per submission;
   * only the exercises seen lately are kept, so a class of randomized variants does not pile them up.
   */
  private final Map<QuantityGraph, Map<String, String>> aliasesByGraph = new java.util.LinkedHashMap<>(16, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<QuantityGraph, Map<String, String>> eldest) {
      return size() > 16;
    }
  };

  public Header readHeader(Path file, String displayName) throws InputException {
    YamlMap root = reader.read(file, displayName).asDocument("submission");
    root.allowOnly("submission", List.of("exercise", "student", "variant", "answers"));
    YamlScalar exercise = root.require("exercise", "submission").asScalar("exercise");
    YamlScalar student = root.require("student", "submission").asScalar("student");
    String studentId = student.asString("student");
    String problem = Ids.studentProblem(studentId);
    if (problem != null) {
      throw new InputException(student.location(), problem);
    }
    String variant = null;
    Location variantLocation = root.location();
    if (root.optional("variant").isPresent()) {
      YamlScalar variantNode = root.require("variant", "submission").asScalar("variant");
      variant = variantNode.asString("variant");
      variantLocation = variantNode.location();
      if (!variant.matches("[0-9a-f]{16}")) {
        throw new InputException(variantLocation, "variant: expected the 16 hex digits the answer file was generated "
            + "with, got '" + ErrorLine.quote(variant) + "'");
      }
    }
    YamlMap answers = root.require("answers", "submission").asMap("answers");
    return new Header(displayName, exercise.asString("exercise"), exercise.location(), studentId, variant,
        variantLocation, answers);
  }

  /**
   * Reads the answers against the solved exercise. With {@code keepGoing} an unreadable value
   * becomes an invalid answer instead of an error, so the rest can still be graded.
   */
  public Submission readAnswers(Header header, Exercise exercise, QuantityGraph graph, boolean keepGoing)
      throws InputException {
    Map<String, String> aliases = aliasesByGraph.computeIfAbsent(graph, solved -> aliases(exercise, solved));
    Map<String, Answer> answers = new LinkedHashMap<>();
    Map<String, String> writtenAs = new HashMap<>();
    YamlMap map = header.answers();
    for (String written : map.keys()) {
      Location location = map.keyLocation(written);
      String canonical = aliases.get(written);
      if (canonical == null) {
        throw new InputException(location, "answers: unknown quantity '" + ErrorLine.quote(written) + "' for exercise "
            + exercise.id() + suggestion(closestNames(written, aliases.keySet())) + " (use the names that 'template' "
            + "lists)");
      }
      if (writtenAs.containsKey(canonical)) {
        throw new InputException(location, "answers: '" + written + "' and '" + writtenAs.get(canonical)
            + "' name the same quantity " + canonical);
      }
      writtenAs.put(canonical, written);
      YamlNode node = map.require(written, "answers");
      answers.put(canonical, read(written, canonical, node, graph.value(canonical), exercise, keepGoing));
    }
    return new Submission(header.displayName(), header.exerciseId(), header.student(), answers);
  }

  private static Answer read(String written, String canonical, YamlNode node, Value expected, Exercise exercise,
      boolean keepGoing) throws InputException {
    if (node instanceof YamlScalar scalar && scalar.isNull()) {
      return new Answer(written, canonical, node.location(), null, null);
    }
    try {
      Value value;
      List<Integer> decimals = List.of();
      if (expected instanceof Label) {
        String text = node.asScalar(written).asString(written);
        if (exercise.vocabulary().isEmpty() || exercise.vocabulary().get().indexOf(text) < 0) {
          throw new InputException(node.location(), written + ": expected one of the vocabulary's symbols "
              + exercise.vocabulary().map(v -> v.symbols().toString()).orElse("[]") + ", got '" + ErrorLine.quote(text) + "'");
        }
        value = new Label(text);
      } else {
        value = TensorReader.read(node, ((Tensor) expected).shape(), written);
        decimals = TensorReader.writtenDecimals(node);
      }
      return new Answer(written, canonical, node.location(), value, null, decimals);
    } catch (InputException e) {
      if (!keepGoing) {
        throw e;
      }
      return new Answer(written, canonical, node.location(), null, e.getMessage());
    }
  }

  /**
   * The canonical or notation names nearest to a name that matches none (fewest characters added,
   * removed or changed, spaces ignored), when near enough to be a slip: at most a third of its
   * length, at least 2. Equally near names are all offered, up to three, alphabetically, so the
   * message is the same every run. Empty when nothing is near.
   */
  static List<String> closestNames(String written, java.util.Collection<String> names) {
    String typed = written.replace(" ", "");
    int limit = Math.max(2, typed.length() / 3);
    List<String> best = new java.util.ArrayList<>();
    int bestDistance = limit;
    for (String name : new java.util.TreeSet<>(names)) {
      int distance = editDistance(typed, name, bestDistance);
      if (distance < bestDistance) {
        best.clear();
        bestDistance = distance;
      }
      if (distance == bestDistance && best.size() < 3) {
        best.add(name);
      }
    }
    return best;
  }

  /** "; did you mean 'h[3]'?", "; did you mean 'h[1]', 'h[2]' or 'h[3]'?", or nothing. */
  private static String suggestion(List<String> names) {
    if (names.isEmpty()) {
      return "";
    }
    List<String> quoted = names.stream().map(name -> "'" + name + "'").toList();
    String list = quoted.size() == 1 ? quoted.get(0)
        : String.join(", ", quoted.subList(0, quoted.size() - 1)) + " or " + quoted.get(quoted.size() - 1);
    return "; did you mean " + list + "?";
  }

  /** Levenshtein distance, or more than {@code bound} as soon as it must exceed it. */
  private static int editDistance(String a, String b, int bound) {
    if (Math.abs(a.length() - b.length()) > bound) {
      return bound + 1;
    }
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      int rowMinimum = current[0];
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
        rowMinimum = Math.min(rowMinimum, current[j]);
      }
      if (rowMinimum > bound) {
        return bound + 1;
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  /** Every way a quantity may be named: canonically, and in the exercise's notation. */
  static Map<String, String> aliases(Exercise exercise, QuantityGraph graph) {
    Map<String, String> aliases = new HashMap<>();
    for (String name : graph.names()) {
      aliases.put(name, name);
    }
    for (String name : graph.names()) {
      aliases.putIfAbsent(exercise.notation().render(name), name);
    }
    return aliases;
  }

}
