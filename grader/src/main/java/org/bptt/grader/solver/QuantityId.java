package org.bptt.grader.solver;

import java.util.Optional;

/**
 * What a quantity is, as data: its role (a hidden state, an error, a gradient, ...), the
 * parameter it concerns, the time steps, the sequence of a batch and its scope (after the update,
 * truncated, clipped, local). Parsed from its canonical text once, where names come in (the graph's
 * nodes, exercise files, submissions), and printed back by {@link #toString()}; everything in
 * between reads the fields, never the text.
 *
 * <p>In a pattern ({@link #parsePattern}) a step may be {@link #ANY_STEP} ([t], [k], [n]) or
 * {@link #LAST_STEP} ([T]).
 *
 * @param scope the stage a derived copy belongs to: "updated.", "truncated.", "clipped.", "local."
 * @param sequence the batch sequence, from 1 ("s2."); 0 for a single sequence or a batch total
 * @param role what the quantity is
 * @param parameter the parameter of a gradient, sensitivity or given parameter, or the symbol of a gated
 *     cell's inner quantity ({@link Role#CELL}, {@link Role#CELL_ERROR}: "c", "a_i", "og"); null otherwise
 * @param step the time step (or update count of L_after[n]); 0 when it has none
 * @param earlier the earlier step k of a Jacobian dh[t]/dh[k]; 0 otherwise
 */
public record QuantityId(Scope scope, int sequence, Role role, String parameter, int step, int earlier) {

  /** A pattern's [t], [k] or [n]: any step. */
  public static final int ANY_STEP = -1;
  /** A pattern's [T]: each sequence's last step. */
  public static final int LAST_STEP = -2;

  /**
   * The symbols of the gated cells' inner quantities (exercises/README.md lists them): the LSTM's
   * gate pre-activations a_i, a_f, a_g, a_o, its gates i, f, og (the output gate: o[t] is the
   * output layer's), the candidate g and the cell state c; the GRU's a_r, a_z, a_n, the candidate's
   * recurrent part a_hn = W_hn h[t-1] + b_hn, its gates r, z and the candidate n.
   */
  public static final java.util.Set<String> CELL_SYMBOLS = java.util.Set.of("c", "i", "f", "g", "og", "a_i", "a_f",
      "a_g", "a_o", "r", "z", "n", "a_r", "a_z", "a_n", "a_hn");

  /** How the LSTM's state pair is written in a name: d(h,c)[3]/d(h,c)[1]. */
  public static final String STATE_PAIR = "(h,c)";

  /** Where a derived copy of a quantity belongs; printed before the name (local. after the sequence). */
  public enum Scope {
    PLAIN(""), UPDATED("updated."), TRUNCATED("truncated."), CLIPPED("clipped."), LOCAL("local.");

    private final String prefix;

    Scope(String prefix) {
      this.prefix = prefix;
    }

    public String prefix() {
      return prefix;
    }
  }

  /** What a quantity is; {@code symbol} is its letter where it has one (h for h[t]). */
  public enum Role {
    INPUT("x"), TARGET("target"), PREACTIVATION("a"), HIDDEN("h"), LOGITS("o"), PREDICTION("y"),
    PREDICTED_SYMBOL("pred"), STEP_LOSS("L"), LOSS("L"), PARAMETER(""),
    OUTPUT_ERROR("o"), PREDICTION_ERROR("y"), HIDDEN_ERROR("h"), PREACTIVATION_ERROR("a"),
    GRADIENT(""), CONTRIBUTION(""), STEP_LOSS_GRADIENT(""), SENSITIVITY(""), JACOBIAN(""), JACOBIAN_NORM("norm"),
    JACOBIAN_SPECTRAL_NORM("norm2"), GRADIENT_NORM("gradient_norm"), LOSS_AFTER("L_after"),
    /** A gated cell's inner quantity at a step, its symbol held as the id's parameter: c[t], a_i[t], og[t], n[t]. */
    CELL(""),
    /** The error at a gated cell's inner quantity: dL/dc[t], dL/da_f[t]. */
    CELL_ERROR(""),
    /** The LSTM's state pair (h, c): its Jacobian d(h,c)[t]/d(h,c)[k], the norms, and d(h,c)[t]/dθ. */
    STATE_JACOBIAN(""), STATE_JACOBIAN_NORM("norm"), STATE_JACOBIAN_SPECTRAL_NORM("norm2"), STATE_SENSITIVITY("");

