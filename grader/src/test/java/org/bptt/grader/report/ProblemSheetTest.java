package org.bptt.grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bptt.grader.present.Numbers;
import org.bptt.grader.solver.AskedQuantities;
import org.bptt.grader.solver.Quantity;
import org.bptt.grader.solver.Stage;
import org.bptt.grader.value.Tensor;
import org.bptt.grader.value.Value;
import org.junit.jupiter.api.Test;

/** A problem sheet gives the setup and says what to compute, and never an answer. */
class ProblemSheetTest {

  /** Unsigned numbers as a sheet prints them: 0.4621, 12, 4.8e-3. */
  private static final Pattern NUMBER = Pattern.compile("(?<![\\d.])\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?");

  @Test
  void sheetsContainNoReferenceValueOfAnyAskedQuantity() {
    for (KeySheetRendering.Solved solved : KeySheetRendering.all()) {
      for (String template : List.of(ReportRenderer.SHEET_MARKDOWN, ReportRenderer.SHEET_HTML)) {
        assertEquals(List.of(), leaks(solved, KeySheetRendering.sheet(solved, template)),
            solved.file() + " " + template + " shows reference values");
      }
    }
  }

  /** The check itself works: an answer key, which shows every value, fails it. */
  @Test
  void theCheckFindsTheValuesInAnAnswerKey() {
    for (KeySheetRendering.Solved solved : KeySheetRendering.all()) {
      List<String> leaks = leaks(solved, KeySheetRendering.key(solved, ReportRenderer.KEY_MARKDOWN, 6));
      assertTrue(leaks.size() > 10, solved.file() + ": " + leaks);
    }
  }

  /**
   * The asked quantities whose reference value, to 4 to 8 significant digits, is a number printed
   * in the text. Entries equal to a given value (h0, an input, a weight whose gradient entry is 0)
   * and entries with fewer than 4 significant digits (0, 0.5) are skipped: the text shows those
   * as data.
   */
  private static List<String> leaks(KeySheetRendering.Solved solved, String text) {
    Set<Double> given = new HashSet<>();
    for (Quantity quantity : solved.graph().quantities()) {
      if (quantity.stage() == Stage.GIVEN) {
        for (double entry : ((Tensor) solved.graph().value(quantity.name())).toArray()) {
          given.add(entry);
        }
      }
    }
    Set<String> printed = new HashSet<>();
    Matcher matcher = NUMBER.matcher(text);
    while (matcher.find()) {
      printed.add(matcher.group());
    }
    List<String> leaks = new ArrayList<>();
    for (String name : AskedQuantities.expand(solved.exercise().asked(), solved.graph())) {
      Value value = solved.graph().value(name);
      if (!(value instanceof Tensor tensor)) {
        continue; // a predicted character is a symbol of the vocabulary, which a sheet must show
      }
      for (double entry : tensor.toArray()) {
        if (given.contains(entry)) {
          continue;
        }
        for (int digits = 4; digits <= 8; digits++) {
          String number = Numbers.format(Math.abs(entry), digits);
          if (significantDigits(number) >= 4 && printed.contains(number)) {
            leaks.add(name + " = " + number);
            break;
          }
        }
      }
    }
    return leaks;
  }

  @Test
  void sheetListsTheGivenValuesAndEveryAskedQuantityWithItsShape() {
    KeySheetRendering.Solved solved = KeySheetRendering.solve("seed-002-forward-sensitivities.yaml");
    String sheet = KeySheetRendering.sheet(solved, ReportRenderer.SHEET_MARKDOWN);
    for (String name : AskedQuantities.expand(solved.exercise().asked(), solved.graph())) {
      String documentName = solved.exercise().notation().render(name);
      assertTrue(sheet.contains("`" + documentName + "`"), "asked " + documentName + " is on the sheet");
    }
    assertTrue(sheet.contains("| `U` (`W_hh`) | `0.5` | a number |"), "U given, in the document's notation");
    assertTrue(sheet.contains("| `2` | `0.8` | `0.6` |"), "the data");
    assertTrue(sheet.contains("**Learning rate:** η = 0.1"), "the learning rate");
    assertTrue(sheet.contains("`L[t] = 1/2 sum_k (y[t]_k - target[t]_k)^2`"), "the loss with its scale");

    SheetView vectors = SheetViews.of(KeySheetRendering.solve("seed-003-vector-bptt.yaml").exercise(),
        KeySheetRendering.solve("seed-003-vector-bptt.yaml").graph());
    List<String> shapes = vectors.asked().stream().flatMap(group -> group.quantities().stream())
        .map(SheetView.AskedView::shape).distinct().toList();
    assertTrue(shapes.containsAll(List.of("a number", "a list of 3", "a list of 2", "3x3 matrix", "3x2 matrix")),
        shapes.toString());
  }

  @Test
  void textExerciseSheetShowsTheTextAndTheVocabulary() {
    String sheet = KeySheetRendering.sheet(KeySheetRendering.solve("seed-001-char-rnn-hello.yaml"),
        ReportRenderer.SHEET_HTML);
    assertTrue(sheet.contains("Input text <code>hell</code>, target text <code>ello</code>"), "the text");
    assertTrue(sheet.contains("<code>h e l o</code>"), "the vocabulary");
    assertTrue(sheet.contains("h = [1, 0, 0, 0]"), "one-hot inputs");
  }

  private static int significantDigits(String text) {
    return new BigDecimal(text).stripTrailingZeros().precision();
  }
}
