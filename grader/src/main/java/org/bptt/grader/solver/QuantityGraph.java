package org.bptt.grader.solver;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.bptt.grader.value.Value;

/**
 * The solved exercise: every named quantity in the order it was computed, with its reference
 * value. Immutable once built, so one graph can serve many gradings at once.
 */
public final class QuantityGraph {

  private final Map<String, Quantity> quantities;
  private final Map<String, Value> values;

  private QuantityGraph(Map<String, Quantity> quantities, Map<String, Value> values) {
    this.quantities = Collections.unmodifiableMap(quantities);
    this.values = Collections.unmodifiableMap(values);
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

  /** The reference value of a quantity; fails for a name the graph does not have. */
  public Value value(String name) {
    Value value = values.get(name);
    if (value == null) {
      throw new IllegalArgumentException("no quantity named " + name);
    }
    return value;
  }

  /**
   * Recomputes a quantity with one of its derivations, reading each input from {@code
   * substitutes} where it has a value (a student's own answers, say) and from the reference
   * solution otherwise.
   */
  public Value recompute(String name, Derivation derivation, Function<String, Value> substitutes) {
    return derivation.compute(name, input -> {
      Value substitute = substitutes.apply(input);
      return substitute != null ? substitute : values.get(input);
    });
  }

  /** Builds a graph by evaluating quantities as they are added; inputs must already be present. */
  public static final class Builder {

    private final Map<String, Quantity> quantities = new LinkedHashMap<>();
    private final Map<String, Value> values = new LinkedHashMap<>();

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
      // Only the main derivation is evaluated here; tests check that the others agree with it.
      Value value = quantity.main().compute(quantity.name(), values::get);
      quantities.put(quantity.name(), quantity);
      values.put(quantity.name(), value);
      return this;
    }

    public boolean contains(String name) {
      return quantities.containsKey(name);
    }

    public Value value(String name) {
      return values.get(name);
    }

    public QuantityGraph build() {
      return new QuantityGraph(new LinkedHashMap<>(quantities), new LinkedHashMap<>(values));
    }
  }
}
