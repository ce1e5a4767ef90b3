package org.bptt.grader.yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.bptt.grader.error.ErrorLine;
import org.bptt.grader.error.InputException;

/**
 * The one way the grader reads a text file a user gave it: a regular file only (a pipe would wait
 * for ever, a link to /dev/zero would never end), at most {@code maxBytes} read whatever size the
 * file claims, decoded strictly as UTF-8 (a byte-order mark is dropped), with errors that name the
 * file and never echo its contents.
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
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new InputException(displayName + ": not UTF-8 text (save the file as UTF-8)");
    }
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
