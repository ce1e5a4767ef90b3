package org.bptt.grader.error;

/**
 * Every error a user sees, as one line: control characters (a newline or an escape sequence in a
 * file name, an id or a student's answer) are shown escaped, never acted on, and a very long
 * message is cut, so that one bad input cannot flood a CI log or a terminal.
 */
public final class ErrorLine {

  /** Long enough for a path, a location and a sentence; an echoed 900 KB id is cut well before that. */
  public static final int MAX_LENGTH = 400;

  private ErrorLine() {}

  /** Why a file operation failed, in words rather than a Java class name. */
  public static String reason(java.io.IOException e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file or folder";
    }
    if (e instanceof java.nio.file.FileAlreadyExistsException) {
      return "a file is in the way";
    }
    if (e instanceof java.nio.file.DirectoryNotEmptyException) {
      return "a folder that is not empty is in the way";
    }
    if (e instanceof java.nio.file.NotDirectoryException) {
      return "a file is where a folder should be";
    }
    if (e instanceof java.nio.file.FileSystemException fileSystem && fileSystem.getReason() != null) {
      return fileSystem.getReason();
    }
    if (e instanceof java.nio.file.FileSystemException fileSystem && fileSystem.getFile() != null
        && e.getMessage() != null && !e.getMessage().equals(fileSystem.getFile())) {
      return e.getMessage();
    }
    return "input/output error";
  }

  /**
   * A value a user wrote, to quote inside a message: whitespace runs as one space, control
   * characters escaped, at most 40 characters.
   */
  public static String quote(String value) {
    String oneLine = value.replaceAll("\\s+", " ");
    String cut = oneLine.length() > 40 ? oneLine.substring(0, 37) + "..." : oneLine;
    return of(cut);
  }

  /** The message as one line: {@link #visible}, cut at {@link #MAX_LENGTH}. */
  public static String of(String message) {
    String line = visible(message == null ? "unknown error" : message);
    return line.length() > MAX_LENGTH ? line.substring(0, MAX_LENGTH) + "... (cut)" : line;
  }

  /**
   * The text with every character that would act on a terminal or a log rather than show itself
   * ({@link #isHidden}) written as an escape: backslash-n, -r, -t, or backslash-u and four hex
   * digits (ESC is shown as {@code \\u001b}). Nothing is cut; the one formatter for whatever a
   * user wrote that is printed or written into a plain-text report.
   */
  public static String visible(String text) {
    StringBuilder line = null;
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      int width = Character.charCount(codePoint);
      if (isHidden(codePoint)) {
        if (line == null) {
          line = new StringBuilder(text.length() + 16).append(text, 0, i);
        }
        line.append(escape(codePoint));
      } else if (line != null) {
        line.appendCodePoint(codePoint);
      }
      i += width;
    }
    return line == null ? text : line.toString();
  }

  /**
   * Whether a character acts instead of showing: a control character (C0, DEL, C1: a newline, a
   * bare carriage return, ESC starting a colour or cursor sequence), a format character (U+202E and
   * the other bidirectional overrides, which reorder what follows; zero-width spaces), a line or
   * paragraph separator, or half of a surrogate pair on its own. The zero-width joiner and
   * non-joiner are kept: scripts and emoji need them, and they hide nothing.
   */
  public static boolean isHidden(int codePoint) {
    int type = Character.getType(codePoint);
    return Character.isISOControl(codePoint)
        || type == Character.FORMAT && codePoint != 0x200C && codePoint != 0x200D
        || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
        || type == Character.SURROGATE;
  }

  /** How {@link #visible} writes a hidden character. */
  public static String escape(int codePoint) {
    return switch (codePoint) {
      case '\n' -> "\\n";
      case '\r' -> "\\r";
      case '\t' -> "\\t";
      default -> String.format(java.util.Locale.ROOT, "\\u%04x", codePoint);
    };
  }
}