    private final String symbol;

    Role(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }

    /** Whether the role's quantities are indexed by a time step. */
    public boolean hasStep() {
      return switch (this) {
        case LOSS, PARAMETER, GRADIENT, GRADIENT_NORM -> false;
        default -> true;
      };
    }
  }

  public QuantityId {
    if (scope == null || role == null) {
      throw new IllegalArgumentException("quantity id: scope and role are required");
    }
    if (sequence < 0) {
      throw new IllegalArgumentException("quantity id: sequence must be 1 or more (0 for none), got " + sequence);
    }
    boolean needsParameter = switch (role) {
      case PARAMETER, GRADIENT, CONTRIBUTION, STEP_LOSS_GRADIENT, SENSITIVITY, STATE_SENSITIVITY, CELL, CELL_ERROR ->
          true;
      default -> false;
    };
    if (needsParameter != (parameter != null)) {
      throw new IllegalArgumentException("quantity id: " + role + (needsParameter ? " needs" : " has no") + " parameter");
    }
  }

  // --- construction ----------------------------------------------------------------------------

  public static QuantityId of(Role role, int step) {
    return new QuantityId(Scope.PLAIN, 0, role, null, step, 0);
  }

  public static QuantityId ofParameter(Role role, String parameter, int step) {
    return new QuantityId(Scope.PLAIN, 0, role, parameter, step, 0);
  }

  public QuantityId inSequence(int sequenceNumber) {
    return new QuantityId(scope, sequenceNumber, role, parameter, step, earlier);
  }

  public QuantityId inScope(Scope newScope) {
    return new QuantityId(newScope, sequence, role, parameter, step, earlier);
  }

  public QuantityId atStep(int newStep) {
    return new QuantityId(scope, sequence, role, parameter, newStep, earlier);
  }

  /** The sequence's index from 0, for a per-sequence quantity; 0 for the others. */
  public int sequenceIndex() {
    return Math.max(0, sequence - 1);
  }

  /** Whether this id, read as a pattern, has a step to fill in ([t], [k], [n] or [T]). */
  public boolean hasWildcard() {
    return step < 0 || earlier < 0;
  }

  // --- text --------------------------------------------------------------------------------

  /** The canonical name: "h[3]", "s2.dL/dW_hh[1]", "updated.s1.L", "norm(s1.dh[3]/dh[1])". */
  @Override
  public String toString() {
    return toString(QuantityId::index);
  }

  /**
   * The name with each step written by {@code stepLabel}, which receives the step and returns the
   * bracketed index: "[t-1]" for a symbolic equation, say.
   */
  public String toString(java.util.function.IntFunction<String> stepLabel) {
    String sequencePrefix = sequence > 0 ? "s" + sequence + "." : "";
    String outer = scope == Scope.LOCAL ? "" : scope.prefix();
    String local = scope == Scope.LOCAL ? Scope.LOCAL.prefix() : "";
    String body = switch (role) {
      case INPUT, TARGET, PREACTIVATION, HIDDEN, LOGITS, PREDICTION, PREDICTED_SYMBOL, STEP_LOSS ->
          role.symbol() + stepLabel.apply(step);
      case LOSS -> "L";
      case PARAMETER -> parameter;
      case OUTPUT_ERROR, PREDICTION_ERROR, HIDDEN_ERROR, PREACTIVATION_ERROR ->
          "dL/d" + role.symbol() + stepLabel.apply(step);
      case GRADIENT -> "dL/d" + parameter;
      case CONTRIBUTION -> "dL/d" + parameter + stepLabel.apply(step);
      case STEP_LOSS_GRADIENT -> "dL" + stepLabel.apply(step) + "/d" + parameter;
      case SENSITIVITY -> "dh" + stepLabel.apply(step) + "/d" + parameter;
      case JACOBIAN, JACOBIAN_NORM, JACOBIAN_SPECTRAL_NORM ->
          "dh" + stepLabel.apply(step) + "/dh" + stepLabel.apply(earlier);
      case GRADIENT_NORM -> "gradient_norm";
      case LOSS_AFTER -> "L_after" + stepLabel.apply(step);
      case CELL -> parameter + stepLabel.apply(step);
      case CELL_ERROR -> "dL/d" + parameter + stepLabel.apply(step);
      case STATE_JACOBIAN, STATE_JACOBIAN_NORM, STATE_JACOBIAN_SPECTRAL_NORM ->
          "d" + STATE_PAIR + stepLabel.apply(step) + "/d" + STATE_PAIR + stepLabel.apply(earlier);
      case STATE_SENSITIVITY -> "d" + STATE_PAIR + stepLabel.apply(step) + "/d" + parameter;
    };
    if (role == Role.JACOBIAN_NORM || role == Role.JACOBIAN_SPECTRAL_NORM || role == Role.STATE_JACOBIAN_NORM
        || role == Role.STATE_JACOBIAN_SPECTRAL_NORM) {
      return outer + role.symbol() + "(" + sequencePrefix + local + body + ")";
    }
    return outer + sequencePrefix + local + body;
  }

