package org.bptt.grader.solver;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.bptt.grader.value.Label;
import org.bptt.grader.value.Tensor;
import org.bptt.grader.value.Value;

/**
 * How far honest hand work may drift from the reference, entry by entry. A person working by hand
 * rounds every number they write (each answer, and the working values on paper: 1 − h², each term
 * of a sum, a product before it is added) to the precision they work to and computes the next
 * value from the rounded ones; the given data are themselves rounded to their printed precision.
 * Those roundings are propagated through the quantity graph to first order: a node's drift is the
 * sum over its inputs of |∂node/∂input| times the input's drift, and writing the node down moves it
 * at most to the farthest grid point its rounding can reach (half a unit more, or nothing for a
 * value that is exact at that precision, 0.5 × 0.8 = 0.4). The local derivatives come from each
 * node's own formula, a difference quotient of the expression node with its parts as inputs, so a
 * new node kind needs no code here.
 *
 * <p>Absolute values make the drift a worst case: roundings never cancel. A training run is not
 * hand work and cannot be differentiated cheaply node by node; it is sampled instead, its inputs
 * moved by their whole drift with random signs, which also sees a chaotic run move by its whole
 * value. A label (a predicted character) that can flip within the drift has an infinite drift.
 */
public final class RoundingBudget {

  /** Random-sign samples of a training run or of a label's inputs; each is one evaluation. */
  public static final int SAMPLES = 6;

  /**
   * The largest input moved entry by entry through a formula that is not an expression; a larger
   * one is sampled (never in an exercise small enough for hand work).
   */
  private static final int EXACT_ENTRIES = 64;

  /** The step of the difference quotients, relative to the entry moved (at least 1). */
  private static final double STEP = 1e-7;

  private RoundingBudget() {}

  /** Nodes whose output entry i reads only entry i of each part (or a part's only entry). */
  private static final Set<Class<?>> ELEMENTWISE = Set.of(Expression.Hadamard.class, Expression.Activate.class,
      Expression.Derivative.class, Expression.OneMinusSquare.class, Expression.OneMinus.class,
      Expression.Difference.class, Expression.Product.class, Expression.Sum.class, Expression.Total.class,
      Expression.Update.class, Expression.AsVector.class);

  /**
   * The products of two factors, whose drift is known exactly: |A| D_B + D_A |B| + D_A D_B bounds
   * how far (A + a)(B + b) can be from AB when |a| ≤ D_A and |b| ≤ D_B, without a difference
   * quotient per entry (a 16×16 Jacobian product has 512 entries).
   */
  private static final class Bilinear {

    static double[] drift(Expression expression, List<Tensor> values, List<double[]> drifts, Tensor value) {
      if (expression instanceof Expression.MatrixTimesVector product) {
        Tensor matrix = values.get(0);
        Tensor driftMatrix = Tensor.of(matrix.shape(), drifts.get(0));
        if (product.transposed()) {
          matrix = matrix.transpose();
          driftMatrix = driftMatrix.transpose();
        }
        Tensor vector = Formulas.asVector(values.get(1));
        Tensor driftVector = Tensor.vector(drifts.get(1));
        return combine(abs(matrix).times(driftVector), driftMatrix.times(abs(vector)),
            driftMatrix.times(driftVector), value);
      }
      if (expression instanceof Expression.MatrixProduct) {
        Tensor left = values.get(0);
        Tensor right = values.get(1);
        Tensor driftLeft = Tensor.of(left.shape(), drifts.get(0));
        Tensor driftRight = Tensor.of(right.shape(), drifts.get(1));
        return combine(abs(left).times(driftRight), driftLeft.times(abs(right)), driftLeft.times(driftRight), value);
      }
      if (expression instanceof Expression.Outer) {
        Tensor left = Formulas.asVector(values.get(0));
        Tensor right = values.get(1);
        Tensor driftLeft = Tensor.vector(drifts.get(0));
        Tensor driftRight = Tensor.of(right.shape(), drifts.get(1));
        return combine(abs(left).outer(driftRight), driftLeft.outer(abs(right)), driftLeft.outer(driftRight), value);
      }
      return null;
    }

