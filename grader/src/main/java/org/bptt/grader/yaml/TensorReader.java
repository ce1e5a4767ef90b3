package org.bptt.grader.yaml;

import org.bptt.grader.error.InputException;
import org.bptt.grader.value.Shape;
import org.bptt.grader.value.Tensor;

/**
 * Reads numbers of a known shape from YAML: a number, a list, or a list of rows. A one-row or
 * one-column matrix may also be written as a flat list, and anything with one entry as a number,
 * since that is how documents print them (seed 001's U is a row, its V a column).
 */
public final class TensorReader {

  private TensorReader() {}

  public static Tensor read(YamlNode node, Shape expected, String what) throws InputException {
    if (node instanceof YamlScalar scalar) {
      if (expected.size() != 1) {
        throw new InputException(node.location(), what + ": expected " + expectation(expected) + ", got a single number");
      }
      return Tensor.of(expected, scalar.asDouble(what));
    }
    YamlList list = node.asList(what);
    boolean nested = list.size() > 0 && list.get(0) instanceof YamlList;
    if (!nested) {
      double[] values = numbers(list, what);
      boolean flatAllowed = expected.kind() != Shape.Kind.MATRIX || expected.rows() == 1 || expected.columns() == 1;
      if (values.length != expected.size() || !flatAllowed) {
        throw new InputException(node.location(),
            what + ": expected " + expectation(expected) + ", got a list of " + values.length + " numbers");
      }
      return Tensor.of(expected, values);
    }
    double[][] rows = new double[list.size()][];
    for (int i = 0; i < list.size(); i++) {
      rows[i] = numbers(list.get(i).asList(what + " row " + (i + 1)), what);
      if (rows[i].length != rows[0].length) {
        throw new InputException(list.get(i).location(), what + ": row " + (i + 1) + " has " + rows[i].length
            + " numbers, row 1 has " + rows[0].length);
      }
    }
    int columns = rows[0].length;
    boolean columnVector = expected.kind() != Shape.Kind.MATRIX && columns == 1 && rows.length == expected.rows();
    if (!columnVector && (rows.length != expected.rows() || columns != expected.columns())) {
      throw new InputException(node.location(),
          what + ": expected " + expectation(expected) + ", got " + rows.length + "x" + columns);
    }
    double[] values = new double[expected.size()];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(rows[i], 0, values, i * columns, columns);
    }
    return Tensor.of(expected, values);
  }

  /** What a value of this shape looks like: "a single number", "a list of 4 numbers", "shape 4x1". */
  static String expectation(Shape shape) {
    if (shape.size() == 1) {
      return "a single number";
    }
    return shape.kind() == Shape.Kind.VECTOR ? "a list of " + shape.rows() + " numbers" : "shape " + shape;
  }

  /**
   * The decimals written for each number of a value, in the order {@link #read} stores them:
   * "0.716" has 3, "-0.04" 2, "4.8e-3" 4, "12" 0.
   */
  public static java.util.List<Integer> writtenDecimals(YamlNode node) {
    java.util.List<Integer> decimals = new java.util.ArrayList<>();
    collectDecimals(node, decimals);
    return decimals;
  }

  private static void collectDecimals(YamlNode node, java.util.List<Integer> decimals) {
    if (node instanceof YamlScalar scalar) {
      decimals.add(decimalsOf(scalar.text().strip()));
    } else if (node instanceof YamlList list) {
      for (YamlNode item : list.items()) {
        collectDecimals(item, decimals);
      }
    }
  }

  static int decimalsOf(String text) {
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    int exponentAt = lower.indexOf('e');
    String mantissa = exponentAt < 0 ? lower : lower.substring(0, exponentAt);
    int exponent = 0;
    if (exponentAt >= 0) {
      try {
        exponent = Integer.parseInt(lower.substring(exponentAt + 1).replace("+", ""));
      } catch (NumberFormatException e) {
        return -1;
      }
    }
    int point = mantissa.indexOf('.');
    int fraction = point < 0 ? 0 : mantissa.length() - point - 1;
    return Math.max(0, fraction - exponent);
  }

  private static double[] numbers(YamlList list, String what) throws InputException {
    double[] values = new double[list.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = list.get(i).asScalar(what + " entry " + (i + 1)).asDouble(what + " entry " + (i + 1));
    }
    return values;
  }
}