  private static String index(int step) {
    return switch (step) {
      case ANY_STEP -> "[t]";
      case LAST_STEP -> "[T]";
      default -> "[" + step + "]";
    };
  }

  // --- parsing -----------------------------------------------------------------------------

  /** A canonical quantity name, or empty when the text is not one. */
  public static Optional<QuantityId> parse(String text) {
    return Optional.ofNullable(new Parser(text, false).id());
  }

  /** An ask or tolerance pattern: a name whose steps may be [t], [k], [n] (any) or [T] (the last). */
  public static Optional<QuantityId> parsePattern(String text) {
    return Optional.ofNullable(new Parser(text, true).id());
  }

  /** A small hand-written reader of the name grammar; null for anything that does not fit it exactly. */
  private static final class Parser {

    private final String text;
    private final boolean pattern;
    private int position;

    Parser(String text, boolean pattern) {
      this.text = text == null ? "" : text;
      this.pattern = pattern;
    }

    QuantityId id() {
      Scope scope = Scope.PLAIN;
      for (Scope candidate : new Scope[] {Scope.UPDATED, Scope.TRUNCATED, Scope.CLIPPED}) {
        if (take(candidate.prefix())) {
          scope = candidate;
          break;
        }
      }
      Role norm = take("norm2(") ? Role.JACOBIAN_SPECTRAL_NORM : take("norm(") ? Role.JACOBIAN_NORM : null;
      int sequence = sequence();
      if (sequence < 0) {
        return null;
      }
      if (take(Scope.LOCAL.prefix())) {
        if (scope != Scope.PLAIN) {
          return null;
        }
        scope = Scope.LOCAL;
      }
      QuantityId body = body(scope, sequence);
      if (body == null || body.step() == Integer.MIN_VALUE || body.earlier() == Integer.MIN_VALUE) {
        return null;
      }
      if (norm != null) {
        if ((body.role() != Role.JACOBIAN && body.role() != Role.STATE_JACOBIAN) || !take(")")) {
          return null;
        }
        if (body.role() == Role.STATE_JACOBIAN) {
          norm = norm == Role.JACOBIAN_NORM ? Role.STATE_JACOBIAN_NORM : Role.STATE_JACOBIAN_SPECTRAL_NORM;
        }
        body = new QuantityId(body.scope(), body.sequence(), norm, null, body.step(), body.earlier());
      }
      return position == text.length() ? body : null;
    }

