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

  public static String of(String message) {
    String text = message == null ? "unknown error" : message;
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < text.length() && line.length() < MAX_LENGTH; i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        line.append("\\n");
      } else if (c == '\r') {
        line.append("\\r");
      } else if (c == '\t') {
        line.append("\\t");
      } else if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
          || Character.isSurrogate(c) && !validPair(text, i)) {
        line.append(String.format("\\u%04x", (int) c));
      } else {
        line.append(c);
      }
    }
    if (line.length() >= MAX_LENGTH && text.length() > MAX_LENGTH) {
      line.setLength(MAX_LENGTH);
      line.append("... (cut)");
    }
    return line.toString();
  }

  private static boolean validPair(String text, int i) {
    char c = text.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
  }
}
