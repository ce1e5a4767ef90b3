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

  /**
   * Writes every file: first all folders, then every file under a temporary name, then the renames,
   * so a failure part way (a folder that cannot be made, a full disk) leaves no report behind.
   */
  public void writeAll() throws OutputException {
    for (Path target : contents.keySet()) {
      try {
        Files.createDirectories(target.getParent());
      } catch (IOException e) {
        throw new OutputException(target.getParent() + ": cannot create the report folder ("
            + e.getClass().getSimpleName() + ")", e);
      }
    }
    Map<Path, Path> temporary = new LinkedHashMap<>();
    try {
      for (Map.Entry<Path, String> entry : contents.entrySet()) {
        Path target = entry.getKey();
        Path staging = target.resolveSibling("." + target.getFileName() + ".partial");
        temporary.put(target, staging);
        Files.writeString(staging, entry.getValue(), StandardCharsets.UTF_8);
      }
      for (Map.Entry<Path, Path> entry : temporary.entrySet()) {
        Files.move(entry.getValue(), entry.getKey(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      for (Path staging : temporary.values()) {
        try {
          Files.deleteIfExists(staging);
        } catch (IOException ignored) {
          // best effort: the error below is what the user needs to see
        }
      }
      throw new OutputException("cannot write the reports in " + folder + " (" + e.getClass().getSimpleName() + ": "
          + e.getMessage() + ")", e);
    }
  }
}
