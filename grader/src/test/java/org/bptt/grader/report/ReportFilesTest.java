package org.bptt.grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.bptt.grader.error.OutputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one writer of report files: staged, moved into place whole or not at all, never through a link. */
class ReportFilesTest {

  private static List<String> filesUnder(Path folder) throws Exception {
    try (Stream<Path> paths = Files.walk(folder)) {
      return paths.filter(Files::isRegularFile).map(path -> folder.relativize(path).toString()).sorted().toList();
    }
  }

  @Test
  void aWriteThatFailsPartWayPutsBackWhatWasThere(@TempDir Path temporary) throws Exception {
    Path out = temporary.resolve("out");
    Files.createDirectories(out.resolve("seed-000/s2.html"));
    Files.writeString(out.resolve("seed-000/s2.html/keep.txt"), "someone's folder");
    Files.writeString(out.resolve("seed-000/s1.html"), "the report of an earlier run");

    ReportFiles files = new ReportFiles(out);
    files.add("seed-000/s1.html", "new s1");
    files.add("seed-000/s2.html", "new s2");
    OutputException refused = assertThrows(OutputException.class, files::writeAll);

    assertEquals("cannot write the reports in " + out + ": " + out.resolve("seed-000/s2.html")
        + ": a folder is in the way of a report", refused.getMessage());
    assertEquals("the report of an earlier run", Files.readString(out.resolve("seed-000/s1.html")));
    assertEquals(List.of("seed-000/s1.html", "seed-000/s2.html/keep.txt"), filesUnder(out));
  }

  /** The folders a failed run made for its reports go with them: nothing is left, not even empty folders. */
  @Test
  void aFailedWriteLeavesNoFolderItMade(@TempDir Path temporary) throws Exception {
    Path out = temporary.resolve("out");
    Files.createDirectories(out.resolve("seed-002/s2.md"));

    ReportFiles files = new ReportFiles(out);
    files.add("seed-000/s1.md", "new s1");
    files.add("seed-002/s2.md", "new s2");
    assertThrows(OutputException.class, files::writeAll);

    try (Stream<Path> paths = Files.walk(out)) {
      assertEquals(List.of("", "seed-002", "seed-002/s2.md"), paths.map(path -> out.relativize(path).toString())
          .sorted().toList());
    }
  }

  @Test
  void aLinkInsideTheReportFolderIsNotWrittenThrough(@TempDir Path temporary) throws Exception {
    Path out = temporary.resolve("out");
    Path elsewhere = Files.createDirectories(temporary.resolve("elsewhere"));
    Files.createDirectories(out);
    Files.createSymbolicLink(out.resolve("seed-000"), elsewhere);

    ReportFiles files = new ReportFiles(out);
    files.add("seed-000/s1.html", "report");
    OutputException refused = assertThrows(OutputException.class, files::writeAll);

    assertEquals("cannot write the reports in " + out + ": " + out.resolve("seed-000")
        + ": a link; reports are not written through links", refused.getMessage());
    assertEquals(List.of(), filesUnder(elsewhere));
  }

  @Test
  void aLinkInPlaceOfTheLockIsRefused(@TempDir Path temporary) throws Exception {
    Path out = Files.createDirectories(temporary.resolve("out"));
    Path target = Files.writeString(temporary.resolve("precious"), "precious");
    Files.createSymbolicLink(out.resolve(ReportFiles.LOCK_NAME), target);

    OutputException refused = assertThrows(OutputException.class, () -> new ReportFiles(out).add("r.md", "report"));

    assertEquals("cannot write the reports in " + out + ": " + out.resolve(ReportFiles.LOCK_NAME)
        + ": a link; reports are not written through links", refused.getMessage());
    assertEquals("precious", Files.readString(target));
    assertTrue(Files.isSymbolicLink(out.resolve(ReportFiles.LOCK_NAME)), "the planted link is left alone");
    assertEquals(List.of(ReportFiles.LOCK_NAME), filesUnder(out), "and nothing is added");
  }

  @Test
  void twoRunsIntoOneFolderAtOnceAreRefusedNotMixed(@TempDir Path temporary) throws Exception {
    Path out = temporary.resolve("out");
    ReportFiles first = new ReportFiles(out);
    first.add("seed-000/s1.html", "first");
    ReportFiles second = new ReportFiles(out);
    OutputException refused = assertThrows(OutputException.class, () -> second.add("seed-000/s1.html", "second"));
    assertTrue(refused.getMessage().contains("another grading run is writing reports here"), refused.getMessage());

    first.writeAll();
    assertEquals("first", Files.readString(out.resolve("seed-000/s1.html")));
    assertFalse(Files.exists(out.resolve(ReportFiles.LOCK_NAME)), "the lock goes when the run ends");
    ReportFiles third = new ReportFiles(out); // and the folder is free again
    third.add("seed-000/s1.html", "third");
    third.writeAll();
    assertEquals("third", Files.readString(out.resolve("seed-000/s1.html")));
    assertEquals(List.of("seed-000/s1.html"), filesUnder(out));
  }

  @Test
  void aLoneSurrogateIsWrittenAsTheReplacementCharacter(@TempDir Path temporary) throws Exception {
    Path out = temporary.resolve("out");
    ReportFiles files = new ReportFiles(out);
    files.add("r.md", "a\uD800b");
    files.writeAll();
    assertEquals("a\uFFFDb", Files.readString(out.resolve("r.md")));
  }
}
