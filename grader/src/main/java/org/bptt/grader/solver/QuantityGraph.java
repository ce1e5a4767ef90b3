package org.bptt.grader.solver;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.bptt.grader.value.Value;

/**
 * The solved exercise: every quantity the solver can compute, in a topological order, each with
 * its reference value. Values are computed on first use and kept, so a graph costs only what is
 * read from it: the asked quantities and what they depend on. Reading is synchronized, so one graph
 * can serve many gradings at once.
 */
public final class QuantityGraph {

  private final Map<String, Quantity> quantities;
  private final Map<String, Integer> order;
  private final Map<String, Value> values = new HashMap<>();
  private Map<Family, List<Quantity>> families;

  private QuantityGraph(Map<String, Quantity> quantities) {
    this.quantities = Collections.unmodifiableMap(quantities);
    Map<String, Integer> positions = new HashMap<>();
    for (String name : quantities.keySet()) {
      positions.put(name, positions.size());
    }
    this.order = positions;
  }

  /** All quantities in computation order (a topological order of the graph). */
  public List<Quantity> quantities() {
    return List.copyOf(quantities.values());
  }

  public List<String> names() {
    return List.copyOf(quantities.keySet());
  }

  public boolean contains(String name) {
    return quantities.containsKey(name);
  }

  public Optional<Quantity> quantity(String name) {
    return Optional.ofNullable(quantities.get(name));
  }

  /** Quantities grouped by what they are, apart from their steps: every h[t] of sequence 2, say. */
  record Family(QuantityId.Scope scope, int sequence, QuantityId.Role role, String parameter) {

    static Family of(QuantityId id) {
      return new Family(id.scope(), id.sequence(), id.role(), id.parameter());
    }
  }

  /** The quantities of one family, in computation order; built once per graph, on first use. */
  synchronized List<Quantity> family(Family family) {
    if (families == null) {
      families = new HashMap<>();
      for (Quantity quantity : quantities.values()) {
        families.computeIfAbsent(Family.of(quantity.id()), key -> new ArrayList<>()).add(quantity);
      }
    }
    return families.getOrDefault(family, List.of());
  }

  /** The last step of a sequence (numbered from 1; 0 for a single sequence's steps), 0 when there is none. */
  public int lastStep(int sequence) {
    List<Quantity> states = family(new Family(QuantityId.Scope.PLAIN, sequence, QuantityId.Role.HIDDEN, null));
    return states.isEmpty() ? 0 : states.get(states.size() - 1).id().step();
  }

  /** A quantity's position in computation order; fails for a name the graph does not have. */
  public int position(String name) {
    Integer position = order.get(name);
    if (position == null) {
      throw new IllegalArgumentException("no quantity named " + name);
    }
    return position;
  }

  /** The reference value of a quantity, computed (with what it reads) on first use. */
  public synchronized Value value(String name) {
    Value value = values.get(name);
    if (value != null) {
      return value;
    }
    Quantity quantity = quantities.get(name);
    if (quantity == null) {
      throw new IllegalArgumentException("no quantity named " + name);
    }
    // What is not computed yet, inputs first in computation order: long chains (h[50] back to h[1])
    // do not recurse, and the walk stops at values already known.
    Set<String> missing = new HashSet<>();
    List<String> pending = new ArrayList<>(List.of(name));
    while (!pending.isEmpty()) {
      String next = pending.remove(pending.size() - 1);
      if (!values.containsKey(next) && missing.add(next)) {
        pending.addAll(quantities.get(next).inputs());
      }
    }
    List<String> ordered = new ArrayList<>(missing);
    ordered.sort((first, second) -> Integer.compare(order.get(first), order.get(second)));
    for (String input : ordered) {
      values.put(input, quantities.get(input).main().compute(input, values::get));
    }
    return values.get(name);
  }

