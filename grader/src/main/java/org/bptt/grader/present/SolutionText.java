package org.bptt.grader.present;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bptt.grader.exercise.Exercise;
import org.bptt.grader.solver.Quantity;
import org.bptt.grader.solver.QuantityGraph;
import org.bptt.grader.solver.Stage;

/**
 * The worked solution for a terminal: the forward pass as a table per sequence (like seed 000's),
 * then every quantity of every stage with its value, its name in the document's notation, and
 * what it means.
 */
public final class SolutionText {

  private SolutionText() {}

  public static String render(Exercise exercise, QuantityGraph graph, int digits) {
    StringBuilder out = new StringBuilder();
    out.append("Exercise ").append(exercise.id()).append(": ").append(exercise.title()).append('\n');
    if (!exercise.source().isEmpty()) {
      out.append("Source: ").append(exercise.source()).append('\n');
    }
    if (!exercise.notation().symbols().isEmpty()) {
      List<String> pairs = new ArrayList<>();
      for (Map.Entry<String, String> entry : new java.util.TreeMap<>(exercise.notation().symbols()).entrySet()) {
        pairs.add(entry.getKey() + " = " + entry.getValue());
      }
      out.append("Notation: ").append(String.join(", ", pairs)).append('\n');
    }
    for (Stage stage : Stage.values()) {
      List<Quantity> inStage = graph.quantities().stream().filter(q -> q.stage() == stage).toList();
      if (inStage.isEmpty()) {
        continue;
      }
      out.append('\n').append("== ").append(stage.title()).append(" ==\n");
      if (stage == Stage.FORWARD) {
        out.append(ForwardTable.render(exercise, graph, digits)).append('\n');
      }
      TextTable table = new TextTable(List.of("quantity", "value", "meaning"));
      for (Quantity quantity : inStage) {
        String documentName = exercise.notation().render(quantity.name());
        String label = documentName.equals(quantity.name()) ? quantity.name() : quantity.name() + " (" + documentName + ")";
        table.add(List.of(label, Numbers.format(graph.value(quantity.name()), digits), quantity.meaning()));
      }
      out.append(table.render("  "));
    }
    return out.toString();
  }
}
