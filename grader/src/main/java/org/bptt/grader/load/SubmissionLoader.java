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
  /** Every name of an exercise's quantities, worked out once per solved exercise, not per submission. */
  private final Map<QuantityGraph, Map<String, String>> aliasesByGraph = new java.util.IdentityHashMap<>();

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
            + exercise.id() + " (use the names that 'template' lists)");
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
