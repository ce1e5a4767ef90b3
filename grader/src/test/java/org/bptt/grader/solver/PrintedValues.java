package org.bptt.grader.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.bptt.grader.value.Tensor;

/**
 * Compares solver values with numbers as a document prints them: a printed number with d
 * decimals is right when the true value rounds to it, |true - printed| <= 0.5 * 10^-d.
 */
final class PrintedValues {

  private PrintedValues() {}

  static double halfUnit(String printed) {
    int decimals = Math.max(0, new BigDecimal(printed).scale());
    return 0.5 * Math.pow(10, -decimals) + 1e-12;
  }

  /** Every printed entry of the quantity is right to the precision printed. */
  static void assertPrinted(QuantityGraph graph, String name, String... printed) {
    Tensor value = (Tensor) graph.value(name);
    assertEquals(printed.length, value.size(), name + ": number of entries");
    for (int i = 0; i < printed.length; i++) {
      double expected = Double.parseDouble(printed[i]);
      double actual = value.at(i);
      assertTrue(Math.abs(actual - expected) <= halfUnit(printed[i]),
          name + " entry " + (i + 1) + ": document prints " + printed[i] + ", true value " + actual);
    }
  }

  /** The printed entry is wrong: the true value does not round to it (a finding about the document). */
  static void assertPrintedWrong(QuantityGraph graph, String name, int entry, String printed, String trueRounded) {
    double actual = ((Tensor) graph.value(name)).at(entry - 1);
    assertTrue(Math.abs(actual - Double.parseDouble(printed)) > halfUnit(printed),
        name + " entry " + entry + ": expected the document's " + printed + " to be wrong, true value " + actual);
    assertTrue(Math.abs(actual - Double.parseDouble(trueRounded)) <= halfUnit(trueRounded),
        name + " entry " + entry + ": true value " + actual + " should round to " + trueRounded);
  }

  /** A true value, checked against an independent computation to the given absolute tolerance. */
  static void assertTrueValue(QuantityGraph graph, String name, double expected, double tolerance) {
    double actual = ((Tensor) graph.value(name)).scalarValue();
    assertEquals(expected, actual, tolerance, name);
  }
}