  /**
   * The named quantities and every quantity their main derivations read, directly or not, in
   * computation order.
   */
  public List<String> closure(Collection<String> names) {
    Set<String> seen = new LinkedHashSet<>();
    List<String> pending = new ArrayList<>(names);
    while (!pending.isEmpty()) {
      String name = pending.remove(pending.size() - 1);
      Quantity quantity = quantities.get(name);
      if (quantity == null) {
        throw new IllegalArgumentException("no quantity named " + name);
      }
      if (seen.add(name)) {
        pending.addAll(quantity.inputs());
      }
    }
    List<String> ordered = new ArrayList<>(seen);
    ordered.sort((first, second) -> Integer.compare(order.get(first), order.get(second)));
    return ordered;
  }

  /**
   * The part of this graph that the named quantities need: them and everything they read, in the
   * same order, with derivations that read something outside it dropped. A worked solution shows
   * this, not every quantity the solver could compute.
   */
  public QuantityGraph restrictedTo(Collection<String> names) {
    Set<String> kept = new HashSet<>(closure(names));
    Map<String, Quantity> part = new LinkedHashMap<>();
    for (Map.Entry<String, Quantity> entry : quantities.entrySet()) {
      if (kept.contains(entry.getKey())) {
        Quantity quantity = entry.getValue();
        List<Derivation> derivations = quantity.derivations().stream()
            .filter(derivation -> kept.containsAll(derivation.inputs())).toList();
        part.put(entry.getKey(), new Quantity(quantity.name(), quantity.id(), quantity.stage(), quantity.meaning(), derivations));
      }
    }
    return new QuantityGraph(part);
  }

  /**
   * Evaluates the wanted quantities with some quantities replaced ({@code substitutes}: other
   * given values, say), reading nothing of this graph's cached values: one training epoch is this
   * graph evaluated with the epoch's parameters, without building a new graph.
   */
  public Map<String, Value> evaluate(Map<String, ? extends Value> substitutes, Collection<String> wanted) {
    Set<String> needed = new HashSet<>();
    List<String> pending = new ArrayList<>(wanted);
    while (!pending.isEmpty()) {
      String name = pending.remove(pending.size() - 1);
      if (needed.add(name) && !substitutes.containsKey(name)) {
        pending.addAll(quantities.get(name).inputs());
      }
    }
    List<String> ordered = new ArrayList<>(needed);
    ordered.sort((first, second) -> Integer.compare(order.get(first), order.get(second)));
    Map<String, Value> computed = new HashMap<>(substitutes);
    for (String name : ordered) {
      if (!computed.containsKey(name)) {
        computed.put(name, quantities.get(name).main().compute(name, computed::get));
      }
    }
    Map<String, Value> result = new LinkedHashMap<>();
    for (String name : wanted) {
      result.put(name, computed.get(name));
    }
    return result;
  }

  /**
   * Recomputes a quantity with one of its derivations, reading each input from {@code
   * substitutes} where it has a value (a student's own answers, say) and from the reference
   * solution otherwise.
   */
  public Value recompute(String name, Derivation derivation, Function<String, Value> substitutes) {
    return derivation.compute(name, input -> {
      Value substitute = substitutes.apply(input);
      return substitute != null ? substitute : value(input);
    });
  }

  /** Declares quantities in computation order; every input must be declared before what reads it. */
  public static final class Builder {

    private final Map<String, Quantity> quantities = new LinkedHashMap<>();

    public Builder add(Quantity quantity) {
      if (quantities.containsKey(quantity.name())) {
        throw new IllegalStateException("quantity " + quantity.name() + " is defined twice");
      }
      for (Derivation derivation : quantity.derivations()) {
        for (String input : derivation.inputs()) {
          if (!quantities.containsKey(input)) {
            throw new IllegalStateException(quantity.name() + " reads " + input + ", which is not defined before it");
          }
        }
      }
      quantities.put(quantity.name(), quantity);
      return this;
    }

    public boolean contains(String name) {
      return quantities.containsKey(name);
    }

    public QuantityGraph build() {
      return new QuantityGraph(new LinkedHashMap<>(quantities));
    }
  }
}
