package org.bptt.grader.report;

import java.util.ArrayList;
import java.util.List;
import org.bptt.grader.exercise.Activation;
import org.bptt.grader.exercise.Clipping;
import org.bptt.grader.exercise.Exercise;
import org.bptt.grader.exercise.LossSpec;
import org.bptt.grader.exercise.ModelKind;
import org.bptt.grader.exercise.OutputFunction;
import org.bptt.grader.exercise.Parameter;
import org.bptt.grader.exercise.TrainingSpec;
import org.bptt.grader.present.Numbers;

/**
 * The model's equations with a symbolic step t, in the document's notation, as plain text and as
 * presentation MathML, for answer keys and problem sheets. Like {@link MathFormulas}, the MathML
 * is built only from fixed strings, numbers the grader formats and notation symbols (letters,
 * digits and _), never from free text.
 */
final class ModelEquations {

  private static final String EQ = "<mo>=</mo>";
  private static final String PLUS = "<mo>+</mo>";
  private static final String MINUS = "<mo>&#x2212;</mo>";
  private static final String SUM_K = "<munder><mo>&#x2211;</mo><mi>k</mi></munder>";
  private static final String SUM_T = "<munder><mo>&#x2211;</mo><mi>t</mi></munder>";
  private static final String SUM_S = "<munder><mo>&#x2211;</mo><mi>s</mi></munder>";

  private final Exercise exercise;
  private final LossSpec loss;
  private final CellEquations cell;

  ModelEquations(Exercise exercise) {
    this.exercise = exercise;
    this.loss = exercise.loss();
    this.cell = new CellEquations(exercise);
  }

  /** The forward pass and the loss: a[t], h[t], o[t], y[t], L[t] and L. */
  List<SolutionView.EquationView> forward() {
    List<SolutionView.EquationView> list = new ArrayList<>();
    list.add(equation("h[0] = " + text(Parameter.H0) + " (given)",
        "<msub><mi>h</mi><mn>0</mn></msub>" + EQ + symbol("h0")));
    if (has(Parameter.C0)) {
      list.add(equation("c[0] = " + text(Parameter.C0) + " (given)",
          "<msub><mi>c</mi><mn>0</mn></msub>" + EQ + symbol("c0")));
    }
    for (CellEquations.Equation step : cell.forward()) {
      list.add(equation(step.text(), step.mathml()));
    }
    OutputFunction output = exercise.model().output();
    if (output.hasOutputLayer()) {
      boolean outputBias = has(Parameter.B_Y);
      list.add(equation("o[t] = " + text(Parameter.W_HY) + " h[t]" + (outputBias ? " + " + text(Parameter.B_Y) : ""),
          at("o") + EQ + symbol("W_hy") + at("h") + (outputBias ? PLUS + symbol("b_y") : "")));
    }
    list.add(switch (output) {
      case LINEAR -> equation("y[t] = o[t]", at("y") + EQ + at("o"));
      case SOFTMAX -> equation("y[t] = softmax(o[t])", at("y") + EQ + apply("softmax", at("o")));
      case NONE -> equation("y[t] = h[t] (no output layer)", at("y") + EQ + at("h"));
    });
    list.add(stepLoss());
    list.addAll(totalLoss());
    return list;
  }

  /** The backward recursion and the summed gradients, in the document's notation. */
  List<SolutionView.EquationView> backward() {
    List<SolutionView.EquationView> list = new ArrayList<>();
    boolean outputLayer = exercise.model().output().hasOutputLayer();
    boolean last = loss.steps() == LossSpec.Steps.LAST;
    String where = last ? ", at the last step only (the only step with a target)" : "";
    String errorAt = outputLayer ? "o" : "y";
    list.add(outputError(errorAt, where));
    String own = outputLayer
        ? text(Parameter.W_HY) + "^T dL/do[t]"
        : "dL/dy[t]";
    String ownMath = outputLayer ? transposed("W_hy") + partial(at("o")) : partial(at("y"));
    CellEquations.Equation fromNext = cell.errorFromNextStep();
    boolean elman = exercise.model().kind() == ModelKind.ELMAN;
    list.add(equation("dL/dh[t] = " + own + " + " + fromNext.text() + ", where "
            + (elman ? "dL/da[T+1] = 0" : "the errors at step T+1 are 0")
            + (last ? " and dL/d" + errorAt + "[t] = 0 before the last step" : ""),
        partial(at("h")) + EQ + ownMath + PLUS + fromNext.mathml()));
    if (elman) {
      list.add(preactivationError());
    } else {
      for (CellEquations.Equation step : cell.backward()) {
        list.add(equation(step.text(), step.mathml()));
      }
    }
    addGradientSums(list);
    CellEquations.Equation toInitialState = cell.errorFromStep(1);
    list.add(equation("dL/d" + text(Parameter.H0) + " = " + toInitialState.text(),
        partial(symbol("h0")) + EQ + toInitialState.mathml()));
    for (CellEquations.Equation initial : cell.initialStateErrors()) {
      list.add(equation(initial.text(), initial.mathml()));
    }
    return list;
  }

