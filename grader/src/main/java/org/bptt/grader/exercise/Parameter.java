package org.bptt.grader.exercise;

import java.util.List;
import java.util.Set;
import org.bptt.grader.value.Shape;

/**
 * A given value of a model, by role, with its canonical name and shape. The parameters are a
 * catalogue, not a closed set: each belongs to the model kinds listed with it, so a new kind of
 * cell (the gated cells next) adds its own here, and everything that walks a model's parameters
 * ({@link #values()} filtered by {@link #existsIn}) picks them up. Instances are singletons, so
 * they compare by identity; {@link #compareTo} is the canonical order.
 */
public final class Parameter implements Comparable<Parameter> {

  /** What a parameter does, which decides its shape and whether gradient descent trains it. */
  public enum Role {
    /** Input to hidden, H x I. */
    INPUT_WEIGHTS,
    /** Hidden to hidden (recurrent), H x H. */
    RECURRENT_WEIGHTS,
    /** A bias of the hidden layer, H; exists when the model has hidden biases. */
    HIDDEN_BIAS,
    /** Hidden to output, O x H; exists when the model has an output layer. */
    OUTPUT_WEIGHTS,
    /** Output bias, O; exists when the model has an output layer with a bias. */
    OUTPUT_BIAS,
    /** An initial state, H. Given, not trained. */
    INITIAL_STATE
  }

  private static final Set<ModelKind> EVERY_KIND = Set.of(ModelKind.values());

  public static final Parameter W_XH = new Parameter("W_xh", Role.INPUT_WEIGHTS, "input-to-hidden weights",
      Set.of(ModelKind.ELMAN), 0);
  public static final Parameter W_HH = new Parameter("W_hh", Role.RECURRENT_WEIGHTS,
      "hidden-to-hidden (recurrent) weights", Set.of(ModelKind.ELMAN), 1);
  public static final Parameter B_H = new Parameter("b_h", Role.HIDDEN_BIAS, "hidden bias", Set.of(ModelKind.ELMAN), 2);
  public static final Parameter W_HY = new Parameter("W_hy", Role.OUTPUT_WEIGHTS, "hidden-to-output weights",
      EVERY_KIND, 3);
  public static final Parameter B_Y = new Parameter("b_y", Role.OUTPUT_BIAS, "output bias", EVERY_KIND, 4);
  public static final Parameter H0 = new Parameter("h0", Role.INITIAL_STATE, "initial hidden state", EVERY_KIND, 5);

  private static final List<Parameter> ALL = List.of(W_XH, W_HH, B_H, W_HY, B_Y, H0);

  private final String canonicalName;
  private final Role role;
  private final String meaning;
  private final Set<ModelKind> kinds;
  private final int order;

  private Parameter(String canonicalName, Role role, String meaning, Set<ModelKind> kinds, int order) {
    this.canonicalName = canonicalName;
    this.role = role;
    this.meaning = meaning;
    this.kinds = kinds;
    this.order = order;
  }

  /** Every parameter of every model kind, in canonical order. */
  public static List<Parameter> values() {
    return ALL;
  }

  public String canonicalName() {
    return canonicalName;
  }

  public Role role() {
    return role;
  }

  /** What it is, in a few words: "hidden-to-hidden (recurrent) weights". */
  public String meaning() {
    return meaning;
  }

  /** Whether the model has this parameter at all (its kind's, and biases and the output layer can be switched off). */
  public boolean existsIn(ModelSpec model) {
    if (!kinds.contains(model.kind())) {
      return false;
    }
    return switch (role) {
      case INPUT_WEIGHTS, RECURRENT_WEIGHTS, INITIAL_STATE -> true;
      case HIDDEN_BIAS -> model.hiddenBias();
      case OUTPUT_WEIGHTS -> model.output().hasOutputLayer();
      case OUTPUT_BIAS -> model.output().hasOutputLayer() && model.outputBias();
    };
  }

  /** Whether gradient descent updates it: every weight and bias, but not an initial state. */
  public boolean isTrained() {
    return role != Role.INITIAL_STATE;
  }

  public Shape shapeIn(ModelSpec model) {
    int inputs = model.inputSize();
    int hidden = model.hiddenSize();
    int outputs = model.outputSize();
    return switch (role) {
      case INPUT_WEIGHTS -> Shape.matrix(hidden, inputs);
      case RECURRENT_WEIGHTS -> Shape.matrix(hidden, hidden);
      case HIDDEN_BIAS, INITIAL_STATE -> Shape.vector(hidden);
      case OUTPUT_WEIGHTS -> Shape.matrix(outputs, hidden);
      case OUTPUT_BIAS -> Shape.vector(outputs);
    };
  }

  public static Parameter byCanonicalName(String name) {
    for (Parameter parameter : ALL) {
      if (parameter.canonicalName.equals(name)) {
        return parameter;
      }
    }
    return null;
  }

  @Override
  public int compareTo(Parameter other) {
    return Integer.compare(order, other.order);
  }

  @Override
  public String toString() {
    return canonicalName;
  }
}