    private QuantityId body(Scope scope, int sequence) {
      if (take("dL/d")) {
        for (Role error : new Role[] {Role.OUTPUT_ERROR, Role.PREDICTION_ERROR, Role.HIDDEN_ERROR,
            Role.PREACTIVATION_ERROR}) {
          int mark = position;
          if (take(error.symbol() + "[")) {
            position = mark + error.symbol().length();
            return new QuantityId(scope, sequence, error, null, index(), 0);
          }
        }
        String parameter = identifier();
        if (parameter == null) {
          return null;
        }
        if (position < text.length() && text.charAt(position) == '[') {
          Role role = CELL_SYMBOLS.contains(parameter) ? Role.CELL_ERROR : Role.CONTRIBUTION;
          return new QuantityId(scope, sequence, role, parameter, index(), 0);
        }
        return new QuantityId(scope, sequence, Role.GRADIENT, parameter, 0, 0);
      }
      if (take("dL[")) {
        position--;
        int step = index();
        String parameter = take("/d") ? identifier() : null;
        return parameter == null ? null : new QuantityId(scope, sequence, Role.STEP_LOSS_GRADIENT, parameter, step, 0);
      }
      if (take("d" + STATE_PAIR + "[")) {
        position--;
        int step = index();
        if (!take("/d")) {
          return null;
        }
        if (take(STATE_PAIR + "[")) {
          position--;
          return new QuantityId(scope, sequence, Role.STATE_JACOBIAN, null, step, index());
        }
        String parameter = identifier();
        return parameter == null ? null : new QuantityId(scope, sequence, Role.STATE_SENSITIVITY, parameter, step, 0);
      }
      if (take("dh[")) {
        position--;
        int step = index();
        if (!take("/d")) {
          return null;
        }
        if (take("h[")) {
          position--;
          return new QuantityId(scope, sequence, Role.JACOBIAN, null, step, index());
        }
        String parameter = identifier();
        return parameter == null ? null : new QuantityId(scope, sequence, Role.SENSITIVITY, parameter, step, 0);
      }
      String word = identifier();
      if (word == null) {
        return null;
      }
      boolean indexed = position < text.length() && text.charAt(position) == '[';
      if (CELL_SYMBOLS.contains(word)) {
        return indexed ? new QuantityId(scope, sequence, Role.CELL, word, index(), 0) : null;
      }
      if (!indexed) {
        return switch (word) {
          case "L" -> new QuantityId(scope, sequence, Role.LOSS, null, 0, 0);
          case "gradient_norm" -> new QuantityId(scope, sequence, Role.GRADIENT_NORM, null, 0, 0);
          // the symbols of stepped quantities are not parameters: "h" alone names nothing
          case "x", "target", "a", "h", "o", "y", "pred", "L_after" -> null;
          default -> new QuantityId(scope, sequence, Role.PARAMETER, word, 0, 0);
        };
      }
      Role role = switch (word) {
        case "x" -> Role.INPUT;
        case "target" -> Role.TARGET;
        case "a" -> Role.PREACTIVATION;
        case "h" -> Role.HIDDEN;
        case "o" -> Role.LOGITS;
        case "y" -> Role.PREDICTION;
        case "pred" -> Role.PREDICTED_SYMBOL;
        case "L" -> Role.STEP_LOSS;
        case "L_after" -> Role.LOSS_AFTER;
        default -> null;
      };
      return role == null ? null : new QuantityId(scope, sequence, role, null, index(), 0);
    }

    /** "s2." gives 2; no prefix gives 0; a malformed one -1. */
    private int sequence() {
      int mark = position;
      if (!take("s")) {
        return 0;
      }
      int start = position;
      while (position < text.length() && Character.isDigit(text.charAt(position))) {
        position++;
      }
      if (position == start || position - start > 4 || !take(".")) {
        position = mark; // not a sequence prefix after all ("something")
        return 0;
      }
      int number = Integer.parseInt(text.substring(start, position - 1));
      return number >= 1 ? number : -1;
    }

    /** "[3]" gives 3; in a pattern "[t]", "[k]", "[n]" give ANY_STEP and "[T]" LAST_STEP; else a parse failure. */
    private int index() {
      if (!take("[")) {
        return Integer.MIN_VALUE;
      }
      int start = position;
      while (position < text.length() && text.charAt(position) != ']') {
        position++;
      }
      String inside = text.substring(start, position);
      if (!take("]")) {
        return Integer.MIN_VALUE;
      }
      if (pattern && (inside.equals("t") || inside.equals("k") || inside.equals("n"))) {
        return ANY_STEP;
      }
      if (pattern && inside.equals("T")) {
        return LAST_STEP;
      }
      if (inside.isEmpty() || inside.length() > 6 || !inside.chars().allMatch(Character::isDigit)) {
        return Integer.MIN_VALUE;
      }
      return Integer.parseInt(inside);
    }

    private String identifier() {
      int start = position;
      while (position < text.length()
          && (Character.isLetterOrDigit(text.charAt(position)) || text.charAt(position) == '_')) {
        position++;
      }
      return position > start && Character.isLetter(text.charAt(start)) ? text.substring(start, position) : null;
    }

    private boolean take(String expected) {
      if (text.startsWith(expected, position)) {
        position += expected.length();
        return true;
      }
      return false;
    }
  }
}
