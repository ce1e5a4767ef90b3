package org.bptt.grader.present;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.bptt.grader.value.Label;
import org.bptt.grader.value.Tensor;
import org.bptt.grader.value.Value;

/** Formats numbers for people, the same way on every machine (no locale, no platform rounding). */
public final class Numbers {

  private Numbers() {}

  /** A number to {@code digits} significant digits, plain notation for moderate magnitudes. */
  public static String format(double value, int digits) {
    if (value == 0) {
      return "0";
    }
    if (!Double.isFinite(value)) {
      return Double.toString(value);
    }
    BigDecimal rounded = new BigDecimal(value).round(new MathContext(digits, RoundingMode.HALF_EVEN));
    double magnitude = Math.abs(value);
    String text = magnitude >= 1e-4 && magnitude < 1e7
        ? rounded.stripTrailingZeros().toPlainString()
        : rounded.stripTrailingZeros().toString().replace("E+", "e").replace("E", "e");
    return text.equals("-0") ? "0" : text;
  }

  /** A value as one line: 0.4621, [0.1, 0.2], [[1, 2], [3, 4]], or a label's text. */
  public static String format(Value value, int digits) {
    if (value instanceof Label label) {
      return label.text();
    }
    Tensor tensor = (Tensor) value;
    return switch (tensor.shape().kind()) {
      case SCALAR -> format(tensor.scalarValue(), digits);
      case VECTOR -> row(tensor.toArray(), digits);
      case MATRIX -> {
        List<String> rows = new ArrayList<>();
        for (double[] row : tensor.toRows()) {
          rows.add(row(row, digits));
        }
        yield "[" + String.join(", ", rows) + "]";
      }
    };
  }

  /** Like {@link #format(Value, int)}, but a one-entry vector or matrix is shown as its number. */
  public static String formatCompact(Value value, int digits) {
    if (value instanceof Tensor tensor && tensor.size() == 1) {
      return format(tensor.at(0), digits);
    }
    return format(value, digits);
  }

  /** A number with exactly {@code decimals} decimals, rounded half up: 0.7810 at 4, 1.0462 for 1.046165. */
  public static String formatDecimals(double value, int decimals) {
    if (!Double.isFinite(value)) {
      return Double.toString(value);
    }
    String text = new BigDecimal(value).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    return text.matches("-0(\\.0*)?") ? text.substring(1) : text;
  }

  /**
   * A value with each entry at its own number of decimals ({@code decimals} of its row-major
   * index; -1 for an entry whose decimals are not known, shown at {@code digits} significant
   * digits), one line, a one-entry value as its number.
   */
  public static String formatAt(Value value, java.util.function.IntUnaryOperator decimals, int digits) {
    if (value instanceof Label label) {
      return label.text();
    }
    Tensor tensor = (Tensor) value;
    List<String> entries = new ArrayList<>();
    for (int i = 0; i < tensor.size(); i++) {
      int places = decimals.applyAsInt(i);
      entries.add(places >= 0 ? formatDecimals(tensor.at(i), places) : format(tensor.at(i), digits));
    }
    if (tensor.size() == 1) {
      return entries.get(0);
    }
    if (tensor.shape().kind() == org.bptt.grader.value.Shape.Kind.MATRIX) {
      List<String> rows = new ArrayList<>();
      for (int r = 0; r < tensor.rows(); r++) {
        rows.add("[" + String.join(", ", entries.subList(r * tensor.columns(), (r + 1) * tensor.columns())) + "]");
      }
      return "[" + String.join(", ", rows) + "]";
    }
    return "[" + String.join(", ", entries) + "]";
  }

  private static String row(double[] values, int digits) {
    List<String> parts = new ArrayList<>();
    for (double value : values) {
      parts.add(format(value, digits));
    }
    return "[" + String.join(", ", parts) + "]";
  }
}
