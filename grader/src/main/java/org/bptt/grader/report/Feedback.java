package org.bptt.grader.report;

import java.util.ArrayList;
import java.util.List;
import org.bptt.grader.exercise.Notation;
import org.bptt.grader.grading.Finding;
import org.bptt.grader.grading.QuantityResult;
import org.bptt.grader.grading.Tolerance;
import org.bptt.grader.present.Numbers;
import org.bptt.grader.value.Label;
import org.bptt.grader.value.Value;

/**
 * The wording of grading: the feedback sentence for each kind of {@link Finding} and the
 * description of each {@link Tolerance}, the same in every report, the text summary and the JSON
 * summary. Quantities are named in the document's notation. The subtypes are told apart by
 * instanceof (a switch over them is a preview feature in Java 17); FeedbackTest checks that every
 * permitted subtype has its wording.
 */
public final class Feedback {

  private Feedback() {}

  /** The feedback on one graded quantity: "Expected 0.7174 (to 4 decimals). h[2]: hidden state tanh(a[t])." */
  public static String sentence(QuantityResult result, Notation notation) {
    Finding finding = result.finding();
    if (finding instanceof Finding.Correct) {
      // a character is right or not: no precision to speak of
      return result.expected() instanceof Label ? "Correct." : "Correct (to " + describe(result.tolerance()) + ").";
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
    if (tolerance instanceof Tolerance.Widened widened) {
      return describe(widened.base()) + ", widened by " + Numbers.format(widened.extra(), 2)
          + " because it depends on digits the sheet does not print";
    }
    throw new IllegalArgumentException("no wording for " + tolerance);
  }

  private static String carriedForward(QuantityResult result, Finding.CarriedForward carried, Notation notation) {
    List<String> basedOn = carried.basedOn();
    String from = basedOn.isEmpty() ? "your own rounded earlier values" : "your own " + documentNames(basedOn, notation)
        + ", which " + (basedOn.size() == 1 ? "was" : "were") + " wrong";
    return "Not the reference value " + show(result.expected()) + ", but it follows correctly from " + from
        + ": the error is counted where it was made" + (result.credit() >= 1 ? ", full credit here."
        : ", credit " + Numbers.format(result.credit(), 3) + " here.");
  }

  private static String wrong(QuantityResult result, Finding.Wrong wrong, Notation notation) {
    if (wrong.diagnosis() != null) {
      return wrong.diagnosis().explanation() + " Expected " + show(result.expected()) + ".";
    }
    String judged = result.expected() instanceof Label ? "" : " (to " + describe(result.tolerance()) + ")";
    return "Expected " + show(result.expected()) + judged
        + offEntries(wrong.off()) + ". " + result.documentName() + ": " + notation.render(result.meaning()) + ".";
  }

  /** "; entry 3: 0.0703 for 0.07024 is off", or nothing when no entries are listed. */
  private static String offEntries(List<Finding.OffEntry> entries) {
    if (entries.isEmpty()) {
      return "";
    }
    List<String> off = new ArrayList<>();
    for (Finding.OffEntry entry : entries) {
      String position = entry.inMatrix() ? "(" + entry.row() + "," + entry.column() + ")"
          : Integer.toString(entry.index());
      off.add(position + ": " + Numbers.format(entry.submitted(), 6) + " for " + Numbers.format(entry.reference(), 4));
    }
    return "; " + (off.size() == 1 ? "entry " : "entries ") + String.join(", ", off)
        + (off.size() == 1 ? " is" : " are") + " off";
  }

  private static String notGradable(Finding.NotGradable reason) {
    return "Not graded: this quantity changes by " + (reason.unbounded() ? "its whole value"
        : "up to " + Numbers.format(reason.spread(), 2)) + " when the given values move within their printed precision"
        + (reason.training() ? " (the training run is chaotic at this learning rate)" : "")
        + ", so no answer can be checked against it.";
  }

  private static String documentNames(List<String> names, Notation notation) {
    return String.join(", ", names.stream().map(notation::render).toList());
  }

  private static String show(Value value) {
    return Numbers.formatCompact(value, 4);
  }
}
