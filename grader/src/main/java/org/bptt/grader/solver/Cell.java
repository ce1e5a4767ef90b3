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

  /**
   * Declares the local Jacobian of the state, dh[t]/dh[t-1] (for a cell with a state pair,
   * d(h,c)[t]/d(h,c)[t-1], h's rows and columns first), as the node {@code name}.
   */
  void addLocalJacobian(CellContext graph, CellStep step, String name);

  /**
   * The local term of the state's sensitivity ds[t]/dθ with the state at t-1 held fixed, for
   * gradients computed forward in time (θ flattened row-major); declared as the node {@code name}.
   */
  void addLocalSensitivity(CellContext graph, CellStep step, Parameter parameter, String name);

  /**
   * Whether the state passed from step to step is the pair (h[t], c[t]) (the LSTM) rather than h[t]
   * alone: its Jacobians and sensitivities are then named d(h,c)[t]/d(h,c)[k] and d(h,c)[t]/dθ.
   */
  default boolean pairedState() {
    return false;
  }

  /** Declares the errors reaching initial states other than h0 (dL/dc0 for the LSTM), from step 1's nodes. */
  default void addInitialStateErrors(CellContext graph, CellStep first) {}
}
