package org.bptt.grader.present;

import java.util.List;
import org.bptt.grader.exercise.Exercise;
import org.bptt.grader.solver.AskedQuantities;
import org.bptt.grader.solver.Quantity;
import org.bptt.grader.solver.QuantityGraph;
import org.bptt.grader.value.Tensor;
import org.bptt.grader.value.Value;

/**
 * A blank submission: every asked quantity with ~ for its value, its shape and, as a comment, its
 * meaning in the document's notation; with the variant id when the exercise is randomized.
 */
public final class BlankSubmission {

  private BlankSubmission() {}

  /**
   * @param precision how answers are judged, in words ("the decimals written, at least 4 decimals"),
   *     stated in the header so that a student knows how many decimals to write
   */
  public static String render(Exercise exercise, QuantityGraph graph, String student, String variantId,
      String precision) {
    return render(exercise, graph, student, "", variantId, precision);
  }

  /**
   * As {@link #render(Exercise, QuantityGraph, String, String, String)}, naming the student (their
   * roster name, "" for none) in the header.
   */
  public static String render(Exercise exercise, QuantityGraph graph, String student, String name, String variantId,
      String precision) {
    StringBuilder out = new StringBuilder();
    out.append("# Answers for ").append(exercise.id()).append(": ").append(oneLine(exercise.title())).append('\n');
    if (name != null && !name.isBlank() && !name.equals(student)) {
      out.append("# Student ").append(student).append(": ").append(oneLine(name)).append('\n');
    }
    out.append("# Values are judged to ").append(precision).append(": work to at least that and write every digit you")
        .append(" worked to.\n");
    out.append("# Fill in each value: a number, a list [..] for a vector, a list of rows [[..], [..]] for a matrix.\n");
    out.append("# Numbers may also be quoted strings such as \"4.8e-3\". Leave ~ for a quantity you skip.\n");
    out.append("# To submit: hand in this file, keeping the exercise, student").append(variantId == null ? "" : " and variant")
        .append(" lines as they are, the way your instructor asks.\n");
    out.append("exercise: ").append(exercise.id()).append('\n');
    out.append("student: ").append(student).append('\n');
    if (variantId != null) {
      out.append("variant: \"").append(variantId).append("\"   # your own variant of the exercise: keep it as it is\n");
    }
    out.append("answers:\n");
    List<String> asked = AskedQuantities.expand(exercise.asked(), graph);
    for (String quantityName : asked) {
      Quantity quantity = graph.quantity(quantityName).orElseThrow();
      String documentName = exercise.notation().render(quantityName);
      out.append("  # ").append(documentName.equals(quantityName) ? "" : documentName + ": ")
          .append(exercise.notation().render(quantity.meaning())).append(" (").append(shape(graph.value(quantityName)))
          .append(")\n");
      out.append("  \"").append(quantityName).append("\": ~\n");
    }
    return out.toString();
  }

  /** A comment's text on one line: a roster name or title cannot start a YAML line of its own. */
  private static String oneLine(String text) {
    return text.replaceAll("[\\p{Cntrl}\\u0085\\u2028\\u2029]", " ");
  }

  /** "a number", "a list of 4", "3x2 matrix", "a symbol". */
  public static String shape(Value value) {
    if (value instanceof Tensor tensor) {
      return switch (tensor.shape().kind()) {
        case SCALAR -> "a number";
        case VECTOR -> tensor.size() == 1 ? "a number" : "a list of " + tensor.size();
        case MATRIX -> tensor.size() == 1 ? "a number" : tensor.rows() + "x" + tensor.columns() + " matrix";
      };
    }
    return "a symbol";
  }
}
