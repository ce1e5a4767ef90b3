package org.bptt.grader.report;

import java.util.ArrayList;
import java.util.List;
import org.bptt.grader.exercise.Notation;
import org.bptt.grader.grading.Finding;
import org.bptt.grader.grading.QuantityResult;
import org.bptt.grader.grading.Tolerance;
import org.bptt.grader.present.Numbers;
import org.bptt.grader.value.Label;

/**
 * The wording of grading: the feedback sentence for each kind of {@link Finding} and the
 * description of each {@link Tolerance}, the same in every report, the text summary and the JSON
 * summary. Quantities are named in the document's notation. The subtypes are told apart by
 * instanceof (a switch over them is a preview feature in Java 17); FeedbackTest checks that every
 * permitted subtype has its wording.
 */
public final class Feedback {

  private Feedback() {}

  /** The feedback on one graded quantity, everything shown: "Expected 0.7174 (to 4 decimals). h[2]: hidden state tanh(a[t])." */
  public static String sentence(QuantityResult result, Notation notation) {
    return sentence(result, notation, Reveal.FULL);
  }

  /**
   * The feedback on one graded quantity at a reveal level. {@code score} and {@code verdicts}: no
   * feedback on the answer itself (only why a quantity was not graded or could not be read).
   * {@code hints}: the misconception's explanation, the earlier answers an error was carried from,
   * which entries are off and the tolerance, but never a reference value nor a number computed from
   * one. {@code full}: everything.
   */
  public static String sentence(QuantityResult result, Notation notation, Reveal reveal) {
    if (reveal == Reveal.FULL) {
      return full(result, notation);
    }
    Finding finding = result.finding();
    if (finding instanceof Finding.Missing) {
      return "Not answered.";
    }
    if (finding instanceof Finding.Invalid invalid) {
      return invalid.problem(); // the loader's message: where the answer is and what was expected, from the file
    }
    if (finding instanceof Finding.NotGradable reason) {
      return notGradable(reason);
    }
    if (reveal != Reveal.HINTS) {
      return "";
    }
    if (finding instanceof Finding.Correct) {
      return full(result, notation);
    }
    if (finding instanceof Finding.CarriedForward carried) {
      List<String> basedOn = carried.basedOn();
      String from = basedOn.isEmpty() ? "your own rounded earlier values" : "your own "
          + documentNames(basedOn, notation) + ", which " + (basedOn.size() == 1 ? "was" : "were") + " wrong";
      return "Not the reference value, but it follows correctly from " + from
          + ": the error is counted where it was made" + (result.credit() >= 1 ? ", full credit here."
          : ", credit " + Numbers.format(result.credit(), 3) + " here.");
    }
    if (finding instanceof Finding.Wrong wrong) {
      if (wrong.diagnosis() != null) {
        return notation.render(wrong.diagnosis().explanation());
      }
      String judged = result.expected() instanceof Label ? "" : " (judged to " + describe(result.tolerance()) + ")";
      return "Not the reference value" + judged + offPositions(wrong.off()) + ". " + result.documentName() + ": "
          + notation.render(result.meaning()) + ".";
    }
    throw new IllegalArgumentException("no wording for " + finding);
  }

  /** "; entries 3, (2,1) are off": where a vector or matrix is off, without any value. */
  private static String offPositions(List<Finding.OffEntry> entries) {
    if (entries.isEmpty()) {
      return "";
    }
    List<String> off = new ArrayList<>();
    for (Finding.OffEntry entry : entries) {
      off.add(entry.inMatrix() ? "(" + entry.row() + "," + entry.column() + ")" : Integer.toString(entry.index()));
    }
    return "; " + (off.size() == 1 ? "entry " : "entries ") + String.join(", ", off)
        + (off.size() == 1 ? " is" : " are") + " off";
  }

  private static String full(QuantityResult result, Notation notation) {
    Finding finding = result.finding();
    if (finding instanceof Finding.Correct) {
      // a character is right or not: no precision to speak of
      // a character is right or not: no precision to speak of; a value within its rounding budget
      // is simply correct, with no word about rounding
      Tolerance tolerance = result.tolerance() instanceof Tolerance.WithinBudget budget ? budget.base()
          : result.tolerance();
      return result.expected() instanceof Label ? "Correct." : "Correct (to " + describe(tolerance) + ").";
    }
    if (finding instanceof Finding.CarriedForward carried) {
      return carriedForward(result, carried, notation);
    }
    if (finding instanceof Finding.Wrong wrong) {
      return wrong(result, wrong, notation);
    }
    if (finding instanceof Finding.Missing) {
      return "Not answered.";
    }
    if (finding instanceof Finding.Invalid invalid) {
      return invalid.problem();
    }
    if (finding instanceof Finding.NotGradable reason) {
      return notGradable(reason);
    }
    throw new IllegalArgumentException("no wording for " + finding);
  }

  /** What a tolerance accepts, as feedback names it: "4 decimals", "3 significant figures". */
  public static String describe(Tolerance tolerance) {
    return describe(tolerance, -1);
  }

