package org.bptt.grader.solver;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Expands the quantities an exercise asks for into canonical names. In a pattern, [t], [k] and
 * [n] stand for any step (or count), [T] for each sequence's last step; in a batch a pattern with
 * such an index and no "s1." prefix covers every sequence and the batch totals per step (where
 * [T] is the longest sequence's last step). Names come back in computation order.
 */
public final class AskedQuantities {

  private static final Pattern SEQUENCE_PREFIX = Pattern.compile("^s\\d+\\..*");

  private AskedQuantities() {}

  public static List<String> expand(List<String> patterns, QuantityGraph graph) {
    Set<String> chosen = new LinkedHashSet<>();
    List<Pattern> regexes = new ArrayList<>();
    for (String pattern : patterns) {
      regexes.addAll(toRegexes(pattern, graph));
    }
    for (String name : graph.names()) {
      for (Pattern regex : regexes) {
        if (regex.matcher(name).matches()) {
          chosen.add(name);
          break;
        }
      }
    }
    return List.copyOf(chosen);
  }

  private static List<Pattern> toRegexes(String pattern, QuantityGraph graph) {
    boolean indexed = pattern.matches(".*\\[[tknT]\\].*");
    boolean anySequence = indexed && !SEQUENCE_PREFIX.matcher(pattern).matches();
    List<String> prefixes = new ArrayList<>();
    prefixes.add("");
    if (anySequence) {
      for (int s = 1; graph.contains("s" + s + ".h[1]"); s++) {
        prefixes.add("s" + s + ".");
      }
    }
    List<Pattern> regexes = new ArrayList<>();
    for (String prefix : prefixes) {
      String full = prefix + pattern;
      String sequence = full.matches("^s\\d+\\..*") ? full.substring(0, full.indexOf('.') + 1) : "";
      int last = lastStep(graph, sequence);
      if (last == 0) { // a batch total: the longest sequence's last step
        for (int s = 1; graph.contains("s" + s + ".h[1]"); s++) {
          last = Math.max(last, lastStep(graph, "s" + s + "."));
        }
      }
      String regex = Pattern.quote(full)
          .replace("[t]", "\\E\\[\\d+\\]\\Q")
          .replace("[k]", "\\E\\[\\d+\\]\\Q")
          .replace("[n]", "\\E\\[\\d+\\]\\Q")
          .replace("[T]", "\\E\\[" + last + "\\]\\Q");
      regexes.add(Pattern.compile(regex));
    }
    return regexes;
  }

  private static int lastStep(QuantityGraph graph, String sequence) {
    int last = 0;
    while (graph.contains(sequence + "h[" + (last + 1) + "]")) {
      last++;
    }
    return last;
  }
}
