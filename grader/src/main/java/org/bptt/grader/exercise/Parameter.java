package org.bptt.grader.exercise;

import java.util.List;
import java.util.Set;
import org.bptt.grader.value.Shape;

/**
 * A given value of a model, by role, with its canonical name and shape. The parameters are a
 * catalogue, not a closed set: each belongs to the model kinds listed with it, so a new kind of
 * cell adds its own here (the LSTM's and GRU's gate weights, c0), and everything that walks a model's parameters
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
    /** A bias of the hidden layer or of a gate, H; exists when the model has hidden biases. */
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

  // LSTM, gates in PyTorch's order i, f, g, o (input gate, forget gate, candidate, output gate)
  public static final Parameter W_XI = lstm("W_xi", Role.INPUT_WEIGHTS, "input weights of the input gate i", 10);
  public static final Parameter W_HI = lstm("W_hi", Role.RECURRENT_WEIGHTS, "recurrent weights of the input gate i", 11);
  public static final Parameter B_I = lstm("b_i", Role.HIDDEN_BIAS, "bias of the input gate i", 12);
  public static final Parameter W_XF = lstm("W_xf", Role.INPUT_WEIGHTS, "input weights of the forget gate f", 13);
  public static final Parameter W_HF = lstm("W_hf", Role.RECURRENT_WEIGHTS, "recurrent weights of the forget gate f", 14);
  public static final Parameter B_F = lstm("b_f", Role.HIDDEN_BIAS, "bias of the forget gate f", 15);
  public static final Parameter W_XG = lstm("W_xg", Role.INPUT_WEIGHTS, "input weights of the candidate g", 16);
  public static final Parameter W_HG = lstm("W_hg", Role.RECURRENT_WEIGHTS, "recurrent weights of the candidate g", 17);
  public static final Parameter B_G = lstm("b_g", Role.HIDDEN_BIAS, "bias of the candidate g", 18);
  public static final Parameter W_XO = lstm("W_xo", Role.INPUT_WEIGHTS, "input weights of the output gate", 19);
  public static final Parameter W_HO = lstm("W_ho", Role.RECURRENT_WEIGHTS, "recurrent weights of the output gate", 20);
  public static final Parameter B_O = lstm("b_o", Role.HIDDEN_BIAS, "bias of the output gate", 21);

  // GRU as PyTorch defines it: reset gate r, update gate z, candidate n with two biases
  public static final Parameter W_XR = gru("W_xr", Role.INPUT_WEIGHTS, "input weights of the reset gate r", 30);
  public static final Parameter W_HR = gru("W_hr", Role.RECURRENT_WEIGHTS, "recurrent weights of the reset gate r", 31);
  public static final Parameter B_R = gru("b_r", Role.HIDDEN_BIAS, "bias of the reset gate r", 32);
  public static final Parameter W_XZ = gru("W_xz", Role.INPUT_WEIGHTS, "input weights of the update gate z", 33);
  public static final Parameter W_HZ = gru("W_hz", Role.RECURRENT_WEIGHTS, "recurrent weights of the update gate z", 34);
  public static final Parameter B_Z = gru("b_z", Role.HIDDEN_BIAS, "bias of the update gate z", 35);
  public static final Parameter W_XN = gru("W_xn", Role.INPUT_WEIGHTS, "input weights of the candidate n", 36);
  public static final Parameter W_HN = gru("W_hn", Role.RECURRENT_WEIGHTS, "recurrent weights of the candidate n", 37);
  public static final Parameter B_XN = gru("b_xn", Role.HIDDEN_BIAS, "input-side bias of the candidate n", 38);
  public static final Parameter B_HN = gru("b_hn", Role.HIDDEN_BIAS,
      "recurrent-side bias of the candidate n (inside the reset gate's product)", 39);

  public static final Parameter W_HY = new Parameter("W_hy", Role.OUTPUT_WEIGHTS, "hidden-to-output weights",
      EVERY_KIND, 50);
  public static final Parameter B_Y = new Parameter("b_y", Role.OUTPUT_BIAS, "output bias", EVERY_KIND, 51);
  public static final Parameter H0 = new Parameter("h0", Role.INITIAL_STATE, "initial hidden state", EVERY_KIND, 52);
  public static final Parameter C0 = new Parameter("c0", Role.INITIAL_STATE, "initial cell state (LSTM)",
      Set.of(ModelKind.LSTM), 53);

  private static final List<Parameter> ALL = List.of(W_XH, W_HH, B_H, W_XI, W_HI, B_I, W_XF, W_HF, B_F, W_XG, W_HG,
      B_G, W_XO, W_HO, B_O, W_XR, W_HR, B_R, W_XZ, W_HZ, B_Z, W_XN, W_HN, B_XN, B_HN, W_HY, B_Y, H0, C0);

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

  private static Parameter lstm(String name, Role role, String meaning, int order) {
    return new Parameter(name, role, meaning, Set.of(ModelKind.LSTM), order);
  }

  private static Parameter gru(String name, Role role, String meaning, int order) {
    return new Parameter(name, role, meaning, Set.of(ModelKind.GRU), order);
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
