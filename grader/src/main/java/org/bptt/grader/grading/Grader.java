package org.bptt.grader.grading;

import org.bptt.grader.grading.misconception.MisconceptionLibrary;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.bptt.grader.exercise.Exercise;
import org.bptt.grader.solver.AskedQuantities;
import org.bptt.grader.solver.Derivation;
import org.bptt.grader.solver.Quantity;
import org.bptt.grader.solver.QuantityGraph;
import org.bptt.grader.solver.Stage;
import org.bptt.grader.value.Label;
import org.bptt.grader.value.Tensor;
import org.bptt.grader.value.Value;

/**
 * Compares a submission with the solved exercise, quantity by quantity: correct against the
 * reference; else carried forward when a derivation of the quantity, recomputed from the
 * student's own values of its inputs, gives their answer; else wrong, with the misconception
 * that reproduces it if one does. Thread-safe: one grader serves a whole class.
 */
public final class Grader {

  private final Exercise exercise;
  private final QuantityGraph graph;
  private final GradingSpec spec;
  private final List<String> asked;
  private final Map<String, Tolerance> tolerances = new LinkedHashMap<>();
  private final MisconceptionLibrary library;

  /** A quantity whose reference moves by more than this share of its size is not gradable. */
  static final double NOT_GRADABLE_SHARE = 0.05;

  private final Map<String, Finding.NotGradable> notGradable = new LinkedHashMap<>();

  /**
   * How much each asked quantity moves when the given data move within their printed precision
   * ({@link org.bptt.grader.solver.RoundingSensitivity}), estimated once per exercise.
   */
  @FunctionalInterface
  public interface RoundingBudget {

    /**
     * @param names the asked quantities
     * @param enough for each, the spread past which it is not gradable whatever more is learned,
     *     so the estimate may stop looking at it
     */
    Map<String, Double> spreads(List<String> names, Map<String, Double> enough);
  }

  /** A grader whose tolerances take the given spreads into account (empty when the givens are exact). */
  public Grader(Exercise exercise, QuantityGraph graph, GradingSpec spec, Map<String, Double> spreads) {
    this(exercise, graph, spec, (names, enough) -> spreads);
  }

  /** A grader that estimates the asked quantities' rounding spreads with {@code budget}. */
  public Grader(Exercise exercise, QuantityGraph graph, GradingSpec spec, RoundingBudget budget) {
    this.exercise = exercise;
    this.graph = graph;
    this.spec = spec;
    this.asked = AskedQuantities.expand(exercise.asked(), graph);
    this.library = new MisconceptionLibrary(exercise, graph);
    for (String name : graph.names()) {
      tolerances.put(name, spec.defaultTolerance());
    }
    List<GradingSpec.Override> reversed = new ArrayList<>(spec.overrides());
    java.util.Collections.reverse(reversed); // the first matching override wins
    for (GradingSpec.Override override : reversed) {
      for (String name : AskedQuantities.expand(List.of(override.pattern()), graph)) {
        tolerances.put(name, override.tolerance());
      }
    }
    Map<String, Double> enough = new LinkedHashMap<>();
    for (String name : asked) {
      enough.put(name, notGradableBeyond(name));
    }
    Map<String, Double> spreads = budget.spreads(asked, enough);
    for (String name : asked) {
      applySensitivity(name, spreads.getOrDefault(name, 0.0));
    }
  }

  /** The spread past which a quantity is not gradable: a few percent of its size, and far past its tolerance. */
  private double notGradableBeyond(String name) {
    Value reference = graph.value(name);
    double size = reference instanceof Tensor tensor ? tensor.maxAbs() : 0;
    return Math.max(NOT_GRADABLE_SHARE * size, 100 * tolerances.get(name).halfWidth(size));
  }

  /**
   * Leaves a quantity's tolerance alone when the rounding of the given data moves it by no more
   * than about the tolerance (ordinary hand work), widens it when it moves more, and marks it not
   * gradable when it moves by more than a few percent of its size: then no precision a student
   * could work to would decide it.
   */
  private void applySensitivity(String name, double spread) {
    Tolerance tolerance = tolerances.get(name);
    Value reference = graph.value(name);
    double size = reference instanceof Tensor tensor ? tensor.maxAbs() : 0;
    double halfWidth = tolerance.halfWidth(size);
    if (spread <= 2 * halfWidth) {
      return;
    }
    if (Double.isInfinite(spread) || spread > notGradableBeyond(name)) {
      notGradable.put(name, new Finding.NotGradable(spread,
          graph.quantity(name).map(q -> q.stage() == Stage.TRAINING).orElse(false)));
      return;
    }
    tolerances.put(name, new Tolerance.Widened(tolerance, spread));
  }