  /** As {@link #describe(Tolerance)}, for an answer written with {@code writtenDecimals} decimals (-1: unknown). */
  public static String describe(Tolerance tolerance, int writtenDecimals) {
    if (tolerance instanceof Tolerance.AsWritten asWritten) {
      int minimum = asWritten.minimumDecimals();
      return "the decimals written, at least " + minimum + (minimum == 1 ? " decimal" : " decimals");
    }
    if (tolerance instanceof Tolerance.DecimalPlaces decimals) {
      return decimals.places() + " decimals";
    }
    if (tolerance instanceof Tolerance.SignificantFigures significant) {
      return significant.figures() + " significant figures";
    }
    if (tolerance instanceof Tolerance.Relative relative) {
      return "within " + Numbers.format(relative.absolute(), 6) + " + " + Numbers.format(relative.relative(), 6)
          + " x |value|";
    }
    if (tolerance instanceof Tolerance.WithinBudget budget) {
      return describe(budget.base()) + ", with up to " + Numbers.format(budget.largestAllowance(writtenDecimals), 2)
          + " more for the rounding of the given data and of the working values before it";
    }
    throw new IllegalArgumentException("no wording for " + tolerance);
  }

  private static String carriedForward(QuantityResult result, Finding.CarriedForward carried, Notation notation) {
    List<String> basedOn = carried.basedOn();
    String from = basedOn.isEmpty() ? "your own rounded earlier values" : "your own " + documentNames(basedOn, notation)
        + ", which " + (basedOn.size() == 1 ? "was" : "were") + " wrong";
    return "Not the reference value " + asJudged(result) + ", but it follows correctly from " + from
        + ": the error is counted where it was made" + (result.credit() >= 1 ? ", full credit here."
        : ", credit " + Numbers.format(result.credit(), 3) + " here.");
  }

  private static String wrong(QuantityResult result, Finding.Wrong wrong, Notation notation) {
    if (wrong.diagnosis() != null) {
      return notation.render(wrong.diagnosis().explanation()) + " Expected " + asJudged(result) + ".";
    }
    String judged = result.expected() instanceof Label ? ""
        : " (to " + describe(result.tolerance(), result.writtenDecimalsOf(0)) + ")";
    return "Expected " + asJudged(result) + judged
        + offEntries(result, wrong.off()) + ". " + result.documentName() + ": " + notation.render(result.meaning()) + ".";
  }

  /**
   * "; entry 3: 0.0703 for 0.0702 is off", or nothing when no entries are listed: each entry as the
   * student wrote it, for the reference at the precision it was judged at.
   */
  private static String offEntries(QuantityResult result, List<Finding.OffEntry> entries) {
    if (entries.isEmpty()) {
      return "";
    }
    List<String> off = new ArrayList<>();
    for (Finding.OffEntry entry : entries) {
      String position = entry.inMatrix() ? "(" + entry.row() + "," + entry.column() + ")"
          : Integer.toString(entry.index());
      int written = result.writtenDecimalsOf(entry.index() - 1);
      int judged = judgedDecimals(result.tolerance(), written);
      off.add(position + ": " + (written >= 0 ? Numbers.formatDecimals(entry.submitted(), written)
          : Numbers.format(entry.submitted(), 6)) + " for " + (judged >= 0
          ? Numbers.formatDecimals(entry.reference(), judged) : Numbers.format(entry.reference(), 4)));
    }
    return "; " + (off.size() == 1 ? "entry " : "entries ") + String.join(", ", off)
        + (off.size() == 1 ? " is" : " are") + " off";
  }


  private static String notGradable(Finding.NotGradable reason) {
    return "Not graded: rounding the given values to their printed precision and the working values to the "
        + "exercise's can change this quantity by " + (reason.unbounded() ? "its whole value"
        : "up to " + Numbers.format(reason.spread(), 2)) + (reason.training()
        ? " (the training run is chaotic at this learning rate)" : "")
        + ", so no answer can be checked against it at this precision.";
  }

  private static String documentNames(List<String> names, Notation notation) {
    return String.join(", ", names.stream().map(notation::render).toList());
  }

  /**
   * The reference value at the precision the answer was judged at: 1.0462 for 1.046165 judged at 4
   * decimals, each entry of a vector at its own; 4 significant digits where no precision in
   * decimals applies.
   */
  static String asJudged(QuantityResult result) {
    return Numbers.formatAt(result.expected(), index -> judgedDecimals(result.tolerance(),
        result.writtenDecimalsOf(index)), 4);
  }

  /** The decimals a tolerance judges an entry at, given the decimals written (-1: unknown); -1 when not in decimals. */
  private static int judgedDecimals(Tolerance tolerance, int written) {
    if (tolerance instanceof Tolerance.AsWritten asWritten) {
      return Math.max(written, asWritten.minimumDecimals());
    }
    if (tolerance instanceof Tolerance.DecimalPlaces decimals) {
      return decimals.places();
    }
    if (tolerance instanceof Tolerance.WithinBudget budget) {
      return judgedDecimals(budget.base(), written);
    }
    return -1;
  }
}
