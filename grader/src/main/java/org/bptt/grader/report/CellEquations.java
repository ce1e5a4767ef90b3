package org.bptt.grader.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bptt.grader.exercise.Exercise;
import org.bptt.grader.exercise.ModelSpec;
import org.bptt.grader.exercise.Parameter;
import org.bptt.grader.solver.Cell;
import org.bptt.grader.solver.CellContext;
import org.bptt.grader.solver.CellStep;
import org.bptt.grader.solver.Cells;
import org.bptt.grader.solver.Expression;
import org.bptt.grader.solver.Formula;
import org.bptt.grader.solver.QuantityId;
import org.bptt.grader.solver.Stage;

/**
 * The model's cell written as general equations (step t), from the very expressions the solver
 * computes with: the cell declares one step, at a reference step, into a recorder instead of a
 * graph, and each declaration is printed with that step as t, the one before as t-1 and the one
 * after as t+1, as text in the document's notation and as MathML.
 */
final class CellEquations {

  /** A step far enough from the first that h[t-1] is a hidden state, not h0. */
  private static final int REFERENCE = 5;

  /** One equation as text and as MathML (without the outer math element). */
  record Equation(String text, String mathml) {}

  private final Exercise exercise;
  private final Cell cell;
  private final Map<String, Expression> declared = new LinkedHashMap<>();
  /** The nodes the cell declares in its backward step, in order. */
  private final List<String> backwardNodes = new ArrayList<>();
  private final ExpressionMath symbolic;
  private final ExpressionMath concrete;

  CellEquations(Exercise exercise) {
    this.exercise = exercise;
    this.cell = Cells.of(exercise.model());
    this.symbolic = new ExpressionMath(exercise.notation(), CellEquations::stepMath);
    this.concrete = new ExpressionMath(exercise.notation());
    Recorder recorder = new Recorder(exercise.model());
    cell.addForward(recorder, step(REFERENCE));
    int forwardCount = declared.size();
    cell.addBackward(recorder, step(REFERENCE));
    backwardNodes.addAll(new ArrayList<>(declared.keySet()).subList(forwardCount, declared.size()));
    cell.addInitialStateErrors(recorder, step(1));
  }

  /** The cell's errors at step t, from dL/dh[t] to its pre-activations (contributions left out). */
  List<Equation> backward() {
    List<Equation> equations = new ArrayList<>();
    for (String name : backwardNodes) {
      if (QuantityId.parse(name).orElseThrow().role() != QuantityId.Role.CONTRIBUTION) {
        equations.add(equation(name, declared.get(name)));
      }
    }
    return equations;
  }

  /** The errors reaching initial states besides h0 (dL/dc0 = dL/dc[1] ⊙ f[1]), at concrete steps. */
  List<Equation> initialStateErrors() {
    List<Equation> equations = new ArrayList<>();
    for (Map.Entry<String, Expression> node : declared.entrySet()) {
      QuantityId id = QuantityId.parse(node.getKey()).orElseThrow();
      if (id.role() == QuantityId.Role.GRADIENT) {
        equations.add(new Equation(concreteName(node.getKey()) + " = " + node.getValue().text(this::concreteName),
            concrete.quantity(node.getKey()) + "<mo>=</mo>" + concrete.render(node.getValue())));
      }
    }
    return equations;
  }

  /** The error reaching h[t] from step t+1 at concrete steps, evaluated on the graph's values. */
  Expression errorFromStepExpression(String prefix, int nextStep, int last) {
    return cell.errorToPreviousState(new CellStep(prefix, prefix, nextStep, last, Parameter::canonicalName));
  }

  private static CellStep step(int t) {
    return new CellStep("", "", t, Integer.MAX_VALUE, Parameter::canonicalName);
  }

  /** The forward step: a[t] = ..., h[t] = ... (every node the cell declares before h[t], and h[t]). */
  List<Equation> forward() {
    List<Equation> equations = new ArrayList<>();
    String hidden = step(REFERENCE).hidden();
    for (Map.Entry<String, Expression> node : declared.entrySet()) {
      equations.add(equation(node.getKey(), node.getValue()));
      if (node.getKey().equals(hidden)) {
        break;
      }
    }
    return equations;
  }

  /** A recurrent parameter's contribution at step t, the right-hand side only: "dL/da[t] x[t]^T". */
  Equation contribution(Parameter parameter) {
    Expression term = declared.get(step(REFERENCE).prefix() + "dL/d" + parameter.canonicalName() + "[" + REFERENCE + "]");
    if (term == null) {
      throw new IllegalArgumentException("the " + cell.kind().yamlName() + " cell has no contribution to " + parameter);
    }
    return new Equation(term.text(this::symbolicName), symbolic.render(term));
  }

  /** The error reaching h[t] from step t+1: "W_hh^T dL/da[t+1]". */
  Equation errorFromNextStep() {
    Expression error = cell.errorToPreviousState(step(REFERENCE + 1));
    return new Equation(error.text(this::symbolicName), symbolic.render(error));
  }

  /** The error reaching a given state from the step after it, at concrete steps: W_hh^T dL/da[step + 1]. */
  Equation errorFromStep(int nextStep) {
    Expression error = cell.errorToPreviousState(step(nextStep));
    return new Equation(error.text(this::concreteName), concrete.render(error));
  }

  private Equation equation(String name, Expression formula) {
    return new Equation(symbolicName(name) + " = " + formula.text(this::symbolicName),
        symbolic.quantity(name) + "<mo>=</mo>" + symbolic.render(formula));
  }

  /** A quantity's name at a general step, in the document's notation: "x[t]", "h[t-1]", "W_xh" as "w". */
  private String symbolicName(String name) {
    QuantityId id = QuantityId.parse(name).orElseThrow();
    return exercise.notation().render(id.toString(step -> "[" + stepText(step) + "]"));
  }

  private String concreteName(String name) {
    return exercise.notation().render(name);
  }

  private static String stepText(int step) {
    int offset = step - REFERENCE;
    return offset == 0 ? "t" : offset > 0 ? "t+" + offset : "t-" + (-offset);
  }

  private static String stepMath(int step) {
    int offset = step - REFERENCE;
    if (offset == 0) {
      return "<mi>t</mi>";
    }
    return "<mrow><mi>t</mi><mo>" + (offset > 0 ? "+" : "&#x2212;") + "</mo><mn>" + Math.abs(offset) + "</mn></mrow>";
  }

  /** Takes a cell's declarations down instead of building a graph. */
  private final class Recorder implements CellContext {

    private final ModelSpec model;

    Recorder(ModelSpec model) {
      this.model = model;
    }

    @Override
    public ModelSpec model() {
      return model;
    }

    @Override
    public boolean has(Parameter parameter) {
      return parameter.existsIn(model);
    }

    @Override
    public void add(String name, Stage stage, String meaning, Expression formula) {
      declared.put(name, formula);
    }

    @Override
    public void add(String name, Stage stage, String meaning, List<String> inputs, Formula formula) {
      // an opaque formula has no general form to show
    }
  }
}