    private static Tensor abs(Tensor tensor) {
      return tensor.map(Math::abs);
    }

    private static double[] combine(Tensor first, Tensor second, Tensor third, Tensor value) {
      double[] drift = new double[value.size()];
      for (int i = 0; i < drift.length; i++) {
        drift[i] = first.at(i) + second.at(i) + third.at(i);
      }
      return drift;
    }
  }

  /** The half unit a value of a quantity (or of a step of its formula) is rounded to when written. */
  @FunctionalInterface
  public interface HalfUnit {

    /** Working without rounding: only the given data's printed precision moves anything. */
    HalfUnit EXACT = (quantity, value) -> 0;

    double of(String quantity, double value);
  }

  /**
   * What to estimate: the drift of each of {@code wanted}, before its own rounding (the answer's
   * own rounding is the tolerance's half unit at the decimals written), for work whose written
   * values are rounded by {@code halfUnit}.
   *
   * @param pinned quantities whose written value is taken as exact: a student's own answers, when
   *     the question is how far a value can drift from what their own values give
   * @param known drifts already estimated for some quantities (a training run's, from the given
   *     data alone), taken as they are instead of estimated again
   * @param enough per wanted name, a drift past which it is not gradable whatever more is learned:
   *     a training run stops sampling there
   * @param nearReference whether every value is within its drift of the reference, as an honest
   *     student's are: then a value exact at the working precision is known to stay so when written
   *     (0.5 × 0.8 = 0.4). Not so one step from a student's own values, which may be anywhere: a
   *     written value then moves by half a unit whatever the reference is
   */
  public record Request(Collection<String> wanted, HalfUnit halfUnit, Set<String> pinned, Map<String, Tensor> known,
      Map<String, Double> enough, boolean nearReference) {
    public Request {
      wanted = List.copyOf(wanted);
      pinned = Set.copyOf(pinned);
      known = Map.copyOf(known);
      enough = Map.copyOf(enough);
    }

    public Request(Collection<String> wanted, HalfUnit halfUnit, Map<String, Double> enough) {
      this(wanted, halfUnit, Set.of(), Map.of(), enough, true);
    }
  }

  /**
   * Each wanted quantity's drift per entry (row-major), and the means to estimate the drift of
   * other ways of computing a quantity from the same values. A label's drift is one entry,
   * infinite when the label can flip, else 0.
   *
   * @param givenHalfUnits for given quantities by name: the half unit of each entry's printed
   *     precision; givens not listed are exact (a one-hot input)
   * @param seed the samples' random seed, so that budgets are reproducible
   */
  public static Estimate of(QuantityGraph graph, Map<String, Tensor> givenHalfUnits, long seed, Request request) {
    Propagation propagation = new Propagation(graph, givenHalfUnits, request, new Well19937c(seed));
    for (String name : graph.closure(request.wanted())) {
      propagation.add(name);
    }
    Map<String, Tensor> drifts = new LinkedHashMap<>();
    for (String name : request.wanted()) {
      drifts.put(name, Tensor.vector(propagation.beforeRounding.get(name)));
    }
    return new Estimate(drifts, propagation);
  }

  /** The drifts of one {@link Request}. Thread-safe. */
  public static final class Estimate {
    private final Map<String, Tensor> drifts;
    private final Propagation propagation;

    private Estimate(Map<String, Tensor> drifts, Propagation propagation) {
      this.drifts = Map.copyOf(drifts);
      this.propagation = propagation;
    }

    /** No drift known: every value is judged at its tolerance alone. */
    public static Estimate none() {
      return new Estimate(Map.of(), null);
    }

    /** Each wanted quantity's drift per entry, before its own rounding. */
    public Map<String, Tensor> drifts() {
      return drifts;
    }

    /**
     * The drift of computing {@code name} by {@code derivation} (another route, a misconception's
     * version) from the values this estimate knows, before the result's own rounding; null when
     * nothing is known or the quantity is not numeric.
     */
    public Tensor driftOf(String name, Derivation derivation) {
      return driftOf(name, derivation, input -> null);
    }

