package org.bptt.grader.grading;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.bptt.grader.solver.Derivation;
import org.bptt.grader.solver.Quantity;
import org.bptt.grader.solver.QuantityGraph;
import org.bptt.grader.solver.Stage;
import org.bptt.grader.value.Value;

/**
 * Every quantity as it follows from one student's answers: their value where they gave one, else
 * recomputed from the values before it. This carries an early slip through the quantities a
 * student was not asked to write down (seed 000 asks for y[t] but not o[t]); with a misconception's
 * derivations in place of the right ones, it carries the misconception through them too (the factor
 * 2 in every L[t] a student did not write, seen first in L). The training run is left at its
 * reference values: it does not follow from a page of hand calculation. Each value is computed on
 * first use, with what it reads, in computation order: a submission costs what its grading reads.
 * One instance serves one submission, on one thread.
 */
final class ConsistentValues {

  private final QuantityGraph graph;
  private final Function<String, Value> given;
  private final Function<String, Derivation> derivationFor;
  private final Map<String, Value> values = new HashMap<>();
  /** The same student's values with a misconception applied, by its id: built once per submission. */
  private final Map<String, ConsistentValues> applying = new HashMap<>();

  /** The values by each quantity's main derivation. */
  ConsistentValues(QuantityGraph graph, Function<String, Value> given) {
    this(graph, given, name -> graph.quantity(name).orElseThrow().main());
  }

  /** The values with {@code derivationFor} choosing how each unanswered quantity is computed. */
  ConsistentValues(QuantityGraph graph, Function<String, Value> given, Function<String, Derivation> derivationFor) {
    this.graph = graph;
    this.given = given;
    this.derivationFor = derivationFor;
  }

  /**
   * The same student's values computed with {@code derivationFor} instead (a misconception's
   * versions), kept under {@code key} so that every answer of the submission shares them.
   */
  ConsistentValues applying(String key, Function<String, Derivation> derivationFor) {
    return applying.computeIfAbsent(key, id -> new ConsistentValues(graph, given, derivationFor));
  }

  Value get(String name) {
    Value known = values.get(name);
    if (known != null || !graph.contains(name)) {
      return known;
    }
    for (String input : closureThroughUnanswered(name)) {
      if (!values.containsKey(input)) {
        values.put(input, consistentValue(input));
      }
    }
    return values.get(name);
  }

  /** Whether a quantity is recomputed here rather than read: not answered, not given, not a training run. */
  boolean isRecomputed(String name) {
    Quantity quantity = graph.quantity(name).orElseThrow();
    return given.apply(name) == null && !quantity.isGiven() && quantity.stage() != Stage.TRAINING;
  }

  private Value consistentValue(String name) {
    Value answer = given.apply(name);
    if (answer != null) {
      return answer;
    }
    if (!isRecomputed(name)) {
      return graph.value(name);
    }
    return derivationFor.apply(name).compute(name, values::get);
  }

  /** The quantities recomputed here that {@code name} reads, directly or through others recomputed. */
  Set<String> recomputedBehind(String name) {
    Set<String> seen = new HashSet<>();
    Deque<String> pending = new ArrayDeque<>(List.of(name));
    Set<String> recomputed = new java.util.LinkedHashSet<>();
    while (!pending.isEmpty()) {
      String next = pending.pop();
      if (!seen.add(next)) {
        continue;
      }
      if (isRecomputed(next)) {
        recomputed.add(next);
        pending.addAll(derivationFor.apply(next).inputs());
      }
    }
    return recomputed;
  }

  /** The quantity and, behind each one recomputed, what its derivation reads, in computation order. */
  List<String> closureThroughUnanswered(String name) {
    Set<String> seen = new HashSet<>();
    Deque<String> pending = new ArrayDeque<>(List.of(name));
    List<String> needed = new ArrayList<>();
    while (!pending.isEmpty()) {
      String next = pending.pop();
      if (values.containsKey(next) || !seen.add(next)) {
        continue;
      }
      needed.add(next);
      if (isRecomputed(next)) {
        pending.addAll(derivationFor.apply(next).inputs());
      }
    }
    needed.sort(Comparator.comparingInt(graph::position));
    return needed;
  }
}
