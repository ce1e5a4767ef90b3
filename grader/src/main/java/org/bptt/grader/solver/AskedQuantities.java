package org.bptt.grader.solver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Expands the quantities an exercise asks for into canonical names. In a pattern, [t], [k] and
 * [n] stand for any step (or count), [T] for each sequence's last step; in a batch a pattern with
 * such an index and no "s1." prefix covers every sequence and the batch totals per step (where
 * [T] is the longest sequence's last step). Patterns are read as {@link QuantityId}s and matched
 * field by field. Names come back in computation order.
 */
public final class AskedQuantities {

  private AskedQuantities() {}

  public static List<String> expand(List<String> patterns, QuantityGraph graph) {
    Set<Quantity> chosen = new LinkedHashSet<>();
    for (String text : patterns) {
      Optional<QuantityId> pattern = QuantityId.parsePattern(text);
      pattern.ifPresent(id -> chosen.addAll(matching(id, graph)));
    }
    List<Quantity> ordered = new ArrayList<>(chosen);
    ordered.sort(Comparator.comparingInt(quantity -> graph.position(quantity.name())));
    return ordered.stream().map(Quantity::name).toList();
  }

  private static List<Quantity> matching(QuantityId pattern, QuantityGraph graph) {
    List<Integer> sequences = new ArrayList<>(List.of(pattern.sequence()));
    if (pattern.hasWildcard() && pattern.sequence() == 0) {
      for (int s = 1; lastStep(graph, s) > 0; s++) {
        sequences.add(s);
      }
    }
    List<Quantity> found = new ArrayList<>();
    for (int sequence : sequences) {
      int last = lastStep(graph, sequence);
      if (last == 0) { // a batch total: the longest sequence's last step
        for (int s = 1; lastStep(graph, s) > 0; s++) {
          last = Math.max(last, lastStep(graph, s));
        }
      }
      QuantityGraph.Family family =
          new QuantityGraph.Family(pattern.scope(), sequence, pattern.role(), pattern.parameter());
      for (Quantity quantity : graph.family(family)) {
        if (stepMatches(pattern.step(), quantity.id().step(), last)
            && stepMatches(pattern.earlier(), quantity.id().earlier(), last)) {
          found.add(quantity);
        }
      }
    }
    return found;
  }

  private static boolean stepMatches(int pattern, int step, int last) {
    return pattern == QuantityId.ANY_STEP || (pattern == QuantityId.LAST_STEP ? step == last : step == pattern);
  }

  /** The last step of a sequence (from 1; 0 for a single sequence's own steps), 0 when it has none. */
  private static int lastStep(QuantityGraph graph, int sequence) {
    return graph.lastStep(sequence);
  }
}
