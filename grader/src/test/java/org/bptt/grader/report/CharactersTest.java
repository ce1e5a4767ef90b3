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

  @Test
  void wellFormedReplacesOnlyLoneSurrogates() {
    assertEquals("a\uFFFDb\u0001\uD83D\uDE00", Characters.wellFormed("a\uDC00b\u0001\uD83D\uDE00"));
  }
}
