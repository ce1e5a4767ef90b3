package org.bptt.grader.grading;

import java.util.List;
import org.bptt.grader.value.Tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The three tolerance modes at their boundaries: a correctly rounded value is in, one unit more is out.
 * How feedback describes each tolerance is tested with the wording, in report.FeedbackTest.
 */
class ToleranceTest {

  @Nested
  class DecimalPlaces {

    private final Tolerance four = new Tolerance.DecimalPlaces(4);

    @Test
    void acceptsTheValueCorrectlyRounded() {
      assertTrue(four.accepts(0.4621, 0.46211715726000974));
      assertTrue(four.accepts(-0.0895, -0.08947595789046155));
      assertTrue(four.accepts(0.46211715726000974, 0.46211715726000974));
    }

    @Test
    void acceptsHalfAUnitInTheLastPlaceEvenAtATie() {
      // 0.12345 rounds to 0.1235 (or 0.1234, half-even): both are exactly 0.00005 away
      assertTrue(four.accepts(0.1235, 0.12345));
      assertTrue(four.accepts(0.1234, 0.12345));
      assertTrue(four.accepts(-0.1235, -0.12345));
      assertTrue(four.accepts(2.0, 2.00005));
    }

    @Test
    void rejectsJustOverHalfAUnit() {
      assertFalse(four.accepts(0.1235, 0.123449));
      assertFalse(four.accepts(0.4622, 0.46211715726000974));
      assertFalse(four.accepts(0.4620, 0.46211715726000974));
      assertFalse(four.accepts(0.0001, 0.0));
    }

    @Test
    void zeroDecimalsIsRoundingToWholeNumbers() {
      Tolerance whole = new Tolerance.DecimalPlaces(0);
      assertTrue(whole.accepts(3, 2.5));
      assertTrue(whole.accepts(2, 2.4));
      assertFalse(whole.accepts(2, 2.51));
    }

    @Test
    void theWidthDoesNotScaleWithTheValue() {
      assertTrue(four.accepts(1000.00004, 1000));
      assertFalse(four.accepts(1000.0001, 1000));
      assertTrue(four.accepts(0.00004, 0.00001)); // a small value is judged by the same absolute width
    }

    @Test
    void range() {
      assertThrows(IllegalArgumentException.class, () -> new Tolerance.DecimalPlaces(-1));
      assertThrows(IllegalArgumentException.class, () -> new Tolerance.DecimalPlaces(16));
      new Tolerance.DecimalPlaces(15);
    }
  }

  @Nested
  class SignificantFigures {

    private final Tolerance three = new Tolerance.SignificantFigures(3);

    @Test
    void acceptsTheValueCorrectlyRoundedAtAnyScale() {
      assertTrue(three.accepts(0.00123, 0.0012345));
      assertTrue(three.accepts(12300, 12345));
      assertTrue(three.accepts(-4.57, -4.5678));
      assertTrue(three.accepts(6.13e-4, 6.129726450881532E-4));
    }

    @Test
    void rejectsOneUnitInTheLastFigure() {
      assertFalse(three.accepts(0.00124, 0.0012345));
      assertFalse(three.accepts(12400, 12345));
      assertFalse(three.accepts(6.14e-4, 6.129726450881532E-4));
    }

    @Test
    void acceptsHalfAUnitAtATieAndNoMore() {
      assertTrue(three.accepts(1.24, 1.235));
      assertTrue(three.accepts(1.23, 1.235));
      assertFalse(three.accepts(1.24, 1.2349));
      assertTrue(three.accepts(-1.24, -1.235));
    }

    @Test
    void theWidthFollowsTheReferencesMagnitude() {
      // 1000 to 3 figures is 1.00e3: half a unit is 5
      assertTrue(three.accepts(1005, 1000));
      assertFalse(three.accepts(1006, 1000));
      // 999.6 rounds up to 1.00e3, which is still within half a unit of 999.6's last figure
      assertTrue(three.accepts(1000, 999.6));
      assertFalse(three.accepts(999, 999.6));
    }

