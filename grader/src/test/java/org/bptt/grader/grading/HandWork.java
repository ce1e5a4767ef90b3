package org.bptt.grader.grading;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.bptt.grader.error.Location;
import org.bptt.grader.solver.Derivation;
import org.bptt.grader.solver.Expression;
import org.bptt.grader.solver.Quantity;
import org.bptt.grader.solver.QuantityGraph;
import org.bptt.grader.value.Label;
import org.bptt.grader.value.Tensor;
import org.bptt.grader.value.Value;

/**
 * A simulated student working by hand: every number they write (each answer, and the working
 * values on paper: every step of a formula that computes something) is rounded to {@code decimals}
 * decimals, and the next value is computed from the rounded ones. Slips and misconceptions are
 * applied where the student makes them and carried through everything after, as a student who
 * goes on from their own values would.
 */
final class HandWork {

  private final QuantityGraph graph;
  private final int decimals;
  /** Quantities the student gets wrong: what they write instead of their correct working value. */
  private final Map<String, UnaryOperator<Tensor>> slips = new HashMap<>();
  /** Quantities the student computes with another formula (a misconception). */
  private final Map<String, Derivation> otherFormulas = new HashMap<>();
  private final Map<String, Value> written = new LinkedHashMap<>();

  HandWork(QuantityGraph graph, int decimals) {
    this.graph = graph;
    this.decimals = decimals;
  }

  HandWork slip(String name, UnaryOperator<Tensor> change) {
    slips.put(name, change);
    return this;
  }

  /** This student with the other's formulas (their misconceptions), at this one's precision. */
  HandWork formulas(HandWork other) {
    otherFormulas.putAll(other.otherFormulas);
    return this;
  }

  HandWork formula(String name, Derivation derivation) {
    otherFormulas.put(name, derivation);
    return this;
  }

  /** The values the student writes for {@code names}, each computed from their own earlier values. */
  Map<String, Value> values(List<String> names) {
    for (String name : graph.closure(names)) {
      written.put(name, work(name));
    }
    Map<String, Value> answers = new LinkedHashMap<>();
    for (String name : names) {
      answers.put(name, written.get(name));
    }
    return answers;
  }

  /** The answers for {@code names} as a file would hold them: every entry written with the student's decimals. */
  Map<String, Answer> answers(List<String> names) {
    Map<String, Answer> answers = new LinkedHashMap<>();
    values(names).forEach((name, value) -> {
      int entries = value instanceof Tensor tensor ? tensor.size() : 0;
      List<Integer> places = new ArrayList<>();
      for (int i = 0; i < entries; i++) {
        places.add(decimals);
      }
      answers.put(name, new Answer(name, name, Location.ofFile("student.yaml"), value, null, places));
    });
    return answers;
  }

  private Value work(String name) {
    Quantity quantity = graph.quantity(name).orElseThrow();
    if (quantity.isGiven()) {
      return graph.value(name);
    }
    Derivation derivation = otherFormulas.getOrDefault(name, quantity.main());
    Value value;
    if (derivation.formula() instanceof Expression expression) {
      value = onPaper(expression, true);
    } else {
      value = derivation.compute(name, this::lookup);
    }
    if (value instanceof Label) {
      return value;
    }
    Tensor rounded = round((Tensor) value);
    UnaryOperator<Tensor> slip = slips.get(name);
    return slip == null ? rounded : round(slip.apply(rounded));
  }

  private Value lookup(String name) {
    Value value = written.get(name);
    return value != null ? value : graph.value(name);
  }

  /** An expression evaluated as on paper: every part that computes something is written, rounded. */
  private Tensor onPaper(Expression expression, boolean whole) {
    if (expression instanceof Expression.Ref) {
      return expression.evaluate(this::lookup);
    }
    List<Expression> parts = new ArrayList<>();
    Map<String, Value> values = new HashMap<>();
    int index = 0;
    for (Expression part : expression.parts()) {
      String placeholder = "\u0000written" + index++;
      values.put(placeholder, onPaper(part, false));
      parts.add(new Expression.Ref(placeholder));
    }
    Tensor value = expression.with(parts).evaluate(values::get);
    boolean reshape = expression instanceof Expression.AsVector || expression instanceof Expression.Diagonal;
    return whole || reshape ? value : round(value);
  }

  Tensor round(Tensor value) {
    return value.map(this::round);
  }

  double round(double value) {
    if (!Double.isFinite(value)) {
      return value;
    }
    return new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN).doubleValue();
  }

  static Function<Tensor, Tensor> plus(double amount) {
    return tensor -> tensor.map(x -> x + amount);
  }
}