  /** Elman's dL/da[t] = dL/dh[t] ⊙ f'(a[t]), with f' written as it is taught. */
  private SolutionView.EquationView preactivationError() {
    Activation activation = exercise.model().hiddenActivation();
    String derivativeText = switch (activation) {
      case TANH -> "1 - h[t]^2";
      case SIGMOID -> "h[t] (1 - h[t])";
      case RELU -> "1 where a[t] > 0, else 0";
      case LINEAR -> "1";
    };
    String derivativeMath = switch (activation) {
      case TANH -> "<mn>1</mn>" + MINUS + "<msubsup><mi>h</mi><mi>t</mi><mn>2</mn></msubsup>";
      case SIGMOID -> at("h") + "<mo>(</mo><mn>1</mn>" + MINUS + at("h") + "<mo>)</mo>";
      case RELU -> "<mn>1</mn><mo>[</mo>" + at("a") + "<mo>&gt;</mo><mn>0</mn><mo>]</mo>";
      case LINEAR -> "<mn>1</mn>";
    };
    return equation("dL/da[t] = dL/dh[t] * f'(a[t]) element-wise, f'(a[t]) = " + derivativeText,
        partial(at("a")) + EQ + partial(at("h")) + "<mo>&#x2299;</mo>" + derivativeMath);
  }

  /** dL/dθ = Σ_t (Σ_s) step t's contribution, for every trained parameter. */
  private void addGradientSums(List<SolutionView.EquationView> list) {
    String sums = exercise.isBatch() ? "sum_s sum_t " : "sum_t ";
    String sumsMath = exercise.isBatch() ? SUM_S + SUM_T : SUM_T;
    for (Parameter parameter : Parameter.values()) {
      if (!parameter.isTrained() || !has(parameter)) {
        continue;
      }
      boolean output = parameter.role() == Parameter.Role.OUTPUT_WEIGHTS
          || parameter.role() == Parameter.Role.OUTPUT_BIAS;
      String term;
      String termMath;
      if (output) {
        boolean weights = parameter.role() == Parameter.Role.OUTPUT_WEIGHTS;
        term = weights ? "dL/do[t] h[t]^T" : "dL/do[t]";
        termMath = partial(at("o")) + (weights ? "<msubsup><mi>h</mi><mi>t</mi><mi>T</mi></msubsup>" : "");
      } else {
        CellEquations.Equation contribution = cell.contribution(parameter);
        term = contribution.text();
        termMath = contribution.mathml();
      }
      list.add(equation("dL/d" + text(parameter) + " = " + sums + term,
          partial(symbol(parameter.canonicalName())) + EQ + sumsMath + termMath));
    }
  }

  /** The update θ' = θ - η g, with g the clipped, truncated or full gradient. */
  SolutionView.EquationView update() {
    TrainingSpec training = exercise.training();
    List<String> trained = new ArrayList<>();
    for (Parameter parameter : Parameter.values()) {
      if (parameter.isTrained() && has(parameter)) {
        trained.add(text(parameter));
      }
    }
    String gradient = "dL/d\u03B8";
    String gradientMath = partial("<mi>&#x3B8;</mi>");
    if (training.truncationSteps().isPresent() || training.clipping().isPresent()) {
      gradient = "g";
      gradientMath = "<mi>g</mi>";
    }
    String rate = Numbers.format(training.learningRate(), 15);
    return equation("\u03B8' = \u03B8 - \u03B7 " + gradient + " for \u03B8 = " + String.join(", ", trained)
            + ", with \u03B7 = " + rate + (gradient.equals("g") ? " and g the gradient " + variants() : ""),
        "<msup><mi>&#x3B8;</mi><mo>&#x2032;</mo></msup>" + EQ + "<mi>&#x3B8;</mi>" + MINUS + "<mi>&#x3B7;</mi>"
            + gradientMath + "<mo>,</mo><mspace width=\"1em\"/><mi>&#x3B7;</mi>" + EQ + "<mn>" + rate + "</mn>");
  }

