package org.bptt.grader.report;

import java.util.List;

/**
 * A value laid out in its shape, for a template to print as a matrix: a number, a column vector
 * (one entry a row) or a matrix, every entry preformatted. {@code kind} is "number", "vector",
 * "matrix" or "text" (a symbol); {@code off} marks an entry a graded answer got wrong. Strings
 * only, escaped by the template.
 */
public record GridView(String kind, List<List<CellView>> rows) {

  private static final List<String> KINDS = List.of("number", "vector", "matrix", "text");

  public GridView {
    if (!KINDS.contains(kind)) {
      throw new IllegalArgumentException("grid: expected a kind among " + KINDS + ", got " + kind);
    }
    rows = rows.stream().map(List::copyOf).toList();
  }

  /** One entry: its text and whether it is off the reference. */
  public record CellView(String text, boolean off) {}

  /** Whether the value is laid out as a grid (a vector or a matrix), not as one line of text. */
  public boolean isGrid() {
    return kind.equals("vector") || kind.equals("matrix");
  }
}