    /**
     * As {@link #driftOf(String, Derivation)}, differentiated where {@code values} puts the inputs
     * (a student's own values; null: the reference's).
     */
    public Tensor driftOf(String name, Derivation derivation, Function<String, Value> values) {
      if (propagation == null) {
        return null;
      }
      synchronized (propagation) {
        double[] drift = propagation.through(name, derivation, values);
        return drift == null ? null : Tensor.vector(drift);
      }
    }
  }

  /** The drifts of the graph's nodes, added in computation order. */
  private static final class Propagation {
    private final QuantityGraph graph;
    private final Map<String, Tensor> givenHalfUnits;
    private final HalfUnit halfUnit;
    private final Request request;
    private final RandomGenerator random;
    /** Each node's drift before its own rounding. */
    final Map<String, double[]> beforeRounding = new HashMap<>();
    /** Each node's drift as written, its own rounding included: what reading it passes on. */
    private final Map<String, double[]> asWritten = new HashMap<>();
    /** Where the formulas are differentiated: the reference, or a student's own values for one route. */
    private Function<String, Value> at;

    Propagation(QuantityGraph graph, Map<String, Tensor> givenHalfUnits, Request request, RandomGenerator random) {
      this.graph = graph;
      this.givenHalfUnits = givenHalfUnits;
      this.halfUnit = request.halfUnit();
      this.request = request;
      this.random = random;
      this.at = graph::value;
    }

    /**
     * The drift of a derivation of {@code name} from the nodes' drifts as written, adding what it
     * reads first, differentiated at {@code values} (a student's own, which may be far from the
     * reference: the rounding of 0.98 matters more times their -0.16 than times the reference 0.011).
     */
    double[] through(String name, Derivation derivation, Function<String, Value> values) {
      addAll(derivation.inputs());
      at = input -> {
        Value value = values.apply(input);
        return value != null ? value : graph.value(input);
      };
      try {
        return route(name, derivation);
      } finally {
        at = graph::value;
      }
    }

    /** Adds what the names read and they themselves, where not known yet (a known node's inputs are known). */
    private void addAll(List<String> names) {
      for (String input : names) {
        if (!asWritten.containsKey(input)) {
          for (String node : graph.closure(List.of(input))) {
            if (!asWritten.containsKey(node)) {
              add(node);
            }
          }
        }
      }
    }

    void add(String name) {
      estimate(name);
      if (request.pinned().contains(name)) {
        asWritten.put(name, new double[asWritten.get(name).length]);
      }
    }

    private void estimate(String name) {
      Quantity quantity = graph.quantity(name).orElseThrow();
      Value value = graph.value(name);
      if (value instanceof Label) {
        beforeRounding.put(name, new double[] {labelFlips(name, quantity.main()) ? Double.POSITIVE_INFINITY : 0});
        asWritten.put(name, new double[1]);
        return;
      }
      Tensor tensor = (Tensor) value;
      if (quantity.isGiven()) {
        Tensor printed = givenHalfUnits.get(name);
        beforeRounding.put(name, new double[tensor.size()]);
        asWritten.put(name, printed == null ? new double[tensor.size()] : printed.toArray());
        return;
      }
      Derivation main = quantity.main();
      double[] drift;
      if (request.known().containsKey(name)) {
        drift = request.known().get(name).toArray();
      } else if (quantity.stage() == Stage.TRAINING) {
        drift = sampled(name, main, tensor);
      } else {
        drift = through(name, main, tensor);
        if (request.pinned().isEmpty()) {
          // a student may take any route the documents describe (dh[T]/dh[k] in either order,
          // seed 001's double sum): the budget covers the one that drifts most
          for (Derivation other : quantity.derivations().subList(1, quantity.derivations().size())) {
            addAll(other.inputs());
            double[] otherDrift = route(name, other);
            for (int i = 0; otherDrift != null && i < drift.length && i < otherDrift.length; i++) {
              drift[i] = Math.max(drift[i], otherDrift[i]);
            }
          }
        }
      }
      beforeRounding.put(name, drift);
      asWritten.put(name, rounded(name, tensor, drift));
    }