    @Test
    void aZeroReferenceAcceptsOnlyZero() {
      assertTrue(three.accepts(0, 0));
      assertTrue(three.accepts(-0.0, 0));
      assertTrue(three.accepts(0, -0.0));
      assertFalse(three.accepts(1e-12, 0));
    }

    @Test
    void range() {
      assertThrows(IllegalArgumentException.class, () -> new Tolerance.SignificantFigures(0));
      assertThrows(IllegalArgumentException.class, () -> new Tolerance.SignificantFigures(16));
      new Tolerance.SignificantFigures(1);
    }
  }

  @Nested
  class Relative {

    @Test
    void relativePartScalesWithTheReference() {
      Tolerance permille = new Tolerance.Relative(1e-3, 0);
      assertTrue(permille.accepts(1.001, 1.0));
      assertTrue(permille.accepts(0.999, 1.0));
      assertFalse(permille.accepts(1.0011, 1.0));
      assertTrue(permille.accepts(-2002, -2000));
      assertFalse(permille.accepts(-2002.1, -2000));
      assertTrue(permille.accepts(0, 0));
      assertFalse(permille.accepts(1e-300, 0));
    }

    @Test
    void absolutePartCoversValuesNearZero() {
      Tolerance absolute = new Tolerance.Relative(0, 1e-4);
      assertTrue(absolute.accepts(1e-4, 0));
      assertTrue(absolute.accepts(-1e-4, 0));
      assertFalse(absolute.accepts(1.01e-4, 0));
      assertTrue(absolute.accepts(100.0001, 100));
      assertFalse(absolute.accepts(100.00011, 100));
    }

    @Test
    void bothPartsAdd() {
      Tolerance both = new Tolerance.Relative(1e-2, 1e-3);
      // width at 10 is 0.001 + 0.1
      assertTrue(both.accepts(10.101, 10));
      assertFalse(both.accepts(10.102, 10));
    }

    @Test
    void rejectsNegativeOrAllZeroWidths() {
      assertThrows(IllegalArgumentException.class, () -> new Tolerance.Relative(0, 0));
      assertThrows(IllegalArgumentException.class, () -> new Tolerance.Relative(-1e-3, 1e-3));
      assertThrows(IllegalArgumentException.class, () -> new Tolerance.Relative(1e-3, -1e-3));
      assertThrows(IllegalArgumentException.class, () -> new Tolerance.Relative(Double.NaN, 1e-3));
    }
  }

  @Nested
  class AsWritten {

    private final Tolerance four = new Tolerance.AsWritten(4);
    private final double h1 = 0.46211715726000974;

    @Test
    void judgesAValueAtTheDecimalsWritten() {
      assertTrue(four.accepts(0.462117, 6, h1));
      assertFalse(four.accepts(0.462120, 6, h1)); // a slip in the 6th written decimal
      assertFalse(four.accepts(0.46215, 5, h1));
      assertTrue(four.accepts(0.46212, 5, h1));
    }

    @Test
    void neverJudgesAtFewerDecimalsThanTheMinimum() {
      assertTrue(four.accepts(0.4621, 4, h1));
      assertFalse(four.accepts(0.462, 3, h1));
      assertFalse(four.accepts(0.46, 2, h1));
    }

    @Test
    void unknownDecimalsAreJudgedAtTheMinimum() {
      assertTrue(four.accepts(0.46215, -1, h1));
      assertTrue(four.accepts(0.46215, h1));
      assertFalse(four.accepts(0.4622, h1));
    }

    @Test
    void moreThanFifteenWrittenDecimalsAreJudgedAtFifteen() {
      assertTrue(four.accepts(h1, 20, h1));
      assertTrue(four.accepts(h1 + 4e-16, 20, h1));
    }

