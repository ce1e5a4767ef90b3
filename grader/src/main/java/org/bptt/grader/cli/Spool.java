package org.bptt.grader.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bptt.grader.error.ErrorLine;
import org.bptt.grader.error.OutputException;

/**
 * What a command will print, held back until the run has succeeded: a run that stops on bad input
 * prints nothing on standard output. The first megabyte is kept in memory; a longer summary (a
 * class of thousands in JSON) goes on in a temporary file, so memory stays flat. {@link #close}
 * removes the file.
 */
final class Spool extends Writer {

  private static final int IN_MEMORY = 1 << 20;

  private final StringBuilder memory = new StringBuilder();
  private Path file;
  private Writer fileWriter;

  @Override
  public void write(char[] chars, int offset, int length) throws IOException {
    if (fileWriter == null && memory.length() + length <= IN_MEMORY) {
      memory.append(chars, offset, length);
      return;
    }
    if (fileWriter == null) {
      file = Files.createTempFile("grader-summary-", ".txt");
      fileWriter = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
      fileWriter.append(memory);
      memory.setLength(0);
    }
    fileWriter.write(chars, offset, length);
  }

  /** Copies everything written to {@code out}. */
  void copyTo(Writer out) throws OutputException {
    try {
      if (fileWriter == null) {
        out.append(memory);
        return;
      }
      fileWriter.flush();
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        reader.transferTo(out);
      }
    } catch (IOException e) {
      throw new OutputException("cannot print the summary (" + ErrorLine.reason(e) + ")", e);
    }
  }

  @Override
  public void flush() {
    // written out by copyTo only
  }

  @Override
  public void close() {
    memory.setLength(0);
    if (fileWriter != null) {
      try {
        fileWriter.close();
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // a temporary file the system cleans up anyway
      }
      fileWriter = null;
    }
  }
}
