package org.bptt.grader.solver;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.bptt.grader.exercise.Activation;
import org.bptt.grader.value.Shape;
import org.bptt.grader.value.Tensor;
import org.bptt.grader.value.Value;

/**
 * A quantity's formula as a small expression over other quantities, written once: the solver
 * evaluates it, the grader evaluates it on a student's values and derives a misconception's
 * version by rewriting it (1 − h² to 1 − a², dropping the error from t+1, swapping two weights),
 * and it prints itself as text. Expressions are immutable values; evaluation is pure.
 */
public sealed interface Expression extends Formula {

  /** The value, with each referenced quantity read from {@code lookup}. */
  Tensor evaluate(Function<String, Value> lookup);

  /** The subexpressions, in order (none for a leaf). */
  List<Expression> parts();

  /** The same kind of node over other parts (in the order {@link #parts()} gives them). */
  Expression with(List<Expression> parts);

  /** The expression written with each quantity's name given by {@code names}: "W_xh x[t] + W_hh h[t-1]". */
  String text(Function<String, String> names);

  /** The expression written with the quantities' canonical names: "W_xh x[1] + W_hh h0". */
  default String text() {
    return text(Function.identity());
  }

  @Override
  default Value compute(Inputs inputs) {
    return evaluate(inputs::value);
  }

  /** The quantities the expression reads, in the order it first reads them. */
  default List<String> references() {
    Set<String> names = new LinkedHashSet<>();
    collect(this, names);
    return List.copyOf(names);
  }

  private static void collect(Expression expression, Set<String> names) {
    if (expression instanceof Ref ref) {
      names.add(ref.name());
    }
    for (Expression part : expression.parts()) {
      collect(part, names);
    }
  }

  /** Rewrites bottom-up: every part first, then this node, each by {@code rule} (which returns its input to keep it). */
  default Expression rewrite(UnaryOperator<Expression> rule) {
    List<Expression> parts = parts();
    Expression node = this;
    if (!parts.isEmpty()) {
      List<Expression> rewritten = new ArrayList<>();
      for (Expression part : parts) {
        rewritten.add(part.rewrite(rule));
      }
      node = with(rewritten);
    }
    return rule.apply(node);
  }

  /** Whether some node of the expression (this one included) satisfies the test. */
  default boolean contains(java.util.function.Predicate<Expression> test) {
    if (test.test(this)) {
      return true;
    }
    for (Expression part : parts()) {
      if (part.contains(test)) {
        return true;
      }
    }
    return false;
  }

  /** Every reference to {@code name} replaced by {@code replacement}. */
  default Expression substitute(String name, Expression replacement) {
    return rewrite(node -> node instanceof Ref ref && ref.name().equals(name) ? replacement : node);
  }

  // --- the nodes ---------------------------------------------------------------------------

  /** A quantity of the graph, by canonical name; read as a vector when it is one. */
  record Ref(String name) implements Expression {
    public Tensor evaluate(Function<String, Value> lookup) {
      Value value = lookup.apply(name);
      if (value instanceof Tensor tensor) {
        return tensor;
      }
      throw new IllegalStateException(name + " is not numeric");
    }

    public List<Expression> parts() {
      return List.of();
    }

    public Expression with(List<Expression> parts) {
      return this;
    }

    public String text(Function<String, String> names) {
      return names.apply(name);
    }
  }

  /** M v, or Mᵀ v: a matrix times a vector (a 1x1 matrix or scalar is read as a vector). */
  record MatrixTimesVector(Expression matrix, Expression vector, boolean transposed) implements Expression {
    public Tensor evaluate(Function<String, Value> lookup) {
      Tensor m = matrix.evaluate(lookup);
      return (transposed ? m.transpose() : m).times(Formulas.asVector(vector.evaluate(lookup)));
    }

    public List<Expression> parts() {
      return List.of(matrix, vector);
    }

    public Expression with(List<Expression> parts) {
      return new MatrixTimesVector(parts.get(0), parts.get(1), transposed);
    }

    public String text(Function<String, String> names) {
      return matrix.text(names) + (transposed ? "^T " : " ") + vector.text(names);
    }
  }

  /** A product of two matrices. */
  record MatrixProduct(Expression left, Expression right) implements Expression {
    public Tensor evaluate(Function<String, Value> lookup) {
      return left.evaluate(lookup).times(right.evaluate(lookup));
    }

    public List<Expression> parts() {
      return List.of(left, right);
    }

    public Expression with(List<Expression> parts) {
      return new MatrixProduct(parts.get(0), parts.get(1));
    }

    public String text(Function<String, String> names) {
      return left.text(names) + " " + right.text(names);
    }
  }

  /**
   * A sum of vectors, left to right. An accumulated error starts from the zero vector of {@code
   * zeroSize} (so the sum of no terms is that zero vector); with {@code zeroSize} 0 the sum starts
   * from its first term.
   */
  record Sum(List<Expression> terms, int zeroSize) implements Expression {
    public Sum {
      terms = List.copyOf(terms);
      if (terms.isEmpty() && zeroSize <= 0) {
        throw new IllegalArgumentException("sum: no terms and no size for the zero vector");
      }
    }

