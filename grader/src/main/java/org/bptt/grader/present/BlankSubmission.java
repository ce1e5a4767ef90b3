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
    StringBuilder out = new StringBuilder();
    out.append("# Answers for ").append(exercise.id()).append(": ").append(exercise.title()).append('\n');
    out.append("# Values are judged to ").append(precision).append(": write every digit you worked to.\n");
    out.append("# Fill in each value: a number, a list [..] for a vector, a list of rows [[..], [..]] for a matrix.\n");
    out.append("# Numbers may also be quoted strings such as \"4.8e-3\". Leave ~ for a quantity you skip.\n");
    out.append("exercise: ").append(exercise.id()).append('\n');
    out.append("student: ").append(student).append('\n');
    if (variantId != null) {
      out.append("variant: \"").append(variantId).append("\"   # your own variant of the exercise: keep it as it is\n");
    }
    out.append("answers:\n");
    List<String> asked = AskedQuantities.expand(exercise.asked(), graph);
    for (String name : asked) {
      Quantity quantity = graph.quantity(name).orElseThrow();
      String documentName = exercise.notation().render(name);
      out.append("  # ").append(documentName.equals(name) ? "" : documentName + ": ")
          .append(exercise.notation().render(quantity.meaning())).append(" (").append(shape(graph.value(name)))
          .append(")\n");
      out.append("  \"").append(name).append("\": ~\n");
    }
    return out.toString();
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
