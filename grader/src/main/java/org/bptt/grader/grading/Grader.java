package org.bptt.grader.grading;

import org.bptt.grader.grading.misconception.Misconception;
import org.bptt.grader.grading.misconception.MisconceptionLibrary;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
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
import org.bptt.grader.solver.RoundingBudget;
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
  private final ToleranceTable tolerances;
  private final MisconceptionLibrary library;
  private final Map<String, List<MisconceptionLibrary.Variant>> variantsByNode =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * How far honest hand work can drift from each asked quantity's reference
   * ({@link RoundingBudget}), estimated once per exercise and working precision.
   */
  @FunctionalInterface
  public interface RoundingBudgets {

    /** Per wanted name, the drift of each entry (row-major). */
    RoundingBudget.Estimate estimate(RoundingBudget.Request request);
  }

  /** A grader with no rounding budget: every value is judged at its tolerance alone. */
  public Grader(Exercise exercise, QuantityGraph graph, GradingSpec spec) {
    this(exercise, graph, spec, request -> RoundingBudget.Estimate.none());
  }

  /** A grader whose tolerances add each asked quantity's rounding budget, from {@code budgets}. */
  public Grader(Exercise exercise, QuantityGraph graph, GradingSpec spec, RoundingBudgets budgets) {
    this.exercise = exercise;
    this.graph = graph;
    this.spec = spec;
    this.asked = AskedQuantities.expand(exercise.asked(), graph);
    this.library = new MisconceptionLibrary(exercise, graph);
    this.tolerances = new ToleranceTable(graph, spec, asked, budgets);
  }

  public List<String> asked() {
    return asked;
  }

  /** The asked quantities that are not graded, with the reason. */
  public Map<String, Finding.NotGradable> notGradable() {
    return tolerances.notGradable();
  }

  public Tolerance toleranceFor(String name) {
    return tolerances.tolerance(name);
  }

  public SubmissionResult grade(Submission submission) {
    Function<String, Value> given = name -> {
      Answer answer = submission.answers().get(name);
      return answer == null ? null : answer.value();
    };
    ConsistentValues consistent = new ConsistentValues(graph, given);
    List<QuantityResult> results = new ArrayList<>();
    for (String name : asked) {
      results.add(gradeOne(name, submission.answers(), given, consistent));
    }
    return new SubmissionResult(exercise.id(), exercise.title(), exercise.source(), submission.student(),
        submission.displayName(), results);
  }

  private QuantityResult gradeOne(String name, Map<String, Answer> answers, Function<String, Value> given,
      ConsistentValues consistent) {
    Answer answer = answers.get(name);
    Quantity quantity = graph.quantity(name).orElseThrow();
    Value expected = graph.value(name);
    Tolerance tolerance = tolerances.tolerance(name);
    if (tolerances.notGradable().containsKey(name)) {
      return result(quantity, answer, tolerances.notGradable().get(name), 0);
    }
    if (answer == null || answer.isBlank()) {
      return result(quantity, null, new Finding.Missing(), 0);
    }
    if (answer.isInvalid()) {
      return result(quantity, null, new Finding.Invalid(answer.problem()), 0);
    }
    if (matches(answer, expected, tolerance)) {
      return result(quantity, answer, new Finding.Correct(), 1);
    }
    Derivation followed = followedDerivation(name, answer, given, consistent);
    List<String> basedOn = followed == null ? List.of() : builtOn(followed.inputs(), answers, given, consistent);
    if (!basedOn.isEmpty()) {
      return carriedForward(quantity, answer, basedOn);
    }
    // A value that follows from the student's own values, all of them right, is not an error
    // carried forward: the rounding budget already allows for what honest rounding moves, so it
    // is an error made here.
    List<Finding.OffEntry> off = offEntries(answer, expected, tolerance);
    if (!referenceAtFewerDecimals(answer, expected)) {
      for (MisconceptionLibrary.Variant variant : allVariantsOf(name)) {
        Value fromGiven = graph.recompute(name, variant.derivation(), given);
        Value fromConsistent = variant.derivation().compute(name, consistent::get);
        Tolerance follow = tolerances.follow(name, variant.derivation(), answer, consistent::get);
        if (matches(answer, fromGiven, follow) && shows(fromGiven, answer, expected, tolerance)
            || matches(answer, fromConsistent, follow) && shows(fromConsistent, answer, expected, tolerance)) {
          return result(quantity, answer, new Finding.Wrong(variant.misconception(), off), 0);
        }
      }
      Misconception upstream = misconceptionOnTheWay(name, answer, consistent);
      if (upstream != null) {
        return result(quantity, answer, new Finding.Wrong(upstream, off), 0);
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
      } else if (!matches(answer, graph.value(input), tolerances.tolerance(input))) {
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

  /**
   * A misconception made where the student wrote nothing down and first seen here: the factor 2 in
   * every L[t] when only L is asked, the unclipped gradient inside an update. Each misconception
   * with a version of some quantity recomputed on the way is applied at all of them, and the
   * answer is compared with what follows. Null when none reproduces it.
   */
  private Misconception misconceptionOnTheWay(String name, Answer answer, ConsistentValues plain) {
    Map<String, Misconception> onTheWay = new LinkedHashMap<>();
    Set<String> inputs = new LinkedHashSet<>(graph.quantity(name).orElseThrow().inputs());
    for (MisconceptionLibrary.Variant own : variantsOf(name).values()) {
      inputs.addAll(own.derivation().inputs());
    }
    for (String input : inputs) {
      for (String node : plain.recomputedBehind(input)) {
        for (MisconceptionLibrary.Variant variant : variantsOf(node).values()) {
          onTheWay.putIfAbsent(variant.misconception().id(), variant.misconception());
        }
      }
    }
    for (Misconception misconception : onTheWay.values()) {
      ConsistentValues applied = plain.applying(misconception.id(), node -> {
        MisconceptionLibrary.Variant variant = variantsOf(node).get(misconception.id());
        return variant != null ? variant.derivation() : graph.quantity(node).orElseThrow().main();
      });
      MisconceptionLibrary.Variant own = variantsOf(name).get(misconception.id());
      Derivation derivation = own != null ? own.derivation() : graph.quantity(name).orElseThrow().main();
      Value withoutAnswer = derivation.compute(name, applied::get);
      Tolerance follow = tolerances.follow(name, derivation, answer, applied::get);
      if (matches(answer, withoutAnswer, follow) && shows(withoutAnswer, answer, graph.value(name),
          tolerances.tolerance(name))) {
        return misconception;
      }
    }
    return null;
  }

  /** A quantity's misconception variants by misconception id, the first of each (from {@link #allVariantsOf}). */
  private Map<String, MisconceptionLibrary.Variant> variantsOf(String node) {
    Map<String, MisconceptionLibrary.Variant> first = new LinkedHashMap<>();
    for (MisconceptionLibrary.Variant variant : allVariantsOf(node)) {
      first.putIfAbsent(variant.misconception().id(), variant);
    }
    return first;
  }

  /** Every misconception variant of a quantity, in the library's order; built once per quantity. */
  private List<MisconceptionLibrary.Variant> allVariantsOf(String node) {
    return variantsByNode.computeIfAbsent(node, library::variantsFor);
  }

  /** The derivation by which a wrong answer follows from the student's own values, or null if none does. */
  private Derivation followedDerivation(String name, Answer answer, Function<String, Value> given,
      ConsistentValues consistent) {
    Quantity quantity = graph.quantity(name).orElseThrow();
    if (quantity.isGiven()) {
      return null;
    }
    for (Derivation derivation : quantity.derivations()) {
      Tolerance tolerance = tolerances.follow(name, derivation, answer, consistent::get);
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
        quantity.meaning(), submitted, graph.value(quantity.name()), finding, credit, tolerances.tolerance(quantity.name()),
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
      if (!tolerance.accepts(student.at(i), answer.decimalsOf(i), truth.at(i), i)) {
        off.add(new Finding.OffEntry(i + 1, matrix ? i / truth.columns() + 1 : 0, matrix ? i % truth.columns() + 1 : 0,
            student.at(i), truth.at(i)));
      }
    }
    return off.size() == truth.size() ? List.of() : off;
  }

  /**
   * Whether an answer is the reference rounded to the decimals written, fewer than it is judged at
   * (0.78 for 0.7810): a copy at low precision, which no misconception explains.
   */
  private static boolean referenceAtFewerDecimals(Answer answer, Value expected) {
    if (!(answer.value() instanceof Tensor student) || !(expected instanceof Tensor truth)
        || student.size() != truth.size()) {
      return false;
    }
    for (int i = 0; i < truth.size(); i++) {
      int written = answer.decimalsOf(i);
      if (written < 0 || Math.abs(student.at(i) - truth.at(i)) > 0.5 * Math.pow(10, -written) * Tolerance.FUZZ) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a misconception shows in a quantity: its value differs from the reference, at some
   * entry, by more than the rounding budget and half the half unit of the decimals the answer was
   * written to. Where it does not, an answer near it is not evidence of it.
   */
  private static boolean shows(Value variant, Answer answer, Value reference, Tolerance tolerance) {
    if (!(variant instanceof Tensor value) || !(reference instanceof Tensor truth) || value.size() != truth.size()) {
      return !variant.equals(reference);
    }
    Tolerance base = tolerance instanceof Tolerance.WithinBudget budget ? budget.base() : tolerance;
    for (int i = 0; i < truth.size(); i++) {
      int written = answer.decimalsOf(i);
      double allowance = tolerance instanceof Tolerance.WithinBudget budget ? budget.allowance(written, i) : 0;
      double line = allowance + 0.5 * base.halfWidth(truth.at(i), written);
      if (Math.abs(value.at(i) - truth.at(i)) > line * Tolerance.FUZZ) {
        return true;
      }
    }
    return false;
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
      if (!tolerance.accepts(student.at(i), answer.decimalsOf(i), truth.at(i), i)) {
        return false;
      }
    }
    return true;
  }
}
