package org.bptt.grader.report;

import java.util.function.IntPredicate;
import org.bptt.grader.error.ErrorLine;

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

  /**
   * Markdown as a terminal or a CI log may show it raw: every character {@link ErrorLine#isHidden}
   * holds hidden (an escape sequence, a bare carriage return, a bidirectional override) written as
   * {@link ErrorLine#escape} does, except the line breaks and tabs of the page itself ({@code \n},
   * {@code \r\n}, {@code \t}). The templates' {@code md} and {@code code} functions have already
   * turned every line break inside a value into a space.
   */
  static String markdown(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      boolean layout = codePoint == '\n' || codePoint == '\t'
          || codePoint == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
      if (!layout && ErrorLine.isHidden(codePoint)) {
        if (out == null) {
          out = new StringBuilder(text.length() + 16).append(text, 0, i);
        }
        out.append(ErrorLine.escape(codePoint));
      } else if (out != null) {
        out.appendCodePoint(codePoint);
      }
      i += Character.charCount(codePoint);
    }
    return out == null ? text : out.toString();
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
