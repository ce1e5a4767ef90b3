package org.bptt.grader.variants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bptt.grader.error.InputException;
import org.bptt.grader.load.RosterLoader;
import org.bptt.grader.load.RosterLoader.Student;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RosterLoaderTest {

  @TempDir Path folder;

  private List<Student> read(String csv) throws Exception {
    return read(csv.getBytes(StandardCharsets.UTF_8));
  }

  private List<Student> read(byte[] bytes) throws Exception {
    Path file = folder.resolve("roster.csv");
    Files.write(file, bytes);
    return new RosterLoader().read(file, "roster.csv");
  }

  private String error(String csv) {
    return error(csv.getBytes(StandardCharsets.UTF_8));
  }

  private String error(byte[] bytes) {
    return assertThrows(InputException.class, () -> read(bytes)).getMessage();
  }

  @Test
  void readsStudentsAndQuotedNames() throws Exception {
    assertEquals(List.of(new Student("s001", "Ada Lovelace"), new Student("s002", "Doe, Jane")),
        read("student,name\ns001,Ada Lovelace\ns002,\"Doe, Jane\"\n"));
  }

  @Test
  void readsWhatSpreadsheetsSave() throws Exception {
    List<Student> expected = List.of(new Student("s001", "Ada"), new Student("s002", "Doe, Jane \"JD\""));
    assertEquals(expected, read("\uFEFFstudent,name\r\ns001,Ada\r\ns002,\"Doe, Jane \"\"JD\"\"\"\r\n"), "byte-order mark, CRLF");
    assertEquals(expected, read("Student;Name\ns001;Ada\ns002;\"Doe, Jane \"\"JD\"\"\"\n"), "';' and capitals");
    assertEquals(expected, read(" STUDENT , name \n\n s001 , Ada \n\ns002,\"Doe, Jane \"\"JD\"\"\"\n\n"),
        "spaces around names and fields, blank lines");
    assertEquals(List.of(new Student("s1", "s1")), read("email,student\nx@example.org,s1"), "no name column, no final newline");
    assertEquals(List.of(new Student("s1", "Line\nbreak")), read("student,name\ns1,\"Line\nbreak\"\n"),
        "a quoted line break");
  }

  @Test
  void badRostersNameTheLine() {
    assertEquals("roster.csv:1:1: expected a header row with a 'student' column, got the columns id, name",
        error("id,name\na,b\n"));
    assertEquals("roster.csv:3:1: student 's1' is also on line 2", error("student\ns1\ns1\n"));
    assertEquals("roster.csv:2:1: student: expected letters, digits, '.', '_' or '-' (at most 64, not starting with "
        + "'.'), got '../evil'", error("student\n../evil\n"));
    assertEquals("roster.csv:2:1: expected 2 fields as in the header, got 1", error("student,name\ns1\n"));
    assertEquals("roster.csv:1:1: the roster lists no students", error("student\n"));
    assertEquals("roster.csv:1:1: expected a header row with a 'student' column, got an empty file", error("\n\n"));
    assertEquals("roster.csv:1:1: the header row names the 'student' column twice", error("student,Student\na,b\n"));
  }

  @Test
  void idsThatDifferOnlyInCaseAreOneStudentWithBothLinesNamed() {
    assertEquals("roster.csv:4:1: student 'ann' is also on line 2 as 'Ann' (ids that differ only in case name the "
        + "same files)", error("student\nAnn\nbob\nann\n"));
  }

  @Test
  void malformedQuotingIsLocated() {
    assertEquals("roster.csv:3:1: a quoted field is not closed (a field that starts with \" ends with \")",
        error("student,name\ns1,Ann\ns2,\"Bob\ns3,Cy\n"));
    assertEquals("roster.csv:2:1: expected a separator after a closing quote (write \"\" for a quote inside a quoted "
        + "field)", error("student,name\ns1,\"Ann\"x\n"));
  }

  @Test
  void textThatIsNotUtf8IsLocated() {
    assertEquals("roster.csv:1:1: UTF-16 text; save the file as UTF-8",
        error("\uFEFFstudent\ns1\n".getBytes(StandardCharsets.UTF_16LE)));
    assertEquals("roster.csv:1:1: UTF-16 text; save the file as UTF-8",
        error("\uFEFFstudent\ns1\n".getBytes(StandardCharsets.UTF_16BE)));
    assertEquals("roster.csv:1:2: a NUL character, which text does not hold (UTF-16 text? save the file as UTF-8)",
        error("student\ns1\n".getBytes(StandardCharsets.UTF_16LE)));
    byte[] latin1 = "student,name\ns1,Jos\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    assertEquals("roster.csv:2:7: not UTF-8 text (save the file as UTF-8)", error(latin1));
  }

  /** A roster that is really another file (a link to /etc/passwd, say) is described, not echoed. */
  @Test
  void aFileThatIsNotARosterIsNotEchoed() {
    String message = error("root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n");
    assertEquals("roster.csv:1:1: expected a header row with a 'student' column, got 1 column with no 'student' "
        + "among them", message);
    assertFalse(message.contains("root"), message);
  }

  @Test
  void theStudentLimitHoldsAtItsBoundary() throws Exception {
    StringBuilder roster = new StringBuilder("student\n");
    for (int i = 1; i <= RosterLoader.MAX_STUDENTS; i++) {
      roster.append('s').append(i).append('\n');
    }
    assertEquals(RosterLoader.MAX_STUDENTS, read(roster.toString()).size());
    roster.append("one-more\n");
    assertEquals("roster.csv:" + (RosterLoader.MAX_STUDENTS + 2) + ":1: a roster lists at most "
        + RosterLoader.MAX_STUDENTS + " students; split the course into several rosters", error(roster.toString()));
  }
}
