package org.bptt.grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bptt.grader.solver.AskedQuantities;
import org.junit.jupiter.api.Test;

/** The answer key shows what the seed documents show, in their layout, and every asked quantity. */
class AnswerKeyTest {

  private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?");

  /** Every number seed document 000 prints, in its order, as printed. */
  private static final List<String> SEED_000_NUMBERS = List.of(
      // forward table: a_t, h_t, y_t for t = 1, 2, 3
      "0.5000", "0.4621", "0.4621", "1.0462", "0.7803", "0.7803", "1.5780", "0.9183", "0.9183",
      "0.1940", // L
      "-0.5817", "-0.5817", "-0.09117", "-0.009117", // t = 3: dy, dh, da, error passed back
      "-0.2197", "-0.2288", "-0.08948", "-0.008948", // t = 2
      "-0.03788", "-0.04683", "-0.03683", // t = 1
      "-0.48930", "-0.11249", "-0.72310", // summed gradients
      "0.54893", "0.11125", "1.07231"); // updated weights

  @Test
  void seed000KeyShowsEveryNumberTheDocumentPrints() {
    String key = KeySheetRendering.key(KeySheetRendering.solve("seed-000-tanh-three-steps.yaml"),
        ReportRenderer.KEY_MARKDOWN, 6);
    List<BigDecimal> numbers = new ArrayList<>();
    Matcher matcher = NUMBER.matcher(key);
    while (matcher.find()) {
      numbers.add(new BigDecimal(matcher.group()));
    }
    List<String> missing = new ArrayList<>();
    for (String printed : SEED_000_NUMBERS) {
      if (numbers.stream().noneMatch(number -> roundsTo(number, printed))) {
        missing.add(printed);
      }
    }
    assertEquals(List.of(), missing, "numbers of seed document 000 that no number in the key rounds to");
  }

  /** The recursion's values stand in the rows seed 000 computes them in, t = 3 down to 1. */
  @Test
  void seed000BackwardStepsFollowTheDocument() {
    String key = KeySheetRendering.key(KeySheetRendering.solve("seed-000-tanh-three-steps.yaml"),
        ReportRenderer.KEY_MARKDOWN, 6);
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("dL/do[3]", "-0.5817");
    expected.put("dL/dh[3]", "-0.5817");
    expected.put("dL/da[3]", "-0.09117");
    expected.put("W_hh^T dL/da[3]", "-0.009117");
    expected.put("dL/do[2]", "-0.2197");
    expected.put("dL/dh[2]", "-0.2288");
    expected.put("dL/da[2]", "-0.08948");
    expected.put("W_hh^T dL/da[2]", "-0.008948");
    expected.put("dL/do[1]", "-0.03788");
    expected.put("dL/dh[1]", "-0.04683");
    expected.put("dL/da[1]", "-0.03683");
    expected.put("dL/dW_xh", "-0.48930");
    expected.put("dL/dW_hh", "-0.11249");
    expected.put("dL/dW_hy", "-0.72310");
    expected.put("updated.W_xh", "0.54893");
    expected.put("updated.W_hh", "0.11125");
    expected.put("updated.W_hy", "1.07231");
    Map<String, String> rows = rows(key);
    for (Map.Entry<String, String> entry : expected.entrySet()) {
      String value = rows.get(entry.getKey());
      assertTrue(value != null, "no row for " + entry.getKey());
      assertTrue(roundsTo(new BigDecimal(value), entry.getValue()), entry.getKey() + " = " + value);
    }
    int t3 = key.indexOf("#### t = 3");
    int t2 = key.indexOf("#### t = 2");
    int t1 = key.indexOf("#### t = 1");
    int sums = key.indexOf("### Summed gradients");
    int update = key.indexOf("### Update");
    assertTrue(key.indexOf("### Forward pass") < t3 && t3 < t2 && t2 < t1 && t1 < sums && sums < update,
        "forward table, then t = 3, 2, 1, then the sums, then the update");
    assertTrue(key.indexOf("`dL/do[3]`") < key.indexOf("`W_hh^T dL/da[4]`")
        && key.indexOf("`W_hh^T dL/da[4]`") < key.indexOf("`dL/dh[3]`")
        && key.indexOf("`dL/dh[3]`") < key.indexOf("`dL/da[3]`")
        && key.indexOf("`dL/da[3]`") < key.indexOf("`dL/dW_hy[3]`"), "dy, dh_next, dh, da, contributions");
  }

  @Test
  void keysUseTheDocumentsNotationWithTheCanonicalNameAlongside() {
    String key = KeySheetRendering.key(KeySheetRendering.solve("seed-002-forward-sensitivities.yaml"),
        ReportRenderer.KEY_MARKDOWN, 4);
    assertTrue(key.contains("| `dL/dU` (`dL/dW_hh`) |"), "dL/dU with dL/dW_hh alongside");
    assertTrue(key.contains("`a[t] = w x[t] + U h[t-1] + b`"), "the model in the document's symbols");
    assertTrue(key.contains("`U^T dL/da[3]` (`W_hh^T dL/da[3]`)"), "the error from t+1 in the document's symbols");
  }

  @Test
  void everyQuantityOfTheGraphIsInTheKey() {
    for (KeySheetRendering.Solved solved : KeySheetRendering.all()) {
      SolutionView view = SolutionViews.of(solved.exercise(), solved.graph(), 6);
      List<String> names = new ArrayList<>();
      view.given().forEach(row -> names.add(row.name()));
      names.add(view.totalLoss().name());
      view.gradients().forEach(row -> names.add(row.name()));
      for (SolutionView.SequenceView sequence : view.sequences()) {
        sequence.losses().forEach(row -> names.add(row.name()));
        for (SolutionView.StepView step : sequence.backward()) {
          step.errors().forEach(row -> names.add(row.name()));
          step.contributions().forEach(row -> names.add(row.name()));
        }
      }
      view.sections().forEach(section -> section.rows().forEach(row -> names.add(row.name())));
      Pattern forwardColumn = Pattern.compile(
          "(s\\d+\\.)?(x|a|a_i|a_f|a_g|a_o|i|f|g|og|c|a_r|a_z|r|z|a_hn|a_n|n|h|o|y|pred|target|L)\\[\\d+]");
      for (String name : AskedQuantities.expand(solved.exercise().asked(), solved.graph())) {
        assertTrue(names.contains(name) || forwardColumn.matcher(name).matches(),
            solved.file() + ": asked " + name + " is not in the key");
      }
      for (String name : solved.graph().names()) {
        assertTrue(names.contains(name) || forwardColumn.matcher(name).matches(),
            solved.file() + ": " + name + " is not in the key");
      }
    }
  }

  /** The key's rows, quantity name to value, from its Markdown tables. */
  private static Map<String, String> rows(String markdown) {
    Map<String, String> rows = new LinkedHashMap<>();
    Pattern row = Pattern.compile("^\\| `([^`]+)`(?: \\(`[^`]+`\\))? \\| `([^`]+)` \\|", Pattern.MULTILINE);
    Matcher matcher = row.matcher(markdown);
    while (matcher.find()) {
      rows.putIfAbsent(matcher.group(1), matcher.group(2));
    }
    return rows;
  }

  /** Whether a number, rounded to the decimals of a printed one, is that printed number. */
  private static boolean roundsTo(BigDecimal number, String printed) {
    BigDecimal target = new BigDecimal(printed);
    return number.setScale(target.scale(), RoundingMode.HALF_UP).compareTo(target) == 0
        || number.setScale(target.scale(), RoundingMode.HALF_EVEN).compareTo(target) == 0;
  }
}
