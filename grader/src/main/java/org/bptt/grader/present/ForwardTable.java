package org.bptt.grader.present;

import java.util.ArrayList;
import java.util.List;
import org.bptt.grader.exercise.Exercise;
import org.bptt.grader.solver.Names;
import org.bptt.grader.solver.QuantityGraph;

/**
 * The forward pass as one row per time step: x, a (or a gated cell's gates and c), h, o, y,
 * predicted symbol, target, loss.
 */
public final class ForwardTable {

  private static final List<String> COLUMNS = List.of("x", "a", "a_i", "a_f", "a_g", "a_o", "i", "f", "g", "og", "c",
      "a_r", "a_z", "r", "z", "a_hn", "a_n", "n", "h", "o", "y", "pred", "target", "L");

  private ForwardTable() {}

  /** The columns sequence {@code s} has (a model without an output layer has no o[t], say). */
  public static List<String> columns(Exercise exercise, QuantityGraph graph, int s) {
    String prefix = Names.sequencePrefix(s, exercise.isBatch());
    List<String> present = new ArrayList<>();
    for (String column : COLUMNS) {
      for (int t = 1; t <= exercise.sequences().get(s).length(); t++) {
        if (graph.contains(prefix + Names.at(column, t))) {
          present.add(column);
          break;
        }
      }
    }
    return present;
  }

  public static String render(Exercise exercise, QuantityGraph graph, int digits) {
    StringBuilder out = new StringBuilder();
    for (int s = 0; s < exercise.sequences().size(); s++) {
      String prefix = Names.sequencePrefix(s, exercise.isBatch());
      List<String> present = columns(exercise, graph, s);
      List<String> header = new ArrayList<>();
      header.add("t");
      for (String column : present) {
        header.add(column + "[t]");
      }
      TextTable table = new TextTable(header);
      for (int t = 1; t <= exercise.sequences().get(s).length(); t++) {
        List<String> row = new ArrayList<>();
        row.add(Integer.toString(t));
        for (String column : present) {
          String name = prefix + Names.at(column, t);
          row.add(graph.contains(name) ? Numbers.format(graph.value(name), digits) : "");
        }
        table.add(row);
      }
      if (exercise.isBatch()) {
        out.append("  sequence ").append(s + 1).append('\n');
      }
      out.append(table.render("  "));
    }
    return out.toString();
  }
}
