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

  private static String row(double[] values, int digits) {
    List<String> parts = new ArrayList<>();
    for (double value : values) {
      parts.add(format(value, digits));
    }
    return "[" + String.join(", ", parts) + "]";
  }
}