    @Test
    void rangeAndHalfWidth() {
      assertThrows(IllegalArgumentException.class, () -> new Tolerance.AsWritten(-1));
      assertThrows(IllegalArgumentException.class, () -> new Tolerance.AsWritten(16));
      assertEquals(0.5e-4, four.halfWidth(123), 1e-18);
    }
  }

  @Nested
  class WithinBudget {

    @Test
    void acceptsWithinTheBasesWidthPlusTheDrift() {
      Tolerance budgeted = new Tolerance.WithinBudget(new Tolerance.DecimalPlaces(2), List.of(Tensor.vector(0.03)));
      assertTrue(budgeted.accepts(1.035, 1.0));
      assertFalse(budgeted.accepts(1.036, 1.0));
      assertEquals(0.035, budgeted.halfWidth(1.0), 1e-15);
    }

    @Test
    void anAnswerWithMoreDecimalsIsJudgedWithTheDriftOfWorkAtThoseDecimals() {
      Tolerance budgeted = new Tolerance.WithinBudget(new Tolerance.AsWritten(2),
          List.of(Tensor.vector(0.011), Tensor.vector(0.0011), Tensor.vector(0.00011)));
      assertTrue(budgeted.accepts(1.016, 2, 1.0, 0)); // 0.005 + 0.011
      assertFalse(budgeted.accepts(1.0161, 3, 1.0, 0));
      assertTrue(budgeted.accepts(1.00015, 4, 1.0, 0)); // 0.00005 + 0.00011
      assertFalse(budgeted.accepts(1.0002, 4, 1.0, 0));
      assertTrue(budgeted.accepts(1.00011, 6, 1.0, 0)); // past the last precision known: its drift
      assertTrue(budgeted.accepts(1.016, -1, 1.0, 0)); // decimals unknown: the coarsest
    }

    @Test
    void eachEntryHasItsOwnDrift() {
      Tolerance budgeted = new Tolerance.WithinBudget(new Tolerance.DecimalPlaces(4), List.of(Tensor.vector(0, 0.001)));
      assertFalse(budgeted.accepts(1.0005, 4, 1.0, 0));
      assertTrue(budgeted.accepts(1.0005, 4, 1.0, 1));
    }

    @Test
    void isAddedOnceAndEveryPrecisionCoversEveryEntry() {
      Tolerance budgeted = new Tolerance.WithinBudget(new Tolerance.DecimalPlaces(2), List.of(Tensor.vector(0.03)));
      assertThrows(IllegalArgumentException.class, () -> new Tolerance.WithinBudget(budgeted,
          List.of(Tensor.vector(0.03))));
      assertThrows(IllegalArgumentException.class, () -> new Tolerance.WithinBudget(new Tolerance.AsWritten(2),
          List.of(Tensor.vector(0.03, 0.01), Tensor.vector(0.003))));
      assertThrows(IllegalArgumentException.class, () -> new Tolerance.WithinBudget(new Tolerance.AsWritten(2),
          List.of()));
    }
  }

  @Test
  void halfWidthsOfTheBasicModes() {
    assertEquals(0.5e-4, new Tolerance.DecimalPlaces(4).halfWidth(-7), 1e-18);
    assertEquals(0.5e-5, new Tolerance.SignificantFigures(3).halfWidth(0.0012345), 1e-18);
    assertEquals(0.0, new Tolerance.SignificantFigures(3).halfWidth(0), 0);
    assertEquals(1e-4 + 1e-2, new Tolerance.Relative(1e-3, 1e-4).halfWidth(-10), 1e-15);
  }

  @Test
  void notANumberIsNeverAccepted() {
    assertFalse(new Tolerance.DecimalPlaces(4).accepts(Double.NaN, 0.5));
    assertFalse(new Tolerance.SignificantFigures(3).accepts(Double.NaN, 0.5));
    assertFalse(new Tolerance.Relative(1e-3, 1e-4).accepts(Double.NaN, 0.5));
  }
}
