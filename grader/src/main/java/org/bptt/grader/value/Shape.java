package org.bptt.grader.value;

/**
 * The shape of a {@link Tensor}. Vectors are columns; a scalar is its own kind so that a loss is
 * printed as a number, not as a 1x1 matrix.
 */
public record Shape(Kind kind, int rows, int columns) {

  /** Whether the value is a number, a column vector or a matrix. */
  public enum Kind {
    SCALAR,
    VECTOR,
    MATRIX
  }

  public Shape {
    if (kind == null) {
      throw new IllegalArgumentException("shape: kind is required");
    }
    if (rows < 1 || columns < 1) {
      throw new IllegalArgumentException("shape: expected positive dimensions, got " + rows + "x" + columns);
    }
    if (kind == Kind.SCALAR && (rows != 1 || columns != 1)) {
      throw new IllegalArgumentException("shape: a scalar is 1x1, got " + rows + "x" + columns);
    }
    if (kind == Kind.VECTOR && columns != 1) {
      throw new IllegalArgumentException("shape: a vector has one column, got " + rows + "x" + columns);
    }
  }

  public static Shape scalar() {
    return new Shape(Kind.SCALAR, 1, 1);
  }

  public static Shape vector(int length) {
    return new Shape(Kind.VECTOR, length, 1);
  }

  public static Shape matrix(int rows, int columns) {
    return new Shape(Kind.MATRIX, rows, columns);
  }

  public int size() {
    return rows * columns;
  }

  @Override
  public String toString() {
    return switch (kind) {
      case SCALAR -> "scalar";
      case VECTOR -> "vector of " + rows;
      case MATRIX -> rows + "x" + columns;
    };
  }
}
