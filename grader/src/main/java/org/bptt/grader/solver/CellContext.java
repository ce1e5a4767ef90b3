package org.bptt.grader.solver;

import java.util.List;
import org.bptt.grader.exercise.ModelSpec;
import org.bptt.grader.exercise.Parameter;

/** What a {@link Cell} may do with the graph being built: read the model and declare nodes. */
public interface CellContext {

  ModelSpec model();

  /** Whether the model has this parameter (biases can be switched off). */
  boolean has(Parameter parameter);

  /** Declares a node whose formula is an expression (its inputs are what it reads). */
  void add(String name, Stage stage, String meaning, Expression formula);

  /** Declares a node with an opaque formula over the named inputs. */
  void add(String name, Stage stage, String meaning, List<String> inputs, Formula formula);
}
