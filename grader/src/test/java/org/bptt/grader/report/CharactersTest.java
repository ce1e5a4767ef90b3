package org.bptt.grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** What XML 1.0 and UTF-8 cannot hold is replaced, and nothing else is touched. */
class CharactersTest {

  @Test
  void xmlRefusesControlCharactersNoncharactersAndLoneSurrogates() {
    assertEquals("a\uFFFDb\uFFFDc\uFFFDd\uFFFD\t\n\r\uD83D\uDE00", Characters.xml("a\u0000b\u001bc\uFFFEd\uD800\t\n\r\uD83D\uDE00"));
    String clean = "plain text, é and ∂L/∂h";
    assertSame(clean, Characters.xml(clean));
  }

  /**
   * Markdown that a terminal may show raw: what would act (ESC starting a colour, a bare carriage
   * return, a bidirectional override, a line separator, a C1 control, a lone surrogate) is written
   * as an escape; the page's own line breaks, tabs, joiners and everything printable stay.
   */
  @Test
  void markdownShowsWhatWouldActOnATerminal() {
    assertEquals("| a\\u001b[31m | b\\r | \\u202eX | \\u2028 | \\u009b | \\ud800 |\r\n",
        Characters.markdown("| a\u001b[31m | b\r | \u202eX | \u2028 | \u009b | \uD800 |\r\n"));
    String clean = "## Title\n\n| `h[1]` | é, ∂L/∂h, 👩\u200D💻, \u0645\u06CC\u200C\u062E |\t\n";
    assertSame(clean, Characters.markdown(clean));
  }

  @Test
  void wellFormedReplacesOnlyLoneSurrogates() {
    assertEquals("a\uFFFDb\u0001\uD83D\uDE00", Characters.wellFormed("a\uDC00b\u0001\uD83D\uDE00"));
  }
}
