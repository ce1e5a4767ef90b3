package org.bptt.grader.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import org.bptt.grader.present.Numbers;
import org.bptt.grader.value.Label;
import org.bptt.grader.value.Shape;
import org.bptt.grader.value.Tensor;
import org.bptt.grader.value.Value;

/** Lays values out as {@link GridView}s: entries formatted one by one, in the value's own shape. */
final class Grids {

  /** An empty grid, for a value that is not there (a missing answer). */
  static final GridView NONE = new GridView("text", List.of());

  private Grids() {}

  /** Every entry to {@code digits} significant digits; a one-entry value as its number. */
  static GridView of(Value value, int digits) {
    if (!(value instanceof Tensor tensor)) {
      return of(value, i -> "", i -> false);
    }
    return of(value, i -> Numbers.format(tensor.at(i), digits), i -> false);
  }

  /**
   * Entry {@code i} (row-major) written as {@code text.apply(i)} and marked off when {@code off}
   * holds for it; a label is its text, a one-entry tensor a number.
   */
  static GridView of(Value value, IntFunction<String> text, IntPredicate off) {
    if (value == null) {
      return NONE;
    }
    if (value instanceof Label label) {
      return new GridView("text", List.of(List.of(new GridView.CellView(label.text(), false))));
    }
    Tensor tensor = (Tensor) value;
    if (tensor.size() == 1) {
      return new GridView("number", List.of(List.of(new GridView.CellView(text.apply(0), off.test(0)))));
    }
    boolean vector = tensor.shape().kind() == Shape.Kind.VECTOR;
    List<List<GridView.CellView>> rows = new ArrayList<>();
    for (int r = 0; r < tensor.rows(); r++) {
      List<GridView.CellView> row = new ArrayList<>();
      for (int c = 0; c < tensor.columns(); c++) {
        int i = r * tensor.columns() + c;
        row.add(new GridView.CellView(text.apply(i), off.test(i)));
      }
      rows.add(row);
    }
    return new GridView(vector ? "vector" : "matrix", rows);
  }

  /** A blank grid of the value's shape, every entry named by {@code label} (for the answer form). */
  static GridView blank(Value value, IntFunction<String> label) {
    return of(value, label, i -> false);
  }
}
