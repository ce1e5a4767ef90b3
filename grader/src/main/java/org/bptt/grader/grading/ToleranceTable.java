package org.bptt.grader.grading;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.bptt.grader.solver.AskedQuantities;
import org.bptt.grader.solver.Derivation;
import org.bptt.grader.solver.QuantityGraph;
import org.bptt.grader.solver.RoundingBudget;
import org.bptt.grader.solver.Stage;
import org.bptt.grader.value.Label;
import org.bptt.grader.value.Tensor;
import org.bptt.grader.value.Value;

/**
 * How close each quantity's answer must be: the exercise's tolerance (its default, or the first
 * override that names the quantity), widened for each asked quantity by its rounding budget
 * ({@link RoundingBudget}); which asked quantities cannot be graded at all; and how close a value
 * must be to what the student's own values give by one route. The budgets of work at finer
 * precisions and from a student's own values are estimated on first use. Thread-safe.
 */
final class ToleranceTable {

  /**
   * A quantity whose rounding budget exceeds this share of its size (and twice its tolerance)
   * cannot be checked at the precision it is worked to: it is not gradable.
   */
  static final double NOT_GRADABLE_SHARE = 0.05;

  /**
   * The precisions an answer's budget is known at, from the tolerance's own decimals up: a student
   * who writes more decimals worked to more, and their drift is smaller.
   */
  static final int PRECISIONS = 5;

  private final QuantityGraph graph;
  private final List<String> asked;
  private final Grader.RoundingBudgets budgets;
  /** Every quantity's tolerance as the exercise sets it. */
  private final Map<String, Tolerance> set = new LinkedHashMap<>();
  /** Each gradable asked quantity's tolerance with its budget. */
  private final Map<String, Tolerance> budgeted = new LinkedHashMap<>();
  private final Map<String, Finding.NotGradable> notGradable = new LinkedHashMap<>();
  private final Map<String, Double> enough = new LinkedHashMap<>();
  /** The training runs' drifts, from the given data alone: sampled once, reused at every precision. */
  private final Map<String, Tensor> training = new LinkedHashMap<>();
  private final int precisions;
  /** The drift of work at the tolerance's precision plus k decimals, by k. */
  private final AtomicReferenceArray<Map<String, Tensor>> fullLevels;
  /** The same from a student's own values of the asked quantities: a recomputation's. */
  private final AtomicReferenceArray<RoundingBudget.Estimate> localLevels;

  ToleranceTable(QuantityGraph graph, GradingSpec spec, List<String> asked, Grader.RoundingBudgets budgets) {
    this.graph = graph;
    this.asked = asked;
    this.budgets = budgets;
    for (String name : graph.names()) {
      set.put(name, spec.defaultTolerance());
    }
    List<GradingSpec.Override> reversed = new ArrayList<>(spec.overrides());
    Collections.reverse(reversed); // the first matching override wins
    for (GradingSpec.Override override : reversed) {
      for (String name : AskedQuantities.expand(List.of(override.pattern()), graph)) {
        set.put(name, override.tolerance());
      }
    }
    for (String name : asked) {
      enough.put(name, notGradableBeyond(name));
    }
    Map<String, Tensor> fromGivens =
        budgets.estimate(new RoundingBudget.Request(asked, RoundingBudget.HalfUnit.EXACT, enough)).drifts();
    for (String name : asked) {
      if (fromGivens.containsKey(name) && graph.quantity(name).orElseThrow().stage() == Stage.TRAINING) {
        training.put(name, fromGivens.get(name));
      }
    }
    boolean anyOpen = asked.stream().anyMatch(name -> set.get(name) instanceof Tolerance.AsWritten);
    this.precisions = anyOpen ? PRECISIONS : 1;
    this.fullLevels = new AtomicReferenceArray<>(precisions);
    this.localLevels = new AtomicReferenceArray<>(precisions);
    for (String name : asked) {
      decideGradable(name, fromGivens.get(name), fullLevel(0).get(name));
    }
    for (String name : asked) {
      Tolerance withBudget = withBudget(name);
      if (withBudget != null) {
        budgeted.put(name, withBudget);
      }
    }
  }

  /** The tolerance an answer for {@code name} is judged at, its budget included. */
  Tolerance tolerance(String name) {
    Tolerance withBudget = budgeted.get(name);
    return withBudget != null ? withBudget : set.get(name);
  }

  Map<String, Finding.NotGradable> notGradable() {
    return Collections.unmodifiableMap(notGradable);
  }

