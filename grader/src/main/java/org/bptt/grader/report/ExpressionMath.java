package org.bptt.grader.report;

import java.util.ArrayList;
import java.util.List;
import org.bptt.grader.exercise.Notation;
import org.bptt.grader.exercise.Parameter;
import org.bptt.grader.solver.Expression;
import org.bptt.grader.solver.QuantityId;

/**
 * A quantity's formula, as the solver computes it, in presentation MathML: the expression written
 * once in the solver is what the report shows, in the document's notation. Only fixed markup,
 * step numbers and notation symbols (letters, digits and _) are written, never a student's text.
 */
final class ExpressionMath {

  private final Notation notation;
  private final java.util.function.IntFunction<String> stepMath;

  /** Concrete steps: a[3] is a with subscript 3. */
  ExpressionMath(Notation notation) {
    this(notation, step -> "<mn>" + step + "</mn>");
  }

  /** Steps written by {@code stepMath}, which returns an index's MathML: t, t − 1, t + 1 in a general equation. */
  ExpressionMath(Notation notation, java.util.function.IntFunction<String> stepMath) {
    this.notation = notation;
    this.stepMath = stepMath;
  }

  /** "name = formula" as one inline MathML element. */
  String equation(String name, Expression formula) {
    return "<math display=\"inline\"><mrow>" + quantity(name) + "<mo>=</mo>" + render(formula) + "</mrow></math>";
  }

  String render(Expression expression) {
    if (expression instanceof Expression.Ref ref) {
      return quantity(ref.name());
    }
    if (expression instanceof Expression.MatrixTimesVector product) {
      String matrix = render(product.matrix());
      return (product.transposed() ? "<msup>" + matrix + "<mi>T</mi></msup>" : matrix) + render(product.vector());
    }
    if (expression instanceof Expression.MatrixProduct product) {
      return render(product.left()) + render(product.right());
    }
    if (expression instanceof Expression.Sum sum) {
      if (sum.terms().isEmpty()) {
        return "<mn>0</mn>";
      }
      List<String> terms = new ArrayList<>();
      for (Expression term : sum.terms()) {
        terms.add(render(term));
      }
      return String.join("<mo>+</mo>", terms);
    }
    if (expression instanceof Expression.Hadamard product) {
      return grouped(product.left()) + "<mo>&#x2299;</mo>" + grouped(product.right());
    }
    if (expression instanceof Expression.Outer outer) {
      return grouped(outer.left()) + "<msup>" + grouped(outer.right()) + "<mi>T</mi></msup>";
    }
    if (expression instanceof Expression.Activate activate) {
      return "<mi>" + activate.activation().yamlName() + "</mi><mo>(</mo>" + render(activate.of()) + "<mo>)</mo>";
    }
    if (expression instanceof Expression.Derivative derivative) {
      return "<msup><mi>f</mi><mo>&#x2032;</mo></msup><mo>(</mo>" + render(derivative.preactivation()) + "<mo>)</mo>";
    }
    if (expression instanceof Expression.OneMinusSquare square) {
      String base = square.of() instanceof Expression.Ref ? render(square.of()) : "<mrow>" + grouped(square.of()) + "</mrow>";
      return "<mn>1</mn><mo>&#x2212;</mo><msup>" + base + "<mn>2</mn></msup>";
    }
    if (expression instanceof Expression.OneMinus oneMinus) {
      return "<mn>1</mn><mo>&#x2212;</mo>" + grouped(oneMinus.of());
    }
    if (expression instanceof Expression.Difference difference) {
      return render(difference.left()) + "<mo>&#x2212;</mo>" + grouped(difference.right());
    }
    if (expression instanceof Expression.Product product) {
      List<String> factors = new ArrayList<>();
      for (Expression factor : product.factors()) {
        factors.add(factor instanceof Expression.OneMinus || factor instanceof Expression.Difference
            || factor instanceof Expression.OneMinusSquare
            ? "<mrow><mo>(</mo>" + render(factor) + "<mo>)</mo></mrow>" : grouped(factor));
      }
      return String.join("<mo>&#x2299;</mo>", factors);
    }
    if (expression instanceof Expression.Diagonal diagonal) {
      return "<mi>diag</mi><mo>(</mo>" + render(diagonal.of()) + "<mo>)</mo>";
    }
    if (expression instanceof Expression.Softmax softmax) {
      return "<mi>softmax</mi><mo>(</mo>" + render(softmax.of()) + "<mo>)</mo>";
    }
    if (expression instanceof Expression.Total total) {
      if (total.terms().isEmpty()) {
        return "<mn>0</mn>";
      }
      List<String> terms = new ArrayList<>();
      for (Expression term : total.terms()) {
        // A batch total's terms are the sequences' own: mark each with its sequence, (1), (2), ...
        terms.add(term instanceof Expression.Ref ref ? withSequence(ref.name()) : render(term));
      }
      return String.join("<mo>+</mo>", terms);
    }
    if (expression instanceof Expression.Update update) {
      return render(update.parameter()) + "<mo>&#x2212;</mo><mn>" + org.bptt.grader.present.Numbers.format(update.rate(), 15)
          + "</mn>" + render(update.gradient());
    }
    if (expression instanceof Expression.AsVector vector) {
      return render(vector.of());
    }
    throw new IllegalArgumentException("no MathML for " + expression.getClass().getSimpleName());
  }

