package org.bptt.grader.variants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bptt.grader.error.InputException;
import org.bptt.grader.load.RosterLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RosterLoaderTest {

  @TempDir Path folder;

  private List<RosterLoader.Student> read(String csv) throws Exception {
    Path file = folder.resolve("roster.csv");
    Files.writeString(file, csv);
    return new RosterLoader().read(file, "roster.csv");
  }

  private String error(String csv) {
    return assertThrows(InputException.class, () -> read(csv)).getMessage();
  }

  @Test
  void readsStudentsAndQuotedNames() throws Exception {
    assertEquals(List.of(new RosterLoader.Student("s001", "Ada Lovelace"), new RosterLoader.Student("s002", "Doe, Jane")),
        read("student,name\ns001,Ada Lovelace\ns002,\"Doe, Jane\"\n"));
  }

  @Test
  void badRostersNameTheLine() {
    assertEquals("roster.csv:1:1: expected a header row with a 'student' column, got id,name", error("id,name\na,b\n"));
    assertEquals("roster.csv:3:1: student 's1' is also on line 2", error("student\ns1\ns1\n"));
    assertEquals("roster.csv:2:1: student: expected letters, digits, '.', '_' or '-' (at most 64, not starting with "
        + "'.'), got '../evil'", error("student\n../evil\n"));
    assertEquals("roster.csv:2:1: expected 2 fields as in the header, got 1", error("student,name\ns1\n"));
    assertEquals("roster.csv:1:1: the roster lists no students", error("student\n"));
  }
}