  /**
   * The tolerance of a recomputation of an asked quantity by {@code derivation} from the student's
   * own {@code values}: only the rounding of the steps of that route (and of unasked values on
   * the way) can separate the two, at the precision of the answer's fewest decimals.
   */
  Tolerance follow(String name, Derivation derivation, Answer answer, Function<String, Value> values) {
    Tolerance base = set.get(name);
    if (!asked.contains(name) || graph.value(name) instanceof Label) {
      return tolerance(name);
    }
    int written = Integer.MAX_VALUE;
    int entries = answer.value() instanceof Tensor tensor ? tensor.size() : 0;
    for (int i = 0; i < entries; i++) {
      written = Math.min(written, answer.decimalsOf(i));
    }
    int precision = base instanceof Tolerance.AsWritten asWritten && written != Integer.MAX_VALUE
        ? Math.max(0, Math.min(precisions - 1, written - asWritten.minimumDecimals())) : 0;
    Tensor drift = localLevel(precision).driftOf(name, derivation, values);
    return drift == null || !(drift.maxAbs() > 0) ? base : new Tolerance.WithinBudget(base, List.of(drift));
  }

  private Map<String, Tensor> fullLevel(int extra) {
    return lazily(fullLevels, extra, k -> budgets.estimate(request(k, Set.of())).drifts());
  }

  private RoundingBudget.Estimate localLevel(int extra) {
    return lazily(localLevels, extra, k -> budgets.estimate(request(k, new HashSet<>(asked))));
  }

  /** Entry {@code k} of {@code levels}, estimated by {@code estimate} the first time it is read. */
  private static <T> T lazily(AtomicReferenceArray<T> levels, int k, IntFunction<T> estimate) {
    T level = levels.get(k);
    if (level == null) {
      synchronized (levels) {
        level = levels.get(k);
        if (level == null) {
          level = estimate.apply(k);
          levels.set(k, level);
        }
      }
    }
    return level;
  }

  /**
   * The drift of work at the tolerance's own precision plus {@code extraDecimals}; with {@code
   * pinned} the student's own answers, the drift from what their own values give.
   */
  private RoundingBudget.Request request(int extraDecimals, Set<String> pinned) {
    return new RoundingBudget.Request(asked, halfUnitAt(extraDecimals), pinned, training, enough, pinned.isEmpty());
  }

  /** The half unit of a working value at the tolerance's own precision plus {@code extraDecimals}. */
  private RoundingBudget.HalfUnit halfUnitAt(int extraDecimals) {
    return (name, value) -> set.get(name) instanceof Tolerance.AsWritten asWritten
        ? 0.5 * Math.pow(10, -Math.min(15, asWritten.minimumDecimals() + extraDecimals))
        : set.get(name).halfWidth(value);
  }

  /** The drift past which a quantity is not gradable: a few percent of its size, and past twice its tolerance. */
  private double notGradableBeyond(String name) {
    Value reference = graph.value(name);
    double size = reference instanceof Tensor tensor ? tensor.maxAbs() : 0;
    return Math.max(NOT_GRADABLE_SHARE * size, 2 * set.get(name).halfWidth(size));
  }

  /**
   * Marks a quantity not gradable when its drift is past a few percent of its size: the drift
   * from the given data alone (no student can do better than the data) or, where the tolerance
   * fixes the precision to work to, the drift at that precision; a label that can flip at the
   * working precision is not gradable either.
   */
  private void decideGradable(String name, Tensor fromGivens, Tensor atPrecision) {
    if (fromGivens == null || atPrecision == null) {
      return;
    }
    boolean precisionOpen = set.get(name) instanceof Tolerance.AsWritten;
    double decisive = precisionOpen ? fromGivens.maxAbs() : atPrecision.maxAbs();
    boolean label = graph.value(name) instanceof Label;
    if (Double.isNaN(decisive) || decisive > notGradableBeyond(name) || label && atPrecision.maxAbs() > 0) {
      notGradable.put(name, new Finding.NotGradable(Double.isNaN(decisive) || label ? Double.POSITIVE_INFINITY
          : decisive, graph.quantity(name).map(q -> q.stage() == Stage.TRAINING).orElse(false)));
    }
  }

  /** The asked quantity's tolerance with its budget, its finer precisions read on first use; null for none. */
  private Tolerance withBudget(String name) {
    Tensor atOwnPrecision = fullLevel(0).get(name);
    if (notGradable.containsKey(name) || atOwnPrecision == null || !(atOwnPrecision.maxAbs() > 0)
        || graph.value(name) instanceof Label) {
      return null;
    }
    return new Tolerance.WithinBudget(set.get(name), new Tolerance.Drifts() {
      @Override
      public int count() {
        return precisions;
      }

      @Override
      public Tensor at(int precision) {
        return fullLevel(precision).get(name);
      }
    });
  }
}
