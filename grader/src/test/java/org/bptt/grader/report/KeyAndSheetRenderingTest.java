package org.bptt.grader.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keys and sheets are small, self-contained, and the same bytes every time. */
class KeyAndSheetRenderingTest {

  private static final int MAX_BYTES = 100 * 1024;
  private static final int MAX_GATED_KEY_BYTES = 128 * 1024;

  /**
   * Keys of every quantity and of the asked ones (what {@code solve} writes), and sheets. A gated
   * cell's key of every quantity is exempt from the size bound: with every sensitivity of twelve
   * gate weights and the pair Jacobians of every two steps it runs to a few hundred KB for the
   * 8-step LSTM; its key of the asked quantities is bounded like the others. Keys have no script; a
   * sheet has exactly one, inline: its answer form's (it reads and writes nothing but the page, a
   * download and the browser's local storage; see sheet.html.ftlh).
   */
  @Test
  void htmlKeysAndSheetsFetchNothingAndStaySmall() {
    for (KeySheetRendering.Solved solved : KeySheetRendering.all()) {
      KeySheetRendering.Solved asked = KeySheetRendering.asked(solved);
      boolean elman = solved.exercise().model().kind() == org.bptt.grader.exercise.ModelKind.ELMAN;
      String full = KeySheetRendering.key(solved, ReportRenderer.KEY_HTML, 6);
      String askedKey = KeySheetRendering.key(asked, ReportRenderer.KEY_HTML, 6);
      String sheet = KeySheetRendering.sheet(solved, ReportRenderer.SHEET_HTML);
      for (String key : List.of(full, askedKey)) {
        assertFalse(key.contains("<script"), solved.file() + ": no script in a key");
      }
      assertEquals(1, sheet.split("<script", -1).length - 1, solved.file() + ": the sheet's one script");
      assertTrue(sheet.contains("<script>\n"), solved.file() + ": inline, nothing loaded");
      for (String forbidden : List.of("fetch(", "XMLHttpRequest", "WebSocket", "src=", "eval(", "innerHTML")) {
        assertFalse(sheet.contains(forbidden), solved.file() + ": the sheet's script uses no " + forbidden);
      }
      for (String html : List.of(full, askedKey, sheet)) {
        assertFalse(html.contains("http://") || html.contains("https://"), solved.file() + ": no network address");
        int bytes = html.getBytes(StandardCharsets.UTF_8).length;
        // a gated cell's formulas are four or five times an Elman cell's: its key of the asked
        // quantities may run to 128 KB (the 8-step LSTM's is about 110 KB, 64 KB of it MathML)
        int bound = elman ? MAX_BYTES : MAX_GATED_KEY_BYTES;
        assertTrue(bytes < bound || (html == full && !elman), solved.file() + ": " + bytes + " bytes");
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.strip().endsWith("</html>"), solved.file());
      }
    }
  }

  @Test
  void renderingTwiceGivesTheSameBytes() {
    for (KeySheetRendering.Solved first : KeySheetRendering.all()) {
      KeySheetRendering.Solved second = KeySheetRendering.solve(first.file());
      for (String template : List.of(ReportRenderer.KEY_HTML, ReportRenderer.KEY_MARKDOWN)) {
        assertArrayEquals(bytes(KeySheetRendering.key(first, template, 6)),
            bytes(KeySheetRendering.key(second, template, 6)), first.file() + " " + template);
      }
      for (String template : List.of(ReportRenderer.SHEET_HTML, ReportRenderer.SHEET_MARKDOWN)) {
        assertArrayEquals(bytes(KeySheetRendering.sheet(first, template)),
            bytes(KeySheetRendering.sheet(second, template)), first.file() + " " + template);
      }
    }
  }

  @Test
  void htmlEscapesTextButKeepsTheGradersMathMl() {
    KeySheetRendering.Solved solved = KeySheetRendering.solve("seed-001-char-rnn-hello.yaml");
    String key = KeySheetRendering.key(solved, ReportRenderer.KEY_HTML, 6);
    assertTrue(key.contains("Character-level RNN: &#39;hell&#39; predicts &#39;ello&#39;"), "the title is escaped");
    assertTrue(key.contains("<math display=\"inline\">"), "MathML is printed as markup");
    assertFalse(key.contains("&lt;math"), "MathML is not escaped");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