  public List<String> asked() {
    return asked;
  }

  /** The asked quantities that are not graded, with the reason. */
  public Map<String, Finding.NotGradable> notGradable() {
    return java.util.Collections.unmodifiableMap(notGradable);
  }

  public Tolerance toleranceFor(String name) {
    return tolerances.get(name);
  }

  public SubmissionResult grade(Submission submission) {
    Function<String, Value> given = name -> {
      Answer answer = submission.answers().get(name);
      return answer == null ? null : answer.value();
    };
    ConsistentValues consistent = new ConsistentValues(given);
    List<QuantityResult> results = new ArrayList<>();
    for (String name : asked) {
      results.add(gradeOne(name, submission.answers(), given, consistent));
    }
    return new SubmissionResult(exercise.id(), exercise.title(), exercise.source(), submission.student(),
        submission.displayName(), results);
  }

  /**
   * Every quantity as it follows from the student's answers: their value where they gave one, else
   * recomputed from the values before it. This carries an early slip through the quantities a
   * student was not asked to write down (seed 000 asks for y[t] but not o[t]). The training run is
   * left at its reference values: it does not follow from a page of hand calculation.
   */
  /**
   * The quantities as they follow from one student's answers, each computed
   * on first use (with what it reads, in computation order): a submission costs the quantities its
   * grading reads, not the whole graph.
   */
  private final class ConsistentValues {

    private final Function<String, Value> given;
    private final Map<String, Value> values = new HashMap<>();

    ConsistentValues(Function<String, Value> given) {
      this.given = given;
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

    private Value consistentValue(String name) {
      Quantity quantity = graph.quantity(name).orElseThrow();
      Value answer = given.apply(name);
      if (answer != null) {
        return answer;
      }
      if (quantity.isGiven() || quantity.stage() == Stage.TRAINING) {
        return graph.value(name);
      }
      return quantity.main().compute(name, values::get);
    }

    /** The quantity and, behind each one not yet known, what its main derivation reads, in computation order. */
    private List<String> closureThroughUnanswered(String name) {
      Set<String> seen = new HashSet<>();
      Deque<String> pending = new ArrayDeque<>(List.of(name));
      List<String> needed = new ArrayList<>();
      while (!pending.isEmpty()) {
        String next = pending.pop();
        if (values.containsKey(next) || !seen.add(next)) {
          continue;
        }
        needed.add(next);
        Quantity quantity = graph.quantity(next).orElseThrow();
        if (given.apply(next) == null && !quantity.isGiven() && quantity.stage() != Stage.TRAINING) {
          pending.addAll(quantity.inputs());
        }
      }
      needed.sort(java.util.Comparator.comparingInt(graph::position));
      return needed;
    }
  }

  private QuantityResult gradeOne(String name, Map<String, Answer> answers, Function<String, Value> given,
      ConsistentValues consistent) {
    Answer answer = answers.get(name);
    Quantity quantity = graph.quantity(name).orElseThrow();
    Value expected = graph.value(name);
    Tolerance tolerance = tolerances.get(name);
    if (notGradable.containsKey(name)) {
      return result(quantity, answer, notGradable.get(name), 0);
    }
    if (answer == null || answer.isBlank()) {
      return result(quantity, null, new Finding.Missing(), 0);
    }
    if (answer.isInvalid()) {
      return result(quantity, null, new Finding.Invalid(answer.problem()), 0);
    }
    Value submitted = answer.value();
    if (matches(answer, expected, tolerance)) {
      return result(quantity, answer, new Finding.Correct(), 1);
    }
    Derivation followed = followedDerivation(name, answer, given, consistent);
    if (followed != null) {
      return carriedForward(quantity, answer, builtOn(followed.inputs(), answers, given, consistent));
    }
    List<Finding.OffEntry> off = offEntries(answer, expected, tolerance);
    for (MisconceptionLibrary.Variant variant : library.variantsFor(name)) {
      Value fromGiven = graph.recompute(name, variant.derivation(), given);
      Value fromConsistent = variant.derivation().compute(name, consistent::get);
      if (matches(answer, fromGiven, tolerance) || matches(answer, fromConsistent, tolerance)) {
        return result(quantity, answer, new Finding.Wrong(variant.misconception(), off), 0);
      }
    }
    return result(quantity, answer, new Finding.Wrong(null, off), 0);
  }

