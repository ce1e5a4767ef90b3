package org.bptt.grader.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bptt.grader.error.InputException;
import org.bptt.grader.yaml.TextFiles;
import org.bptt.grader.error.Location;

/**
 * A class roster: a CSV file with a header row naming a {@code student} column (the ids that
 * name each student's files) and optionally a {@code name} column. Fields may be double-quoted.
 */
public final class RosterLoader {

  /** One student of the roster. */
  public record Student(String id, String name) {}

  private static final long MAX_BYTES = 1 << 20;
  /**
   * The most students one roster may list: generating takes about 9 ms a student on a 2-core
   * machine (a class of 2000 in about 20 s), so a CI job stays in seconds. Split a larger course.
   */
  public static final int MAX_STUDENTS = 2000;

  public List<Student> read(Path file, String displayName) throws InputException {
    String text = TextFiles.read(file, displayName, MAX_BYTES);
    List<String> lines = text.lines().toList();
    if (lines.isEmpty() || lines.get(0).isBlank()) {
      throw new InputException(new Location(displayName, 1, 1), "expected a header row with a 'student' column");
    }
    List<String> header = fields(lines.get(0), displayName, 1);
    int studentColumn = header.indexOf("student");
    int nameColumn = header.indexOf("name");
    if (studentColumn < 0) {
      throw new InputException(new Location(displayName, 1, 1), "expected a header row with a 'student' column, got "
          + String.join(",", header));
    }
    List<Student> students = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    Map<String, String> spelled = new HashMap<>();
    for (int i = 1; i < lines.size(); i++) {
      int lineNumber = i + 1;
      if (lines.get(i).isBlank()) {
        continue;
      }
      List<String> row = fields(lines.get(i), displayName, lineNumber);
      if (row.size() != header.size()) {
        throw new InputException(new Location(displayName, lineNumber, 1), "expected " + header.size()
            + " fields as in the header, got " + row.size());
      }
      String id = row.get(studentColumn).trim();
      String problem = Ids.studentProblem(id);
      if (problem != null) {
        throw new InputException(new Location(displayName, lineNumber, 1), problem);
      }
      if (seen.containsKey(Ids.fileKey(id))) {
        String earlier = spelled.get(Ids.fileKey(id));
        throw new InputException(new Location(displayName, lineNumber, 1), "student '" + id + "' is also on line "
            + seen.get(Ids.fileKey(id)) + (earlier.equals(id) ? ""
            : " as '" + earlier + "' (ids that differ only in case name the same files)"));
      }
      if (students.size() == MAX_STUDENTS) {
        throw new InputException(new Location(displayName, lineNumber, 1), "a roster lists at most " + MAX_STUDENTS
            + " students; split the course into several rosters");
      }
      seen.put(Ids.fileKey(id), lineNumber);
      spelled.put(Ids.fileKey(id), id);
      students.add(new Student(id, nameColumn < 0 ? id : row.get(nameColumn).trim()));
    }
    if (students.isEmpty()) {
      throw new InputException(new Location(displayName, 1, 1), "the roster lists no students");
    }
    return students;
  }

  /** The fields of one CSV line; a field in double quotes may hold commas and "" for a quote. */
  static List<String> fields(String line, String displayName, int lineNumber) throws InputException {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"' && field.length() == 0) {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      throw new InputException(new Location(displayName, lineNumber, line.length()), "a quoted field is not closed");
    }
    fields.add(field.toString());
    return fields;
  }
}