  /** A part in parentheses when it is a sum. */
  private String grouped(Expression part) {
    String rendered = render(part);
    return part instanceof Expression.Sum sum && sum.terms().size() > 1
        ? "<mrow><mo>(</mo>" + rendered + "<mo>)</mo></mrow>" : rendered;
  }

  /** A quantity with its batch sequence as a superscript, (2) for "s2.", when it has one. */
  private String withSequence(String name) {
    int sequence = QuantityId.parse(name).map(QuantityId::sequence).orElse(0);
    return sequence == 0 ? quantity(name)
        : "<msup><mrow>" + quantity(name) + "</mrow><mrow><mo>(</mo><mn>" + sequence + "</mn><mo>)</mo></mrow></msup>";
  }

  /** A quantity by name: h_3, W_hh (in the document's symbol), ∂L/∂a_3, ∂L/∂W_hh[3]. */
  String quantity(String name) {
    QuantityId id = QuantityId.parse(name).orElseThrow(() -> new IllegalArgumentException("not a quantity: " + name));
    String step = stepMath.apply(id.step());
    return switch (id.role()) {
      case PARAMETER -> id.parameter().equals("h0") ? indexed("h", "<mn>0</mn>")
          : MathFormulas.symbol(notation, id.parameter());
      case INPUT, TARGET, PREACTIVATION, HIDDEN, LOGITS, PREDICTION, STEP_LOSS -> indexed(id.role().symbol(), step);
      case OUTPUT_ERROR, PREDICTION_ERROR, HIDDEN_ERROR, PREACTIVATION_ERROR ->
          partial(indexed(id.role().symbol(), step));
      case GRADIENT -> partial(parameter(id.parameter()));
      case CONTRIBUTION -> partial(parameter(id.parameter()) + "<mo>[</mo>" + step + "<mo>]</mo>");
      case JACOBIAN -> "<mfrac><mrow><mo>&#x2202;</mo>" + indexed("h", step) + "</mrow><mrow><mo>&#x2202;</mo>"
          + indexed("h", stepMath.apply(id.earlier())) + "</mrow></mfrac>";
      case STATE_JACOBIAN -> "<mfrac><mrow><mo>&#x2202;</mo>" + pair(step) + "</mrow><mrow><mo>&#x2202;</mo>"
          + pair(stepMath.apply(id.earlier())) + "</mrow></mfrac>";
      case CELL -> cellSymbol(id.parameter(), step);
      case CELL_ERROR -> partial(cellSymbol(id.parameter(), step));
      default -> "<mi>" + id.role().symbol() + "</mi>";
    };
  }

  /** (h_t, c_t). */
  private static String pair(String step) {
    return "<mo>(</mo>" + indexed("h", step) + "<mo>,</mo>" + indexed("c", step) + "<mo>)</mo>";
  }

  /** A gated cell's inner quantity: c_t, og_t, a with subscript (i, t) for a_i[t]. */
  private static String cellSymbol(String symbol, String step) {
    int underscore = symbol.indexOf('_');
    if (underscore < 0) {
      return indexed(symbol, step);
    }
    return "<msub><mi>" + symbol.substring(0, underscore) + "</mi><mrow><mi>" + symbol.substring(underscore + 1)
        + "</mi><mo>,</mo>" + step + "</mrow></msub>";
  }

  private String parameter(String canonical) {
    return Parameter.byCanonicalName(canonical) == null ? "<mi>" + canonical + "</mi>"
        : MathFormulas.symbol(notation, canonical);
  }

  /** A symbol with an index given as MathML. */
  private static String indexed(String symbol, String stepMathml) {
    return "<msub><mi>" + symbol + "</mi>" + stepMathml + "</msub>";
  }

  private static String partial(String by) {
    return "<mfrac><mrow><mo>&#x2202;</mo><mi>L</mi></mrow><mrow><mo>&#x2202;</mo>" + by + "</mrow></mfrac>";
  }
}