    /**
     * The drift of a value once written down: its student's value lies within {@code drift} of the
     * reference, and rounding it lands on a grid point of the working precision at most as far away
     * as the farthest one that interval rounds to.
     */
    private double[] rounded(String name, Tensor value, double[] drift) {
      double[] after = new double[drift.length];
      for (int i = 0; i < drift.length; i++) {
        double reference = value.at(i);
        double half = halfUnit.of(name, Math.abs(reference));
        if (!(half > 0) || !Double.isFinite(drift[i]) || !request.nearReference()) {
          after[i] = drift[i] + (half > 0 ? half : 0);
          continue;
        }
        double unit = 2 * half;
        // the small nudges count a value at a rounding tie as rounding either way
        double low = Math.rint((reference - drift[i]) / unit - 1e-9) * unit;
        double high = Math.rint((reference + drift[i]) / unit + 1e-9) * unit;
        after[i] = Math.max(Math.abs(low - reference), Math.abs(high - reference));
      }
      return after;
    }

    private double[] through(String name, Derivation derivation, Tensor value) {
      return derivation.formula() instanceof Expression expression ? throughExpression(name, expression, true).drift()
          : throughFormula(name, derivation, value);
    }

    /** A route's drift where {@link #at} puts its inputs, once what it reads is known; null for a label. */
    private double[] route(String name, Derivation derivation) {
      Value value = derivation.compute(name, at);
      return value instanceof Tensor tensor ? through(name, derivation, tensor) : null;
    }

    /** A node of an expression: its value and its drift. */
    private record Part(Tensor value, double[] drift) {}

    /**
     * The drift of an expression node: its parts' drifts through the node's local derivatives, then
     * its rounding where a person would write the node down (any node that computes something,
     * except the whole expression, whose rounding is the quantity's own, and reshapes).
     */
    private Part throughExpression(String quantity, Expression expression, boolean whole) {
      if (expression instanceof Expression.Ref ref) {
        return new Part(expression.evaluate(at), asWritten.get(ref.name()));
      }
      List<Part> parts = new ArrayList<>();
      for (Expression part : expression.parts()) {
        parts.add(throughExpression(quantity, part, false));
      }
      List<Expression> placeholders = new ArrayList<>();
      Map<String, Value> values = new HashMap<>();
      for (int i = 0; i < parts.size(); i++) {
        String placeholder = "\u0000part" + i;
        placeholders.add(new Expression.Ref(placeholder));
        values.put(placeholder, parts.get(i).value());
      }
      Expression local = expression.with(placeholders);
      Tensor value = local.evaluate(values::get);
      double[] drift = Bilinear.drift(expression, parts.stream().map(Part::value).toList(),
          parts.stream().map(Part::drift).toList(), value);
      if (drift == null) {
        drift = new double[value.size()];
        boolean elementwise = ELEMENTWISE.contains(expression.getClass());
        for (int i = 0; i < parts.size(); i++) {
          String placeholder = "\u0000part" + i;
          Part part = parts.get(i);
          Function<Tensor, Tensor> function = moved -> {
            Map<String, Value> changed = new HashMap<>(values);
            changed.put(placeholder, moved);
            return local.evaluate(changed::get);
          };
          if (elementwise && (part.value().size() == value.size() || part.value().size() == 1)) {
            accumulateElementwise(drift, value, part.value(), part.drift(), function);
          } else {
            accumulate(drift, value, part.value(), part.drift(), function);
          }
        }
      }
      boolean reshape = expression instanceof Expression.AsVector || expression instanceof Expression.Diagonal;
      return new Part(value, whole || reshape ? drift : rounded(quantity, value, drift));
    }

