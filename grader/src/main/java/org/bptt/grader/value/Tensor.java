package org.bptt.grader.value;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * An immutable scalar, column vector or matrix of doubles, stored row-major. The array is copied
 * in and never handed out, so a Tensor can be shared between threads freely.
 */
public final class Tensor implements Value {

  private final Shape shape;
  private final double[] values;

  private Tensor(Shape shape, double[] values, boolean copy) {
    if (shape == null) {
      throw new IllegalArgumentException("tensor: shape is required");
    }
    if (values.length != shape.size()) {
      throw new IllegalArgumentException(
          "tensor: shape " + shape + " needs " + shape.size() + " values, got " + values.length);
    }
    this.shape = shape;
    this.values = copy ? values.clone() : values;
  }

  public static Tensor of(Shape shape, double... values) {
    return new Tensor(shape, values, true);
  }

  public static Tensor scalar(double value) {
    return new Tensor(Shape.scalar(), new double[] {value}, false);
  }

  public static Tensor vector(double... values) {
    return new Tensor(Shape.vector(values.length), values, true);
  }

  /** A matrix from its rows; every row must have the same length. */
  public static Tensor matrix(double[]... rows) {
    if (rows.length == 0) {
      throw new IllegalArgumentException("matrix: expected at least one row");
    }
    int columns = rows[0].length;
    double[] values = new double[rows.length * columns];
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != columns) {
        throw new IllegalArgumentException(
            "matrix: row " + (i + 1) + " has " + rows[i].length + " values, row 1 has " + columns);
      }
      System.arraycopy(rows[i], 0, values, i * columns, columns);
    }
    return new Tensor(Shape.matrix(rows.length, columns), values, false);
  }

  public static Tensor zeros(Shape shape) {
    return new Tensor(shape, new double[shape.size()], false);
  }

  public static Tensor identity(int size) {
    double[] values = new double[size * size];
    for (int i = 0; i < size; i++) {
      values[i * size + i] = 1;
    }
    return new Tensor(Shape.matrix(size, size), values, false);
  }

  /** A vector with 1 at {@code index} (0-based) and 0 elsewhere. */
  public static Tensor oneHot(int length, int index) {
    double[] values = new double[length];
    values[index] = 1;
    return new Tensor(Shape.vector(length), values, false);
  }

  public Shape shape() {
    return shape;
  }

  public int rows() {
    return shape.rows();
  }

  public int columns() {
    return shape.columns();
  }

  public int size() {
    return values.length;
  }

  /** The entry at 0-based row and column. */
  public double get(int row, int column) {
    return values[row * shape.columns() + column];
  }

  /** The entry at 0-based row-major position. */
  public double at(int index) {
    return values[index];
  }

  public double[] toArray() {
    return values.clone();
  }

  public double[][] toRows() {
    double[][] rows = new double[rows()][];
    for (int i = 0; i < rows(); i++) {
      rows[i] = Arrays.copyOfRange(values, i * columns(), (i + 1) * columns());
    }
    return rows;
  }

  /** The only entry of a one-element tensor. */
  public double scalarValue() {
    if (values.length != 1) {
      throw new IllegalStateException("expected a single value, got " + shape);
    }
    return values[0];
  }

  /** The same numbers seen as another shape with as many entries (row-major). */
  public Tensor reshape(Shape target) {
    return new Tensor(target, values, false);
  }

  @Override
  public String describeShape() {
    return shape.toString();
  }

  // --- arithmetic --------------------------------------------------------------------------

  public Tensor plus(Tensor other) {
    requireSameShape(other, "plus");
    double[] result = new double[values.length];
    for (int i = 0; i < result.length; i++) {
      result[i] = values[i] + other.values[i];
    }
    return new Tensor(shape, result, false);
  }

  public Tensor minus(Tensor other) {
    requireSameShape(other, "minus");
    double[] result = new double[values.length];
    for (int i = 0; i < result.length; i++) {
      result[i] = values[i] - other.values[i];
    }
    return new Tensor(shape, result, false);
  }

  /** Element-wise product. */
  public Tensor hadamard(Tensor other) {
    requireSameShape(other, "hadamard");
    double[] result = new double[values.length];
    for (int i = 0; i < result.length; i++) {
      result[i] = values[i] * other.values[i];
    }
    return new Tensor(shape, result, false);
  }

  public Tensor scale(double factor) {
    return map(value -> value * factor);
  }

  public Tensor map(DoubleUnaryOperator function) {
    double[] result = new double[values.length];
    for (int i = 0; i < result.length; i++) {
      result[i] = function.applyAsDouble(values[i]);
    }
    return new Tensor(shape, result, false);
  }

  /**
   * Matrix product. A matrix times a vector is a vector; a row-shaped result of one entry is
   * still a matrix, so callers that want a scalar ask for {@link #scalarValue()}.
   */
  public Tensor times(Tensor other) {
    if (columns() != other.rows()) {
      throw new IllegalArgumentException(
          "times: cannot multiply " + rows() + "x" + columns() + " by " + other.rows() + "x" + other.columns());
    }
    int n = rows();
    int m = other.columns();
    int inner = columns();
    double[] result = new double[n * m];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < inner; k++) {
        double left = values[i * inner + k];
        if (left == 0) {
          continue;
        }
        for (int j = 0; j < m; j++) {
          result[i * m + j] += left * other.values[k * m + j];
        }
      }
    }
    Shape resultShape = other.shape.kind() == Shape.Kind.VECTOR || other.shape.kind() == Shape.Kind.SCALAR
            && shape.kind() == Shape.Kind.VECTOR
        ? Shape.vector(n)
        : Shape.matrix(n, m);
    return new Tensor(resultShape, result, false);
  }

  public Tensor transpose() {
    int n = rows();
    int m = columns();
    double[] result = new double[n * m];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        result[j * n + i] = values[i * m + j];
      }
    }
    return new Tensor(Shape.matrix(m, n), result, false);
  }

  /** The outer product u v^T of two vectors: a matrix. */
  public Tensor outer(Tensor other) {
    int n = size();
    int m = other.size();
    double[] result = new double[n * m];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        result[i * m + j] = values[i] * other.values[j];
      }
    }
    return new Tensor(Shape.matrix(n, m), result, false);
  }

  /** A square matrix with this vector on its diagonal. */
  public Tensor diagonal() {
    int n = size();
    double[] result = new double[n * n];
    for (int i = 0; i < n; i++) {
      result[i * n + i] = values[i];
    }
    return new Tensor(Shape.matrix(n, n), result, false);
  }

  public double sum() {
    double total = 0;
    for (double value : values) {
      total += value;
    }
    return total;
  }

  public double dot(Tensor other) {
    if (size() != other.size()) {
      throw new IllegalArgumentException("dot: sizes " + size() + " and " + other.size() + " differ");
    }
    double total = 0;
    for (int i = 0; i < values.length; i++) {
      total += values[i] * other.values[i];
    }
    return total;
  }

  /** The Frobenius norm (the Euclidean norm for vectors). */
  public double frobeniusNorm() {
    return Math.sqrt(dot(this));
  }

  public double maxAbs() {
    double max = 0;
    for (double value : values) {
      max = Math.max(max, Math.abs(value));
    }
    return max;
  }

  public int argMax() {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    return best;
  }

  public boolean isFinite() {
    for (double value : values) {
      if (!Double.isFinite(value)) {
        return false;
      }
    }
    return true;
  }

  private void requireSameShape(Tensor other, String operation) {
    if (rows() != other.rows() || columns() != other.columns()) {
      throw new IllegalArgumentException(
          operation + ": shapes " + rows() + "x" + columns() + " and " + other.rows() + "x" + other.columns() + " differ");
    }
  }

  // --- identity ----------------------------------------------------------------------------

  @Override
  public boolean equals(Object other) {
    return other instanceof Tensor tensor && shape.equals(tensor.shape) && Arrays.equals(values, tensor.values);
  }

  @Override
  public int hashCode() {
    return 31 * shape.hashCode() + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return switch (shape.kind()) {
      case SCALAR -> Double.toString(values[0]);
      case VECTOR -> Arrays.toString(values);
      case MATRIX -> Arrays.deepToString(toRows());
    };
  }
}