    public Tensor evaluate(Function<String, Value> lookup) {
      Tensor total = zeroSize > 0 ? Tensor.zeros(Shape.vector(zeroSize)) : null;
      for (Expression term : terms) {
        Tensor value = Formulas.asVector(term.evaluate(lookup));
        total = total == null ? value : total.plus(value);
      }
      return total;
    }

    public List<Expression> parts() {
      return terms;
    }

    public Expression with(List<Expression> parts) {
      return new Sum(parts, zeroSize);
    }

    public String text(Function<String, String> names) {
      if (terms.isEmpty()) {
        return "0";
      }
      List<String> written = new ArrayList<>();
      for (Expression term : terms) {
        written.add(term.text(names));
      }
      return String.join(" + ", written);
    }

    /** The sum without the terms that read {@code name}. */
    public Sum without(String name) {
      return new Sum(terms.stream().filter(term -> !term.references().contains(name)).toList(), zeroSize);
    }
  }

  /** The element-wise product u ⊙ v. */
  record Hadamard(Expression left, Expression right) implements Expression {
    public Tensor evaluate(Function<String, Value> lookup) {
      return Formulas.asVector(left.evaluate(lookup)).hadamard(right.evaluate(lookup));
    }

    public List<Expression> parts() {
      return List.of(left, right);
    }

    public Expression with(List<Expression> parts) {
      return new Hadamard(parts.get(0), parts.get(1));
    }

    public String text(Function<String, String> names) {
      return "(" + left.text(names) + ") * (" + right.text(names) + ")";
    }
  }

  /** The outer product u vᵀ: a step's contribution to a weight's gradient. */
  record Outer(Expression left, Expression right) implements Expression {
    public Tensor evaluate(Function<String, Value> lookup) {
      return Formulas.asVector(left.evaluate(lookup)).outer(right.evaluate(lookup));
    }

    public List<Expression> parts() {
      return List.of(left, right);
    }

    public Expression with(List<Expression> parts) {
      return new Outer(parts.get(0), parts.get(1));
    }

    public String text(Function<String, String> names) {
      return left.text(names) + " " + right.text(names) + "^T";
    }
  }

  /** f(a) element-wise. */
  record Activate(Activation activation, Expression of) implements Expression {
    public Tensor evaluate(Function<String, Value> lookup) {
      return Formulas.activate(activation, of.evaluate(lookup));
    }

    public List<Expression> parts() {
      return List.of(of);
    }

    public Expression with(List<Expression> parts) {
      return new Activate(activation, parts.get(0));
    }

    public String text(Function<String, String> names) {
      return activation.yamlName() + "(" + of.text(names) + ")";
    }
  }

  /** f'(a), written with a and with h = f(a) where that is how it is taught (1 − h² for tanh). */
  record Derivative(Activation activation, Expression preactivation, Expression activated) implements Expression {
    public Tensor evaluate(Function<String, Value> lookup) {
      return Formulas.activationDerivative(activation, preactivation.evaluate(lookup), activated.evaluate(lookup));
    }

    public List<Expression> parts() {
      return List.of(preactivation, activated);
    }

    public Expression with(List<Expression> parts) {
      return new Derivative(activation, parts.get(0), parts.get(1));
    }

    public String text(Function<String, String> names) {
      return activation.yamlName() + "'(" + preactivation.text(names) + ")";
    }
  }

  /** 1 − v² element-wise: tanh's derivative written from its output (or, mistakenly, from a[t]). */
  record OneMinusSquare(Expression of) implements Expression {
    public Tensor evaluate(Function<String, Value> lookup) {
      return Formulas.asVector(of.evaluate(lookup)).map(value -> 1 - value * value);
    }

    public List<Expression> parts() {
      return List.of(of);
    }

    public Expression with(List<Expression> parts) {
      return new OneMinusSquare(parts.get(0));
    }

    public String text(Function<String, String> names) {
      return "1 - (" + of.text(names) + ")^2";
    }
  }

  /** 1 − v element-wise: the GRU's (1 − z[t]), and the (1 − i[t]) of a sigmoid's derivative i[t] (1 − i[t]). */
  record OneMinus(Expression of) implements Expression {
    public Tensor evaluate(Function<String, Value> lookup) {
      return Formulas.asVector(of.evaluate(lookup)).map(value -> 1 - value);
    }

    public List<Expression> parts() {
      return List.of(of);
    }

    public Expression with(List<Expression> parts) {
      return new OneMinus(parts.get(0));
    }

    public String text(Function<String, String> names) {
      return "1 - " + of.text(names);
    }
  }

  /** u − v element-wise: the GRU's h[t-1] − n[t]. */
  record Difference(Expression left, Expression right) implements Expression {
    public Tensor evaluate(Function<String, Value> lookup) {
      return Formulas.asVector(left.evaluate(lookup)).minus(Formulas.asVector(right.evaluate(lookup)));
    }

