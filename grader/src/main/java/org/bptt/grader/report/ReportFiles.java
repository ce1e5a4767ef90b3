package org.bptt.grader.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bptt.grader.error.InputException;
import org.bptt.grader.error.OutputException;

/**
 * The report files of a run, collected in memory and written only once every submission has been
 * graded and rendered, so bad input leaves no partial output. Every path is checked to stay
 * inside the report folder.
 */
public final class ReportFiles {

  private final Path folder;
  private final Map<Path, String> contents = new LinkedHashMap<>();

  public ReportFiles(Path folder) {
    this.folder = folder.toAbsolutePath().normalize();
  }

  /** Adds a file at a relative path made of safe names (exercise and student ids). */
  public Path add(String relativePath, String content) throws InputException {
    Path target = folder.resolve(relativePath).normalize();
    if (!target.startsWith(folder) || target.equals(folder)) {
      throw new InputException("report path '" + relativePath + "' would leave the report folder");
    }
    if (contents.containsKey(target)) {
      throw new InputException("two submissions would write the same report " + relativePath
          + " (the same student and exercise twice?)");
    }
    contents.put(target, content);
    return target;
  }

  public void writeAll() throws OutputException {
    for (Map.Entry<Path, String> entry : contents.entrySet()) {
      try {
        Files.createDirectories(entry.getKey().getParent());
        Files.writeString(entry.getKey(), entry.getValue(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new OutputException(entry.getKey() + ": cannot write the report (" + e.getClass().getSimpleName() + ")", e);
      }
    }
  }
}
