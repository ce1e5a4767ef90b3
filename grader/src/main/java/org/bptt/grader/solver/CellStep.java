package org.bptt.grader.solver;

import java.util.function.Function;
import org.bptt.grader.exercise.Parameter;

/**
 * The names a cell reads and declares at one step of one sequence: {@code prefix} names this
 * pass's nodes ("s2." in a batch, "updated.s2." after the update), {@code dataPrefix} the given
 * inputs ("s2."), {@code parameterNode} the node each parameter is read from, and {@code last} the
 * sequence's last step (a cell whose state has a second part, the LSTM's c[t], passes its error back
 * itself and must know whether a step t+1 exists).
 */
public record CellStep(String prefix, String dataPrefix, int step, int last, Function<Parameter, String> parameterNode) {

  /** Whether the sequence has a step after this one. */
  public boolean hasNext() {
    return step < last;
  }

  /** A node of this step: "a" gives "s2.a[3]". */
  public String at(String symbol) {
    return prefix + Names.at(symbol, step);
  }

  /** The error at a node of this step: "a" gives "s2.dL/da[3]". */
  public String errorAt(String symbol) {
    return prefix + Names.gradientAt(symbol, step);
  }

  public String input() {
    return dataPrefix + Names.at("x", step);
  }

  public String hidden() {
    return at("h");
  }

  /** h[t-1]: the initial state at the first step. */
  public String previousHidden() {
    return previous("h", Parameter.H0);
  }

  /** A state at step t-1 ("c" gives c[t-1]), or its given initial value at the first step (c0). */
  public String previous(String symbol, Parameter initial) {
    return step == 1 ? parameterNode.apply(initial) : prefix + Names.at(symbol, step - 1);
  }

  public String hiddenError() {
    return errorAt("h");
  }

  public String parameter(Parameter parameter) {
    return parameterNode.apply(parameter);
  }

  /** The same step of the same sequence at another time. */
  public CellStep at(int otherStep) {
    return new CellStep(prefix, dataPrefix, otherStep, last, parameterNode);
  }
}
