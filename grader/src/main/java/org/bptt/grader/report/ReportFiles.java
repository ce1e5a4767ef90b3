package org.bptt.grader.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bptt.grader.error.InputException;
import org.bptt.grader.error.OutputException;

/**
 * The report files of a run. Each file is written as soon as it is rendered, into a staging
 * folder of the run's own (a fresh, randomly named hidden folder inside the report folder), so a
 * class's reports are not held in memory; they are moved into place only once every submission
 * has been graded and rendered ({@link #writeAll}), and {@link #discard} removes them when a later
 * input turns out bad, so bad input leaves no partial output. Every path is checked to stay inside
 * the report folder.
 */
public final class ReportFiles {

  private final Path folder;
  private final Map<Path, Path> staged = new LinkedHashMap<>();
  /** Folders already made, so a class's thousands of files do not ask the file system again for each. */
  private final java.util.Set<Path> folders = new java.util.HashSet<>();
  private Path staging;
  private boolean createdFolder;

  public ReportFiles(Path folder) {
    this.folder = folder.toAbsolutePath().normalize();
  }

  /** Adds a file at a relative path made of safe names (exercise and student ids) and stages it. */
  public Path add(String relativePath, String content) throws InputException, OutputException {
    Path target = folder.resolve(relativePath).normalize();
    if (!target.startsWith(folder) || target.equals(folder)) {
      throw new InputException("report path '" + relativePath + "' would leave the report folder");
    }
    if (staged.containsKey(target)) {
      throw new InputException("two submissions would write the same report " + relativePath
          + " (the same student and exercise twice?)");
    }
    Path copy = stagingFolder().resolve(folder.relativize(target));
    try {
      makeFolder(copy.getParent());
      Files.write(copy, wellFormed(content).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      discard();
      throw new OutputException("cannot write the reports in " + folder + " (" + e.getClass().getSimpleName() + ": "
          + e.getMessage() + ")", e);
    }
    staged.put(target, copy);
    return target;
  }

  /** Moves every staged file into place, then removes the staging folder. */
  public void writeAll() throws OutputException {
    try {
      for (Map.Entry<Path, Path> entry : staged.entrySet()) {
        makeFolder(entry.getKey().getParent());
        move(entry.getValue(), entry.getKey());
      }
    } catch (IOException e) {
      discard();
      throw new OutputException("cannot write the reports in " + folder + " (" + e.getClass().getSimpleName() + ": "
          + e.getMessage() + ")", e);
    }
    removeStaging();
    staged.clear();
  }

  /** Removes whatever this run staged (and the report folder, when the run created it and it is empty). */
  public void discard() {
    removeStaging();
    staged.clear();
    if (createdFolder) {
      try {
        Files.deleteIfExists(folder); // only succeeds while empty
      } catch (IOException ignored) {
        // not empty: something else is in it, which is not ours to remove
      }
    }
  }

  private Path stagingFolder() throws OutputException {
    if (staging == null) {
      try {
        createdFolder = !Files.exists(folder);
        Files.createDirectories(folder);
        staging = Files.createTempDirectory(folder, ".staging-");
      } catch (IOException e) {
        throw new OutputException(folder + ": cannot create the report folder (" + e.getClass().getSimpleName() + ")",
            e);
      }
    }
    return staging;
  }

  /** The text with any lone surrogate (which UTF-8 cannot encode) replaced by U+FFFD. */
  static String wellFormed(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1));
      if (paired) {
        if (out != null) {
          out.append(c).append(text.charAt(i + 1));
        }
        i++;
        continue;
      }
      boolean lone = Character.isSurrogate(c);
      if (lone && out == null) {
        out = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (out != null) {
        out.append(lone ? '\uFFFD' : c);
      }
    }
    return out == null ? text : out.toString();
  }

  private void makeFolder(Path path) throws IOException {
    if (folders.add(path)) {
      Files.createDirectories(path);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private void removeStaging() {
    if (staging == null) {
      return;
    }
    folders.removeIf(path -> path.startsWith(staging));
    List<Path> paths = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(staging)) {
      walk.sorted(Comparator.reverseOrder()).forEach(paths::add);
    } catch (IOException ignored) {
      // already gone
    }
    for (Path path : paths) {
      try {
        Files.deleteIfExists(path);
      } catch (IOException ignored) {
        // best effort: the error the user needs to see is reported by the caller
      }
    }
    staging = null;
  }
}
