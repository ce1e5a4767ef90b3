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
    Set<String> chosen = new java.util.HashSet<>();
    for (String pattern : patterns) {
      for (Pattern regex : toRegexes(pattern, graph)) {
        // Only the names of the same shape can match: h[t] is looked for among h[1], h[2], ...
        for (String name : graph.namesShaped(shapeOf(regex.pattern()))) {
          if (regex.matcher(name).matches()) {
            chosen.add(name);
          }
        }
      }
    }
    List<String> ordered = new ArrayList<>(chosen);
    ordered.sort(java.util.Comparator.comparingInt(graph::position));
    return List.copyOf(ordered);
  }

  /**
   * A name, or a quoted pattern built by {@link #toRegexes}, with every index replaced by '#':
   * "s2.dh[3]/dh[1]" and the pattern of "s2.dh[T]/dh[k]" are both "s2.dh[#]/dh[#]".
   */
  static String shapeOf(String nameOrQuotedPattern) {
    String plain = nameOrQuotedPattern.replace("\\Q", "").replace("\\E", "").replace("\\[", "[")
        .replace("\\]", "]");
    return INDEX.matcher(plain).replaceAll("[#]");
  }

  private static final Pattern INDEX = Pattern.compile("\\[[^\\]]*\\]");

  private static List<Pattern> toRegexes(String pattern, QuantityGraph graph) {
    boolean indexed = pattern.matches(".*\\[[tknT]\\].*");
    boolean anySequence = indexed && !SEQUENCE_PREFIX.matcher(pattern.replaceFirst("^norm2?\\(", "")).matches();
    List<String> prefixes = new ArrayList<>();
    prefixes.add("");
    if (anySequence) {
      for (int s = 1; graph.contains("s" + s + ".h[1]"); s++) {
        prefixes.add("s" + s + ".");
      }
    }
    List<Pattern> regexes = new ArrayList<>();
    for (String prefix : prefixes) {
      // A norm's sequence prefix goes inside it: norm(s1.dh[T]/dh[k]).
      String full = pattern.matches("norm2?\\(.*") && !prefix.isEmpty()
          ? pattern.substring(0, pattern.indexOf('(') + 1) + prefix + pattern.substring(pattern.indexOf('(') + 1)
          : prefix + pattern;
      String unwrapped = full.replaceFirst("^norm2?\\(", "");
      String sequence = unwrapped.matches("^s\\d+\\..*") ? unwrapped.substring(0, unwrapped.indexOf('.') + 1) : "";
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
