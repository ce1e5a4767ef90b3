package org.bptt.grader.report;

import org.bptt.grader.exercise.Exercise;
import org.bptt.grader.exercise.LossSpec;
import org.bptt.grader.exercise.OutputFunction;
import org.bptt.grader.exercise.Parameter;
import org.bptt.grader.solver.Expression;
import org.bptt.grader.solver.QuantityGraph;
import org.bptt.grader.solver.QuantityId;

/**
 * The formula behind each kind of quantity as presentation MathML, which browsers render without
 * any script or font download, so a report stays small and works offline. Built only from fixed
 * strings and the exercise's notation symbols (letters and digits), never from a student's text.
 */
public final class MathFormulas {

  /** The trained parameters whose gradients and updates have a short formula here. */
  private static final java.util.Set<String> TRAINED = java.util.Set.of("W_xh", "W_hh", "b_h", "W_hy", "b_y");

  private final Exercise exercise;
  private final QuantityGraph graph;
  private final ExpressionMath expressions;

  public MathFormulas(Exercise exercise, QuantityGraph graph) {
    this.exercise = exercise;
    this.graph = graph;
    this.expressions = new ExpressionMath(exercise.notation());
  }

  /**
   * The MathML for a quantity, or "" when there is no short formula for it. A quantity the
   * solver computes from an expression shows that expression, at its own steps.
   */
  public String forQuantity(String name) {
    QuantityId id = QuantityId.parse(name).orElse(null);
    if (id == null) {
      return "";
    }
    Expression expression = graph.quantity(name)
        .map(quantity -> quantity.main().formula() instanceof Expression written ? written : null).orElse(null);
    if (expression != null && showsExpression(id)) {
      return expressions.equation(name, expression);
    }
    String step = Integer.toString(id.step());
    boolean plain = id.scope() == QuantityId.Scope.PLAIN;
    boolean trained = id.parameter() != null && TRAINED.contains(id.parameter());
    switch (id.role()) {
      case STEP_LOSS:
        return plain || id.scope() == QuantityId.Scope.UPDATED ? stepLoss(step) : "";
      case OUTPUT_ERROR, PREDICTION_ERROR:
        return plain ? outputError(id.role().symbol(), step) : "";
      case GRADIENT:
        if (plain && !trained && gated(id.parameter())) {
          // a gate's weight: the sum of its steps' contributions, each shown with its own formula
          String theta = symbol(id.parameter());
          return math(partial("L", theta) + eq() + "<munder><mo>&#x2211;</mo><mi>t</mi></munder>"
              + partial("L", theta + "<mo>[</mo><mi>t</mi><mo>]</mo>"));
        }
        return plain && trained ? math(partial("L", symbol(id.parameter())) + eq()
            + "<munder><mo>&#x2211;</mo><mi>t</mi></munder>" + contribution(id.parameter(), "t")) : "";
      case PARAMETER:
        if (id.scope() != QuantityId.Scope.UPDATED || !trained || id.sequence() != 0) {
          return "";
        }
        String theta = symbol(id.parameter());
        return math("<msup>" + theta + "<mo>&#x2032;</mo></msup>" + eq() + theta + "<mo>&#x2212;</mo><mi>&#x3B7;</mi>"
            + partial("L", theta));
      default:
        return "";
    }
  }

  /** Whether a parameter is one of a gated cell's trained gate parameters. */
  private static boolean gated(String canonical) {
    Parameter parameter = Parameter.byCanonicalName(canonical);
    return parameter != null && parameter.isTrained() && !TRAINED.contains(canonical);
  }

  /** The quantities whose row shows their formula: the forward pass, the errors at h[t] and a[t], the contributions. */
  private static boolean showsExpression(QuantityId id) {
    boolean plain = id.scope() == QuantityId.Scope.PLAIN;
    return switch (id.role()) {
      case PREACTIVATION, HIDDEN, LOGITS, PREDICTION -> plain || id.scope() == QuantityId.Scope.UPDATED;
      case HIDDEN_ERROR, PREACTIVATION_ERROR, CELL_ERROR -> plain;
      case CELL -> plain || id.scope() == QuantityId.Scope.UPDATED;
      case CONTRIBUTION -> plain;
      default -> false;
    };
  }

