package org.bptt.grader.solver;

import java.util.List;
import org.bptt.grader.exercise.ModelKind;
import org.bptt.grader.exercise.ModelSpec;
import org.bptt.grader.exercise.Parameter;

/**
 * A recurrent cell the solver can work through by hand: what it computes at each step, how the
 * error flows back through it, and its local Jacobian. Everything around the cell (the output
 * layer, losses, batches, summed gradients, truncation, clipping, the update, training runs,
 * Jacobian products and norms) is the same for every cell and built once, by the graph builder;
 * a model kind is one implementation of this interface, chosen by {@code model.kind}.
 */
public interface Cell {

  ModelKind kind();

  /** The trained parameters that act through the recurrence, in canonical order (W_xh, W_hh, b_h for Elman). */
  List<Parameter> recurrentParameters(ModelSpec model);

  /** Declares step t's forward nodes, from x[t] and h[t-1] to h[t] ({@link CellStep#hidden()}). */
  void addForward(CellContext graph, CellStep step);

  /** The error that reaches h[t-1] through step t, over step t's nodes (W_hh^T dL/da[t] for Elman). */
  Expression errorToPreviousState(CellStep step);

  /** How that error reads in a description, for a step written as {@code step}: "W_hh^T dL/da[t+1]". */
  String describeErrorToPreviousState(String step);

  /**
   * Declares step t's backward nodes from the total error at h[t] ({@link CellStep#hiddenError()}):
   * the cell's internal errors and each recurrent parameter's contribution dL/dθ[t].
   */
  void addBackward(CellContext graph, CellStep step);

  /** dh[t]/dh[t-1], over step t's nodes. */
  Expression localJacobian(CellStep step);

  /** How the local Jacobian reads in a description: "diag(f'(a[t])) W_hh". */
  String describeLocalJacobian();

  /**
   * The local term of dh[t]/dθ with h[t-1] held fixed, for gradients computed forward in time (θ
   * flattened row-major); declared as the node {@code name}.
   */
  void addLocalSensitivity(CellContext graph, CellStep step, Parameter parameter, String name);
}