  private QuantityResult carriedForward(Quantity quantity, Answer answer, List<String> basedOn) {
    return result(quantity, answer, new Finding.CarriedForward(basedOn), spec.carriedForwardCredit());
  }

  /**
   * The student's slips a quantity was built on: the wrong answers among its inputs and, through
   * inputs they did not answer or answered consistently with their own earlier values (carried
   * forward themselves), the wrong answers further back, so the feedback names where the error was
   * made, not every answer it passed through.
   */
  private List<String> builtOn(List<String> inputs, Map<String, Answer> answers, Function<String, Value> given,
      ConsistentValues consistent) {
    Set<String> slips = new LinkedHashSet<>();
    Set<String> visited = new HashSet<>();
    Deque<String> pending = new ArrayDeque<>(inputs);
    while (!pending.isEmpty()) {
      String input = pending.pop();
      if (!visited.add(input)) {
        continue;
      }
      Answer answer = answers.get(input);
      Quantity quantity = graph.quantity(input).orElseThrow();
      if (answer == null || answer.value() == null) {
        pending.addAll(quantity.inputs());
      } else if (!matches(answer, graph.value(input), tolerances.get(input))) {
        Derivation followed = followedDerivation(input, answer, given, consistent);
        if (followed == null) {
          slips.add(input);
        } else {
          pending.addAll(followed.inputs());
        }
      }
    }
    List<String> ordered = new ArrayList<>(slips);
    ordered.sort(java.util.Comparator.comparingInt(graph::position));
    return ordered;
  }

  /** The derivation by which a wrong answer follows from the student's own values, or null if none does. */
  private Derivation followedDerivation(String name, Answer answer, Function<String, Value> given,
      ConsistentValues consistent) {
    Quantity quantity = graph.quantity(name).orElseThrow();
    if (quantity.isGiven()) {
      return null;
    }
    Tolerance tolerance = tolerances.get(name);
    for (Derivation derivation : quantity.derivations()) {
      if (matches(answer, graph.recompute(name, derivation, given), tolerance)
          || matches(answer, derivation.compute(name, consistent::get), tolerance)) {
        return derivation;
      }
    }
    return null;
  }

  private QuantityResult result(Quantity quantity, Answer answer, Finding finding, double credit) {
    Value submitted = answer == null ? null : answer.value();
    List<Integer> decimals = answer == null || submitted == null ? List.of() : answer.writtenDecimals();
    return new QuantityResult(quantity.name(), exercise.notation().render(quantity.name()), quantity.stage(),
        quantity.meaning(), submitted, graph.value(quantity.name()), finding, credit, tolerances.get(quantity.name()),
        decimals);
  }

  /**
   * For a vector or matrix of which some entries but not all are off, those entries, counted from 1;
   * a matrix with more than one row and column names them by row and column.
   */
  private static List<Finding.OffEntry> offEntries(Answer answer, Value expected, Tolerance tolerance) {
    if (!(answer.value() instanceof Tensor student) || !(expected instanceof Tensor truth) || truth.size() == 1) {
      return List.of();
    }
    boolean matrix = truth.shape().kind() == org.bptt.grader.value.Shape.Kind.MATRIX && truth.rows() > 1
        && truth.columns() > 1;
    List<Finding.OffEntry> off = new ArrayList<>();
    for (int i = 0; i < truth.size(); i++) {
      if (!tolerance.accepts(student.at(i), answer.decimalsOf(i), truth.at(i))) {
        off.add(new Finding.OffEntry(i + 1, matrix ? i / truth.columns() + 1 : 0, matrix ? i % truth.columns() + 1 : 0,
            student.at(i), truth.at(i)));
      }
    }
    return off.size() == truth.size() ? List.of() : off;
  }

  /** Whether every entry of an answer is accepted against {@code reference}, at the precision written. */
  static boolean matches(Answer answer, Value reference, Tolerance tolerance) {
    Value submitted = answer.value();
    if (submitted instanceof Label || reference instanceof Label) {
      return submitted.equals(reference);
    }
    Tensor student = (Tensor) submitted;
    Tensor truth = (Tensor) reference;
    if (student.size() != truth.size()) {
      return false;
    }
    for (int i = 0; i < truth.size(); i++) {
      if (!tolerance.accepts(student.at(i), answer.decimalsOf(i), truth.at(i))) {
        return false;
      }
    }
    return true;
  }
}
