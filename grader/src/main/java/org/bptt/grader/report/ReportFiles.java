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
import org.bptt.grader.error.ErrorLine;
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
  private java.nio.channels.FileChannel lockChannel;
  /** The file a run holds locked while it writes into the report folder. */
  static final String LOCK_NAME = ".grader.lock";
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
      Files.write(copy, Characters.wellFormed(content).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      discard();
      throw failure(e);
    }
    staged.put(target, copy);
    return target;
  }

  /**
   * Moves every staged file into place, then removes the staging folder. A failure part way puts
   * back what was there before: each replaced file is kept in the staging folder until the end.
   * A folder on the way that is a link is refused, so that nothing is written outside the report
   * folder through a link planted inside it.
   */
  public void writeAll() throws OutputException {
    List<Path> moved = new ArrayList<>();
    Map<Path, Path> backups = new LinkedHashMap<>();
    List<Path> madeFolders = new ArrayList<>();
    try {
      int backup = 0;
      for (Map.Entry<Path, Path> entry : staged.entrySet()) {
        Path target = entry.getKey();
        refuseLinks(target.getParent());
        makeFolders(target.getParent(), madeFolders);
        if (Files.isDirectory(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          throw new java.nio.file.FileSystemException(target.toString(), null, "a folder is in the way of a report");
        }
        if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          Path kept = staging.resolve(".previous-" + backup++);
          move(target, kept);
          backups.put(target, kept);
        }
        move(entry.getValue(), target);
        moved.add(target);
      }
    } catch (IOException e) {
      restore(moved, backups);
      removeEmpty(madeFolders);
      discard();
      throw failure(e);
    }
    removeStaging();
    staged.clear();
    releaseLock();
  }

  /** Undoes a partial write: the new files removed, the files they replaced put back. */
  private static void restore(List<Path> moved, Map<Path, Path> backups) {
    for (Path target : moved) {
      try {
        Files.deleteIfExists(target);
      } catch (IOException ignored) {
        // best effort: the error the user needs to see is reported by the caller
      }
    }
    for (Map.Entry<Path, Path> backup : backups.entrySet()) {
      try {
        move(backup.getValue(), backup.getKey());
      } catch (IOException ignored) {
        // as above
      }
    }
  }

  /** Fails when a folder between the report folder and {@code path} (inclusive) is a symbolic link. */
  private void refuseLinks(Path path) throws IOException {
    for (Path current = path; current != null && current.startsWith(folder) && !current.equals(folder);
        current = current.getParent()) {
      if (Files.isSymbolicLink(current)) {
        throw new java.nio.file.FileSystemException(current.toString(), null,
            "a link; reports are not written through links");
      }
    }
  }

  /** Removes whatever this run staged (and the report folder, when the run created it and it is empty). */
  public void discard() {
    removeStaging();
    staged.clear();
    releaseLock();
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
        lock();
        staging = Files.createTempDirectory(folder, ".staging-");
      } catch (IOException e) {
        discard(); // the lock, and the report folder when this run made it
        throw failure(e);
      }
    }
    return staging;
  }

  /**
   * Takes the report folder for this run: a second run into the same folder at the same time is
   * refused, instead of mixing two sets of reports.
   */
  private void lock() throws IOException, OutputException {
    Path lockFile = folder.resolve(LOCK_NAME);
    java.nio.channels.FileChannel channel;
    try {
      channel = java.nio.channels.FileChannel.open(lockFile, java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.WRITE, java.nio.file.LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      if (Files.isSymbolicLink(lockFile)) {
        throw new java.nio.file.FileSystemException(lockFile.toString(), null,
            "a link; reports are not written through links");
      }
      throw e;
    }
    java.nio.channels.FileLock taken;
    try {
      taken = channel.tryLock();
    } catch (java.nio.channels.OverlappingFileLockException e) {
      taken = null;
    }
    if (taken == null) {
      channel.close();
      throw new OutputException(folder + ": another grading run is writing reports here; wait for it to finish or "
          + "choose another --out", null);
    }
    lockChannel = channel;
  }

  private void releaseLock() {
    if (lockChannel == null) {
      return;
    }
    try {
      Files.deleteIfExists(folder.resolve(LOCK_NAME));
      lockChannel.close(); // releases the lock
    } catch (IOException ignored) {
      // the lock goes with the process anyway
    }
    lockChannel = null;
  }

  /** The error for a failed write: the file or folder it concerns, and why in words. */
  private OutputException failure(IOException e) {
    String where = e instanceof java.nio.file.FileSystemException fileSystem && fileSystem.getFile() != null
        ? fileSystem.getFile() : folder.toString();
    return new OutputException("cannot write the reports in " + folder + ": " + where + ": " + ErrorLine.reason(e), e);
  }

  /**
   * Makes {@code path} and the folders above it that are missing, recording in {@code made} those
   * this run created (deepest last), so that a failed run can remove them again.
   */
  private void makeFolders(Path path, List<Path> made) throws IOException {
    if (folders.contains(path)) {
      return;
    }
    List<Path> missing = new ArrayList<>();
    for (Path current = path; current != null && current.startsWith(folder) && !Files.exists(current,
        java.nio.file.LinkOption.NOFOLLOW_LINKS); current = current.getParent()) {
      missing.add(0, current);
    }
    makeFolder(path);
    made.addAll(missing);
  }

  /** Removes the folders a failed run made, deepest first, as far as they are empty. */
  private static void removeEmpty(List<Path> made) {
    for (int i = made.size() - 1; i >= 0; i--) {
      try {
        Files.deleteIfExists(made.get(i)); // only succeeds while empty
      } catch (IOException ignored) {
        // not empty: something else is in it
      }
    }
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
