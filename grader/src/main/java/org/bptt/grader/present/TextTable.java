package org.bptt.grader.present;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with aligned columns, for terminals and CI logs. */
public final class TextTable {

  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  public TextTable(List<String> header) {
    this.header = List.copyOf(header);
  }

  public void add(List<String> row) {
    if (row.size() != header.size()) {
      throw new IllegalArgumentException("table row has " + row.size() + " cells, header has " + header.size());
    }
    rows.add(List.copyOf(row));
  }

  public String render(String indent) {
    int[] widths = new int[header.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = header.get(i).length();
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    line(out, indent, header, widths);
    List<String> rule = new ArrayList<>();
    for (int width : widths) {
      rule.add("-".repeat(width));
    }
    line(out, indent, rule, widths);
    for (List<String> row : rows) {
      line(out, indent, row, widths);
    }
    return out.toString();
  }

  private static void line(StringBuilder out, String indent, List<String> cells, int[] widths) {
    StringBuilder text = new StringBuilder(indent);
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        text.append(" | ");
      }
      text.append(cells.get(i)).append(" ".repeat(widths[i] - cells.get(i).length()));
    }
    out.append(text.toString().stripTrailing()).append('\n');
  }
}
