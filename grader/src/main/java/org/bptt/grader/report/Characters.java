package org.bptt.grader.report;

import java.util.function.IntPredicate;

/** What the written files may hold, character by character: one place for each filter. */
final class Characters {

  private Characters() {}

  /** The text with every lone surrogate (which UTF-8 cannot encode) replaced by U+FFFD. */
  static String wellFormed(String text) {
    return replace(text, codePoint -> Character.getType(codePoint) == Character.SURROGATE);
  }

  /**
   * The text with every character XML 1.0 does not allow (NUL, control characters but tab,
   * newline and return, U+FFFE, U+FFFF, a lone surrogate) replaced by U+FFFD.
   */
  static String xml(String text) {
    return replace(text, codePoint -> !(codePoint == '\t' || codePoint == '\n' || codePoint == '\r'
        || (codePoint >= 0x20 && codePoint <= 0xD7FF) || (codePoint >= 0xE000 && codePoint <= 0xFFFD)
        || (codePoint >= 0x10000 && codePoint <= 0x10FFFF)));
  }

  /** Unchanged (the same string) when nothing is refused, else a copy with U+FFFD for each refused character. */
  private static String replace(String text, IntPredicate refused) {
    if (text.codePoints().noneMatch(refused)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(codePoint -> out.appendCodePoint(refused.test(codePoint) ? 0xFFFD : codePoint));
    return out.toString();
  }
}
