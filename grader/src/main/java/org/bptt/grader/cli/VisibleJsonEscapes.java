package org.bptt.grader.cli;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import org.bptt.grader.error.ErrorLine;

/**
 * JSON escapes for what the grader prints: besides the control characters JSON itself escapes,
 * every character {@link ErrorLine#isHidden} names (C1 controls, bidirectional overrides such as
 * U+202E, separators, lone surrogates) is written as its \\u escape, so a student's file name or id
 * read back from a terminal or a CI log shows what it is instead of reordering the line.
 */
final class VisibleJsonEscapes extends CharacterEscapes {

  private static final int[] ASCII = CharacterEscapes.standardAsciiEscapesForJSON();

  @Override
  public int[] getEscapeCodesForAscii() {
    return ASCII;
  }

  @Override
  public SerializableString getEscapeSequence(int ch) {
    return ErrorLine.isHidden(ch) ? new SerializedString(String.format(java.util.Locale.ROOT, "\\u%04x", ch)) : null;
  }
}