  /** "truncated to the last 2 steps, then clipped by norm at 1", or "" with neither. */
  String variants() {
    TrainingSpec training = exercise.training();
    List<String> parts = new ArrayList<>();
    if (training.truncationSteps().isPresent()) {
      int keep = training.truncationSteps().getAsInt();
      parts.add("truncated to the last " + keep + (keep == 1 ? " step" : " steps"));
    }
    training.clipping().ifPresent(clipping -> parts.add(
        (parts.isEmpty() ? "" : "then ") + "clipped " + (clipping.mode() == Clipping.Mode.BY_NORM
            ? "by its joint norm at " : "entry by entry to \u00B1") + Numbers.format(clipping.threshold(), 15)));
    return String.join(", ", parts);
  }

  /** The error reaching h[t] from step t+1 of one sequence, at concrete steps, as the solver writes it. */
  org.bptt.grader.solver.Expression errorFromStepExpression(String prefix, int nextStep, int last) {
    return cell.errorFromStepExpression(prefix, nextStep, last);
  }

  /** MathML for W_hy^T dL/do[t], step t's own output error brought to h[t]. */
  String fromOutput(int step) {
    return math(transposed("W_hy") + partial(atStep("o", step)));
  }

  /** MathML for the error passed back from step t+1 to h[t]: W_hh^T dL/da[t+1] for Elman. */
  String fromNext(int step) {
    return math(cell.errorFromStep(step + 1).mathml());
  }

  // --- pieces --------------------------------------------------------------------------------

  private SolutionView.EquationView stepLoss() {
    String yk = "<msub><mi>y</mi><mrow><mi>t</mi><mo>,</mo><mi>k</mi></mrow></msub>";
    String targetK = "<msub><mi>target</mi><mrow><mi>t</mi><mo>,</mo><mi>k</mi></mrow></msub>";
    if (loss.kind() == LossSpec.Kind.CROSS_ENTROPY) {
      return equation("L[t] = -sum_k target[t]_k ln y[t]_k",
          at("L") + EQ + MINUS + SUM_K + targetK + "<mi>ln</mi>" + yk);
    }
    boolean half = loss.scale() == 0.5;
    return equation("L[t] = " + (half ? "1/2 " : "") + "sum_k (y[t]_k - target[t]_k)^2",
        at("L") + EQ + (half ? "<mfrac><mn>1</mn><mn>2</mn></mfrac>" : "") + SUM_K
            + "<msup><mrow><mo>(</mo>" + yk + MINUS + targetK + "<mo>)</mo></mrow><mn>2</mn></msup>");
  }

  private List<SolutionView.EquationView> totalLoss() {
    boolean last = loss.steps() == LossSpec.Steps.LAST;
    boolean meanTime = loss.timeReduction() == LossSpec.Reduction.MEAN && !last;
    String sequenceLossMath = last
        ? "<msub><mi>L</mi><mi>T</mi></msub>"
        : (meanTime ? "<mfrac><mn>1</mn><mi>T</mi></mfrac>" : "")
            + "<munderover><mo>&#x2211;</mo><mrow><mi>t</mi><mo>=</mo><mn>1</mn></mrow><mi>T</mi></munderover>" + at("L");
    String sequenceLoss = last ? "L[T] (the last step only)" : (meanTime ? "1/T " : "") + "sum_t L[t]";
    if (!exercise.isBatch()) {
      return List.of(equation("L = " + sequenceLoss, "<mi>L</mi>" + EQ + sequenceLossMath));
    }
    boolean meanSequences = loss.sequenceReduction() == LossSpec.Reduction.MEAN;
    String ls = "<msub><mi>L</mi><mi>s</mi></msub>";
    return List.of(
        equation("L_s = " + sequenceLoss + " for each sequence s", ls + EQ + sequenceLossMath),
        equation("L = " + (meanSequences ? "1/S " : "") + "sum_s L_s over the S = " + exercise.sequences().size()
                + " sequences",
            "<mi>L</mi>" + EQ + (meanSequences ? "<mfrac><mn>1</mn><mi>S</mi></mfrac>" : "") + SUM_S + ls));
  }