    /** A formula that is not an expression: the same, with its named inputs as the parts. */
    private double[] throughFormula(String name, Derivation derivation, Tensor value) {
      double[] drift = new double[value.size()];
      for (String input : derivation.inputs()) {
        if (at.apply(input) instanceof Tensor inputValue) {
          Function<Tensor, Tensor> function =
              moved -> (Tensor) derivation.compute(name, other -> other.equals(input) ? moved : at.apply(other));
          if (inputValue.size() > EXACT_ENTRIES) {
            accumulateSampled(drift, value, inputValue, asWritten.get(input), function);
          } else {
            accumulate(drift, value, inputValue, asWritten.get(input), function);
          }
        }
      }
      return drift;
    }

    /**
     * Adds Σ_j |∂f/∂x_j| · drift_j for one input x of f to {@code drift}, by a difference quotient
     * per entry of x that has a drift (exact entries, a one-hot input, cost nothing). Where moving
     * the entry by its whole drift changes f by more (a relu's derivative that flips between 0 and
     * 1 when its pre-activation is within its drift of 0, or strong curvature), that change counts.
     */
    private static void accumulate(double[] drift, Tensor value, Tensor input, double[] inputDrift,
        Function<Tensor, Tensor> function) {
      double[] entries = input.toArray();
      for (int j = 0; j < entries.length; j++) {
        if (inputDrift[j] == 0) {
          continue;
        }
        if (Double.isInfinite(inputDrift[j]) || Double.isNaN(inputDrift[j])) {
          java.util.Arrays.fill(drift, Double.POSITIVE_INFINITY);
          continue;
        }
        double step = STEP * Math.max(1, Math.abs(entries[j]));
        Tensor changed = function.apply(moved(input, entries, j, step));
        Tensor up = null;
        Tensor down = null;
        if (inputDrift[j] > step) {
          up = function.apply(moved(input, entries, j, inputDrift[j]));
          down = function.apply(moved(input, entries, j, -inputDrift[j]));
        }
        for (int i = 0; i < drift.length; i++) {
          double linear = Math.abs(changed.at(i) - value.at(i)) / step * inputDrift[j];
          double whole = up == null ? 0
              : Math.max(Math.abs(up.at(i) - value.at(i)), Math.abs(down.at(i) - value.at(i)));
          drift[i] += Math.max(linear, whole);
        }
      }
    }

    /**
     * As {@link #accumulate}, for a node whose every output entry reads only the same entry of the
     * input (or its only one): one difference quotient, and one move by the whole drift each way,
     * with every entry moved at once.
     */
    private static void accumulateElementwise(double[] drift, Tensor value, Tensor input, double[] inputDrift,
        Function<Tensor, Tensor> function) {
      double[] entries = input.toArray();
      double[] steps = new double[entries.length];
      boolean any = false;
      for (int j = 0; j < entries.length; j++) {
        if (Double.isInfinite(inputDrift[j]) || Double.isNaN(inputDrift[j])) {
          java.util.Arrays.fill(drift, Double.POSITIVE_INFINITY);
          return;
        }
        steps[j] = inputDrift[j] == 0 ? 0 : STEP * Math.max(1, Math.abs(entries[j]));
        any |= inputDrift[j] > 0;
      }
      if (!any) {
        return;
      }
      Tensor changed = function.apply(shifted(input, entries, steps, 1));
      Tensor up = function.apply(shifted(input, entries, inputDrift, 1));
      Tensor down = function.apply(shifted(input, entries, inputDrift, -1));
      for (int i = 0; i < drift.length; i++) {
        int j = entries.length == 1 ? 0 : i;
        if (inputDrift[j] == 0) {
          continue;
        }
        double linear = Math.abs(changed.at(i) - value.at(i)) / steps[j] * inputDrift[j];
        double whole = Math.max(Math.abs(up.at(i) - value.at(i)), Math.abs(down.at(i) - value.at(i)));
        drift[i] += Math.max(linear, whole);
      }
    }