    public List<Expression> parts() {
      return List.of(left, right);
    }

    public Expression with(List<Expression> parts) {
      return new Difference(parts.get(0), parts.get(1));
    }

    public String text(Function<String, String> names) {
      return left.text(names) + " - " + right.text(names);
    }
  }

  /**
   * The element-wise product of several vectors, u ⊙ v ⊙ w, left to right: a gated cell's errors
   * (dL/dh[t] ⊙ og[t] ⊙ (1 − tanh(c[t])²)), where a misconception leaves one factor out.
   */
  record Product(List<Expression> factors) implements Expression {
    public Product {
      factors = List.copyOf(factors);
      if (factors.size() < 2) {
        throw new IllegalArgumentException("product: expected at least two factors, got " + factors.size());
      }
    }

    public Tensor evaluate(Function<String, Value> lookup) {
      Tensor product = Formulas.asVector(factors.get(0).evaluate(lookup));
      for (int k = 1; k < factors.size(); k++) {
        product = product.hadamard(Formulas.asVector(factors.get(k).evaluate(lookup)));
      }
      return product;
    }

    public List<Expression> parts() {
      return factors;
    }

    public Expression with(List<Expression> parts) {
      return new Product(parts);
    }

    public String text(Function<String, String> names) {
      List<String> written = new ArrayList<>();
      for (Expression factor : factors) {
        written.add(factor instanceof Ref ? factor.text(names) : "(" + factor.text(names) + ")");
      }
      return String.join(" * ", written);
    }

    /** The product without the factors that {@code drop} selects: one factor alone is read as a vector. */
    public Expression without(java.util.function.Predicate<Expression> drop) {
      List<Expression> kept = factors.stream().filter(factor -> !drop.test(factor)).toList();
      return kept.size() >= 2 ? new Product(kept) : kept.size() == 1 ? new AsVector(kept.get(0)) : this;
    }
  }

  /** diag(v): a vector on the diagonal of a square matrix. */
  record Diagonal(Expression of) implements Expression {
    public Tensor evaluate(Function<String, Value> lookup) {
      return Formulas.asVector(of.evaluate(lookup)).diagonal();
    }

    public List<Expression> parts() {
      return List.of(of);
    }

    public Expression with(List<Expression> parts) {
      return new Diagonal(parts.get(0));
    }

    public String text(Function<String, String> names) {
      return "diag(" + of.text(names) + ")";
    }
  }

  /** A value read as a column vector, whatever shape it was given in. */
  record AsVector(Expression of) implements Expression {
    public Tensor evaluate(Function<String, Value> lookup) {
      return Formulas.asVector(of.evaluate(lookup));
    }

    public List<Expression> parts() {
      return List.of(of);
    }

    public Expression with(List<Expression> parts) {
      return new AsVector(parts.get(0));
    }

    public String text(Function<String, String> names) {
      return of.text(names);
    }
  }

  /** A sum of same-shaped values read in {@code shape}, from the zero of that shape: dL/dθ = Σ_t dL/dθ[t]. */
  record Total(List<Expression> terms, Shape shape) implements Expression {
    public Total {
      terms = List.copyOf(terms);
    }

    public Tensor evaluate(Function<String, Value> lookup) {
      Tensor total = Tensor.zeros(shape);
      for (Expression term : terms) {
        total = total.plus(term.evaluate(lookup).reshape(shape));
      }
      return total;
    }

    public List<Expression> parts() {
      return terms;
    }

    public Expression with(List<Expression> parts) {
      return new Total(parts, shape);
    }

    public String text(Function<String, String> names) {
      List<String> written = new ArrayList<>();
      for (Expression term : terms) {
        written.add(term.text(names));
      }
      return terms.isEmpty() ? "0" : String.join(" + ", written);
    }
  }

  /** One step of gradient descent, θ − η g (the gradient read in θ's shape). */
  record Update(Expression parameter, Expression gradient, double rate) implements Expression {
    public Tensor evaluate(Function<String, Value> lookup) {
      Tensor current = parameter.evaluate(lookup);
      return current.minus(gradient.evaluate(lookup).reshape(current.shape()).scale(rate));
    }

    public List<Expression> parts() {
      return List.of(parameter, gradient);
    }

    public Expression with(List<Expression> parts) {
      return new Update(parts.get(0), parts.get(1), rate);
    }

    public String text(Function<String, String> names) {
      return parameter.text(names) + " - " + rate + " " + gradient.text(names);
    }
  }

  /** softmax(o). */
  record Softmax(Expression of) implements Expression {
    public Tensor evaluate(Function<String, Value> lookup) {
      return Formulas.softmax(of.evaluate(lookup));
    }

    public List<Expression> parts() {
      return List.of(of);
    }

    public Expression with(List<Expression> parts) {
      return new Softmax(parts.get(0));
    }

    public String text(Function<String, String> names) {
      return "softmax(" + of.text(names) + ")";
    }
  }
}