  private SolutionView.EquationView outputError(String errorAt, String where) {
    boolean softmax = exercise.model().output() == OutputFunction.SOFTMAX;
    boolean crossEntropy = loss.kind() == LossSpec.Kind.CROSS_ENTROPY;
    String factor = factor(crossEntropy ? 1 : 2 * loss.scale());
    String factorMath = factorMath(crossEntropy ? 1 : 2 * loss.scale());
    String difference = "(y[t] - target[t])";
    String differenceMath = "<mo>(</mo>" + at("y") + MINUS + at("target") + "<mo>)</mo>";
    if (softmax && crossEntropy) {
      return equation("dL/do[t] = " + factor + difference + where, partial(at("o")) + EQ + factorMath + differenceMath);
    }
    if (softmax) {
      return equation("dL/do[t] = (diag(y[t]) - y[t] y[t]^T) " + factor + difference + where,
          partial(at("o")) + EQ + "<mo>(</mo><mi>diag</mi><mo>(</mo>" + at("y") + "<mo>)</mo>" + MINUS + at("y")
              + "<msubsup><mi>y</mi><mi>t</mi><mi>T</mi></msubsup><mo>)</mo>" + factorMath + differenceMath);
    }
    return equation("dL/d" + errorAt + "[t] = " + factor + difference + where,
        partial(at(errorAt)) + EQ + factorMath + differenceMath);
  }

  /** The denominators a mean puts on one step's loss: T over time, S over the batch. */
  private List<String> denominators() {
    List<String> list = new ArrayList<>();
    if (loss.timeReduction() == LossSpec.Reduction.MEAN && loss.steps() == LossSpec.Steps.ALL) {
      list.add("T");
    }
    if (loss.sequenceReduction() == LossSpec.Reduction.MEAN && exercise.isBatch()) {
      list.add("S");
    }
    return list;
  }

  /** "2 ", "1/T ", "2/S ", "1/(T S) " or "": the output error's factor. */
  private String factor(double numerator) {
    String top = numerator == 1 ? "1" : Numbers.format(numerator, 3);
    List<String> below = denominators();
    if (below.isEmpty()) {
      return numerator == 1 ? "" : top + " ";
    }
    return top + "/" + (below.size() == 1 ? below.get(0) : "(" + String.join(" ", below) + ")") + " ";
  }

  private String factorMath(double numerator) {
    String top = "<mn>" + (numerator == 1 ? "1" : Numbers.format(numerator, 3)) + "</mn>";
    List<String> below = denominators();
    if (below.isEmpty()) {
      return numerator == 1 ? "" : top;
    }
    StringBuilder denominator = new StringBuilder("<mrow>");
    for (String letter : below) {
      denominator.append("<mi>").append(letter).append("</mi>");
    }
    return "<mfrac>" + top + denominator.append("</mrow>") + "</mfrac>";
  }

  private boolean has(Parameter parameter) {
    return parameter.existsIn(exercise.model());
  }

  /** The document's symbol for a parameter, as text. */
  private String text(Parameter parameter) {
    return exercise.notation().symbolFor(parameter);
  }

  private String symbol(String canonical) {
    return MathFormulas.symbol(exercise.notation(), canonical);
  }

  private String transposed(String canonical) {
    return "<msup>" + symbol(canonical) + "<mi>T</mi></msup>";
  }

  private static String at(String symbol) {
    return "<msub><mi>" + symbol + "</mi><mi>t</mi></msub>";
  }

  private static String atStep(String symbol, int step) {
    return "<msub><mi>" + symbol + "</mi><mn>" + step + "</mn></msub>";
  }

  private static String apply(String function, String argument) {
    return "<mi>" + function + "</mi><mo>(</mo>" + argument + "<mo>)</mo>";
  }

  private static String partial(String by) {
    return "<mfrac><mrow><mo>&#x2202;</mo><mi>L</mi></mrow><mrow><mo>&#x2202;</mo>" + by + "</mrow></mfrac>";
  }

  private static SolutionView.EquationView equation(String text, String mathml) {
    return new SolutionView.EquationView(text, math(mathml));
  }

  private static String math(String content) {
    return "<math display=\"inline\"><mrow>" + content + "</mrow></math>";
  }
}