    /**
     * For an input too large to move entry by entry through a formula that is not an expression (a
     * 16×256 sensitivity of the largest network): every entry moved by its whole drift at once, with
     * random signs, {@link #SAMPLES} times, the largest change doubled. Not a bound, as a random
     * walk's largest excursion is not, but about twice what honest rounding does; exercises small
     * enough for hand work never come here.
     */
    private void accumulateSampled(double[] drift, Tensor value, Tensor input, double[] inputDrift,
        Function<Tensor, Tensor> function) {
      double[] largest = new double[drift.length];
      for (int sample = 0; sample < SAMPLES; sample++) {
        Tensor changed = function.apply(randomlyMoved(input, inputDrift));
        for (int i = 0; i < largest.length; i++) {
          largest[i] = Math.max(largest[i], Math.abs(changed.at(i) - value.at(i)));
        }
      }
      for (int i = 0; i < drift.length; i++) {
        drift[i] += 2 * largest[i];
      }
    }

    private static Tensor shifted(Tensor input, double[] entries, double[] by, double sign) {
      double[] moved = entries.clone();
      for (int j = 0; j < moved.length; j++) {
        moved[j] += sign * by[j];
      }
      return Tensor.of(input.shape(), moved);
    }

    private static Tensor moved(Tensor input, double[] entries, int index, double by) {
      double[] moved = entries.clone();
      moved[index] += by;
      return Tensor.of(input.shape(), moved);
    }

    /**
     * A training run's drift: the run repeated from inputs moved by their whole drift with random
     * signs, the largest change kept. Stops once past {@code enough}.
     */
    private double[] sampled(String name, Derivation derivation, Tensor value) {
      double[] largest = new double[value.size()];
      boolean anyDrift = false;
      for (String input : derivation.inputs()) {
        if (graph.value(input) instanceof Tensor) {
          for (double entry : asWritten.get(input)) {
            anyDrift |= entry > 0;
          }
        }
      }
      double stop = request.enough().getOrDefault(name, Double.POSITIVE_INFINITY);
      for (int sample = 0; anyDrift && sample < SAMPLES; sample++) {
        Tensor changed = (Tensor) derivation.compute(name, movedInputs(derivation)::get);
        double worst = 0;
        for (int i = 0; i < largest.length; i++) {
          double change = Math.abs(changed.at(i) - value.at(i));
          largest[i] = Math.max(largest[i], Double.isNaN(change) ? Double.POSITIVE_INFINITY : change);
          worst = Math.max(worst, largest[i]);
        }
        if (worst > stop) {
          break;
        }
      }
      return largest;
    }

    /** Every entry moved by its whole drift, each with a random sign. */
    private Tensor randomlyMoved(Tensor value, double[] drift) {
      double[] entries = value.toArray();
      for (int i = 0; i < entries.length; i++) {
        entries[i] += random.nextBoolean() ? drift[i] : -drift[i];
      }
      return Tensor.of(value.shape(), entries);
    }

    /** Every input of a derivation moved by its whole drift, each entry with a random sign. */
    private Map<String, Value> movedInputs(Derivation derivation) {
      Map<String, Value> moved = new HashMap<>();
      for (String input : derivation.inputs()) {
        Value value = graph.value(input);
        moved.put(input, value instanceof Tensor tensor ? randomlyMoved(tensor, asWritten.get(input)) : value);
      }
      return moved;
    }

    /**
     * Whether a label (the character a step predicts) can change when its inputs move within their
     * drift: each entry alone both ways, then all together with random signs.
     */
    private boolean labelFlips(String name, Derivation derivation) {
      Value reference = graph.value(name);
      for (String input : derivation.inputs()) {
        if (!(graph.value(input) instanceof Tensor tensor)) {
          continue;
        }
        double[] drift = asWritten.get(input);
        for (int j = 0; j < tensor.size(); j++) {
          for (int sign = -1; sign <= 1 && drift[j] > 0; sign += 2) {
            double[] entries = tensor.toArray();
            entries[j] += sign * drift[j];
            Tensor moved = Tensor.of(tensor.shape(), entries);
            if (!reference.equals(derivation.compute(name, other -> other.equals(input) ? moved : graph.value(other)))) {
              return true;
            }
          }
        }
      }
      for (int sample = 0; sample < SAMPLES; sample++) {
        if (!reference.equals(derivation.compute(name, movedInputs(derivation)::get))) {
          return true;
        }
      }
      return false;
    }
  }
}