  /** L[t]: the per-step loss, squared error or cross-entropy. */
  private String stepLoss(String t) {
    return math(v("L", t) + eq() + (exercise.loss().kind() == LossSpec.Kind.CROSS_ENTROPY
        ? "<mo>&#x2212;</mo><munder><mo>&#x2211;</mo><mi>k</mi></munder><msub><mi>target</mi><mi>k</mi></msub>"
              + "<mi>ln</mi><msub><mi>y</mi><mi>k</mi></msub>"
          : (exercise.loss().scale() == 0.5 ? "<mfrac><mn>1</mn><mn>2</mn></mfrac>" : "")
              + "<msup><mrow><mo>&#x2016;</mo>" + v("y", t) + "<mo>&#x2212;</mo>" + v("target", t)
              + "<mo>&#x2016;</mo></mrow><mn>2</mn></msup>"));
  }

  /** The error at the output, dL/do[t] or dL/dy[t] ({@code kind} "o" or "y"), for the exercise's loss. */
  private String outputError(String kind, String t) {
    if (kind.equals("y")) {
      return math(partial("L", v("y", t)) + eq() + factor() + "<mo>(</mo>" + v("y", t) + "<mo>&#x2212;</mo>"
          + v("target", t) + "<mo>)</mo>");
    }
    return math(partial("L", v("o", t)) + eq() + (exercise.model().output() == OutputFunction.SOFTMAX
        && exercise.loss().kind() == LossSpec.Kind.CROSS_ENTROPY
        ? v("y", t) + "<mo>&#x2212;</mo>" + v("target", t)
        : factor() + "<mo>(</mo>" + v("y", t) + "<mo>&#x2212;</mo>" + v("target", t) + "<mo>)</mo>"));
  }


  private String contribution(String parameter, String t) {
    String previous = "<msub><mi>h</mi><mrow><mi>" + t + "</mi><mo>&#x2212;</mo><mn>1</mn></mrow></msub>";
    return switch (parameter) {
      case "W_xh" -> partial("L", v("a", t)) + "<msubsup><mi>x</mi><mi>" + t + "</mi><mi>T</mi></msubsup>";
      case "W_hh" -> partial("L", v("a", t)) + "<msup>" + previous + "<mi>T</mi></msup>";
      case "b_h" -> partial("L", v("a", t));
      case "W_hy" -> partial("L", v("o", t)) + "<msubsup><mi>h</mi><mi>" + t + "</mi><mi>T</mi></msubsup>";
      default -> partial("L", v("o", t));
    };
  }

  /**
   * The squared error's factor 2 * scale, times 1/T or 1/S for a mean; nothing when it is 1.
   * (Softmax with squared error also applies the softmax Jacobian, which this short form omits.)
   */
  private String factor() {
    LossSpec loss = exercise.loss();
    double factor = 2 * loss.scale();
    String text = factor == 1 ? "" : "<mn>" + org.bptt.grader.present.Numbers.format(factor, 3) + "</mn>";
    if (loss.timeReduction() == LossSpec.Reduction.MEAN && loss.steps() == LossSpec.Steps.ALL) {
      text += "<mfrac><mn>1</mn><mi>T</mi></mfrac>";
    }
    if (loss.sequenceReduction() == LossSpec.Reduction.MEAN && exercise.isBatch()) {
      text += "<mfrac><mn>1</mn><mi>S</mi></mfrac>";
    }
    return text;
  }

  private String symbol(String canonical) {
    return symbol(exercise.notation(), canonical);
  }

  /** A parameter in the document's notation as MathML, W_hh as W with subscript hh. */
  static String symbol(org.bptt.grader.exercise.Notation notation, String canonical) {
    String name = notation.symbolFor(Parameter.byCanonicalName(canonical));
    int underscore = name.indexOf('_');
    if (underscore > 0 && underscore < name.length() - 1) {
      return "<msub><mi>" + name.substring(0, underscore) + "</mi><mi>" + name.substring(underscore + 1) + "</mi></msub>";
    }
    return "<mi>" + name + "</mi>";
  }

  private static String v(String symbol, String step) {
    return "<msub><mi>" + symbol + "</mi><mn>" + step + "</mn></msub>";
  }

  private static String partial(String of, String by) {
    return "<mfrac><mrow><mo>&#x2202;</mo><mi>" + of + "</mi></mrow><mrow><mo>&#x2202;</mo>" + by + "</mrow></mfrac>";
  }

  private static String eq() {
    return "<mo>=</mo>";
  }

  private static String math(String content) {
    return "<math display=\"inline\"><mrow>" + content + "</mrow></math>";
  }
}
