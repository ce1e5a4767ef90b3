package org.bptt.grader.yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.bptt.grader.error.ErrorLine;
import org.bptt.grader.error.InputException;
import org.bptt.grader.error.Location;

/**
 * The one way the grader reads a text file a user gave it: a regular file only (a pipe would wait
 * for ever, a link to /dev/zero would never end), at most {@code maxBytes} read whatever size the
 * file claims, decoded strictly as UTF-8 (a byte-order mark is dropped; UTF-16, a byte that is not
 * UTF-8 and a NUL are errors at their line and column), with errors that name the file and never
 * echo its contents.
 */
public final class TextFiles {

  private TextFiles() {}

  public static String read(Path file, String displayName, long maxBytes) throws InputException {
    byte[] bytes;
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      if (!attributes.isRegularFile()) {
        throw new InputException(displayName + ": not a regular file (" + (attributes.isDirectory() ? "a folder"
            : "a device, pipe or socket") + ")");
      }
      try (InputStream in = Files.newInputStream(file)) {
        bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      }
    } catch (NoSuchFileException e) {
      throw new InputException(displayName + ": no such file");
    } catch (IOException e) {
      throw new InputException(displayName + ": cannot read the file (" + ErrorLine.reason(e) + ")");
    }
    if (bytes.length > maxBytes) {
      throw new InputException(displayName + ": file is larger than " + maxBytes + " bytes");
    }
    if (bytes.length >= 2 && (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF
        || bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)) {
      throw new InputException(new Location(displayName, 1, 1), "UTF-16 text; save the file as UTF-8");
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      String decoded = new String(out.array(), 0, out.position());
      throw new InputException(locate(displayName, decoded, decoded.length()), "not UTF-8 text (save the file as UTF-8)");
    }
    decoder.flush(out);
    out.flip();
    String text = out.toString();
    int nul = text.indexOf('\u0000');
    if (nul >= 0) {
      throw new InputException(locate(displayName, text, nul), "a NUL character, which text does not hold "
          + "(UTF-16 text? save the file as UTF-8)");
    }
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /** The line and column of the character at {@code offset} of the decoded text (a byte-order mark is not counted). */
  private static Location locate(String displayName, String text, int offset) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    int column = Character.codePointCount(text, lineStart, offset) + 1;
    if (line == 1 && offset > 0 && text.charAt(0) == '\uFEFF') {
      column--;
    }
    return new Location(displayName, line, column);
  }
}
