package org.bptt.grader.solver;

import java.util.List;
import java.util.function.Function;
import org.bptt.grader.value.Label;
import org.bptt.grader.value.Tensor;
import org.bptt.grader.value.Value;

/**
 * The values a formula may read: exactly the inputs its quantity declares. Reading anything else
 * is a bug in the graph (the grader's recomputation from a student's values would miss it), so
 * it fails loudly.
 */
public final class Inputs {

  private final String quantity;
  private final List<String> declared;
  private final Function<String, Value> lookup;

  Inputs(String quantity, List<String> declared, Function<String, Value> lookup) {
    this.quantity = quantity;
    this.declared = declared;
    this.lookup = lookup;
  }

  public Value value(String name) {
    if (!declared.contains(name)) {
      throw new IllegalStateException(quantity + " reads " + name + ", which it does not declare as an input");
    }
    Value value = lookup.apply(name);
    if (value == null) {
      throw new IllegalStateException(quantity + ": no value for input " + name);
    }
    return value;
  }

  public Tensor tensor(String name) {
    if (value(name) instanceof Tensor tensor) {
      return tensor;
    }
    throw new IllegalStateException(quantity + ": input " + name + " is not numeric");
  }

  public double scalar(String name) {
    return tensor(name).scalarValue();
  }

  public Label label(String name) {
    if (value(name) instanceof Label label) {
      return label;
    }
    throw new IllegalStateException(quantity + ": input " + name + " is not a label");
  }
}
