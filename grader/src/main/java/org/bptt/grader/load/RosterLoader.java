package org.bptt.grader.load;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.bptt.grader.error.ErrorLine;
import org.bptt.grader.error.InputException;
import org.bptt.grader.error.Location;
import org.bptt.grader.yaml.TextFiles;

/**
 * A class roster: a CSV file (read with Apache Commons CSV) whose header row names a {@code student}
 * column (the ids that name each student's files) and optionally a {@code name} column, as a
 * spreadsheet saves it: UTF-8 with or without a byte-order mark, header names in any case with
 * spaces around them, fields separated by {@code ,} or {@code ;} (whichever the header row uses),
 * double-quoted fields holding separators, quotes ({@code ""}) or line breaks. Every error names
 * the line.
 */
public final class RosterLoader {

  /** One student of the roster. */
  public record Student(String id, String name) {}

  private static final long MAX_BYTES = 1 << 20;
  /**
   * The most students one roster may list: generating takes about 20 ms of CPU a student on a
   * 2-core machine (a variant and five files each; 500 take about 10 s, 2000 took 26 s), so a run
   * stays in seconds. Split a larger course. See grader/bench/limits.sh.
   */
  public static final int MAX_STUDENTS = 500;
  private static final String STUDENT = "student";
  private static final String NAME = "name";

  public List<Student> read(Path file, String displayName) throws InputException {
    String text = TextFiles.read(file, displayName, MAX_BYTES);
    Lines lines = new Lines(text);
    int headerLine = lines.firstNonBlank();
    if (headerLine == 0) {
      throw new InputException(new Location(displayName, 1, 1), "expected a header row with a 'student' column, "
          + "got an empty file");
    }
    char delimiter = delimiter(lines.text(headerLine));
    CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true)
        .setIgnoreSurroundingSpaces(true).get();
    List<Student> students = new ArrayList<>();
    try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
      Iterator<CSVRecord> records = parser.iterator();
      // a record is read only when the iterator is asked; a malformed one fails there, after the last good one
      long lastGoodLine = 0;
      Header header = null;
      Map<String, Integer> seen = new HashMap<>();
      Map<String, String> spelled = new HashMap<>();
      while (true) {
        CSVRecord record;
        try {
          if (!records.hasNext()) {
            break;
          }
          record = records.next();
        } catch (UncheckedIOException e) {
          throw new InputException(new Location(displayName, lines.firstNonBlankAfter((int) lastGoodLine), 1),
              malformed(e));
        }
        lastGoodLine = parser.getCurrentLineNumber();
        int line = lines.lineOf((int) record.getCharacterPosition());
        if (header == null) {
          header = header(record, displayName, line);
          continue;
        }
        if (record.size() != header.fields()) {
          throw new InputException(new Location(displayName, line, 1), "expected " + header.fields()
              + " fields as in the header, got " + record.size());
        }
        String id = record.get(header.student());
        String problem = Ids.studentProblem(id);
        if (problem != null) {
          throw new InputException(new Location(displayName, line, 1), problem);
        }
        String key = Ids.fileKey(id);
        if (seen.containsKey(key)) {
          String earlier = spelled.get(key);
          throw new InputException(new Location(displayName, line, 1), "student '" + id + "' is also on line "
              + seen.get(key) + (earlier.equals(id) ? ""
              : " as '" + earlier + "' (ids that differ only in case name the same files)"));
        }
        if (students.size() == MAX_STUDENTS) {
          throw new InputException(new Location(displayName, line, 1), "a roster lists at most " + MAX_STUDENTS
              + " students; split the course into several rosters");
        }
        seen.put(key, line);
        spelled.put(key, id);
        students.add(new Student(id, header.name() < 0 ? id : record.get(header.name()).trim()));
      }
    } catch (IOException e) {
      throw new InputException(displayName + ": cannot read the roster (" + ErrorLine.reason(e) + ")");
    }
    if (students.isEmpty()) {
      throw new InputException(new Location(displayName, headerLine, 1), "the roster lists no students");
    }
    return students;
  }

  /**
   * The separator the header row uses: {@code ;} (as spreadsheets save CSV where the decimal mark is
   * a comma) when it names the student column with it and {@code ,} does not, else {@code ,}.
   */
  private static char delimiter(String headerLine) {
    boolean comma = names(headerLine, ',').contains(STUDENT);
    boolean semicolon = names(headerLine, ';').contains(STUDENT);
    return semicolon && !comma ? ';' : ',';
  }

  /** The header row's column names, split at {@code delimiter}: trimmed and in lower case. */
  private static List<String> names(String headerLine, char delimiter) {
    try (CSVParser parser = CSVParser.builder().setReader(new StringReader(headerLine))
        .setFormat(CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreSurroundingSpaces(true).get()).get()) {
      List<CSVRecord> records = parser.getRecords();
      return records.isEmpty() ? List.of()
          : records.get(0).stream().map(name -> name.trim().toLowerCase(Locale.ROOT)).toList();
    } catch (IOException | UncheckedIOException e) {
      return List.of(); // a malformed header row: reported where the roster is read
    }
  }

  /** Where the header row puts the student ids and the names (-1: none), and how many fields each row has. */
  private record Header(int student, int name, int fields) {}

  /** The header row: a 'student' column required, 'name' optional, each once; names trimmed, in any case. */
  private static Header header(CSVRecord record, String displayName, int line) throws InputException {
    int student = -1;
    int name = -1;
    for (int i = 0; i < record.size(); i++) {
      String column = record.get(i).trim().toLowerCase(Locale.ROOT);
      if (column.equals(STUDENT) && student >= 0 || column.equals(NAME) && name >= 0) {
        throw new InputException(new Location(displayName, line, 1), "the header row names the '" + column
            + "' column twice");
      }
      student = column.equals(STUDENT) ? i : student;
      name = column.equals(NAME) ? i : name;
    }
    if (student < 0) {
      throw new InputException(new Location(displayName, line, 1), "expected a header row with a 'student' column, "
          + "got " + describe(record));
    }
    return new Header(student, name, record.size());
  }

  /**
   * What the first row holds, without echoing a file that is not a roster: its column names when
   * they look like names, else only how many there are.
   */
  private static String describe(CSVRecord record) {
    List<String> names = record.stream().map(String::trim).toList();
    boolean namesLike = names.stream().allMatch(name -> name.matches("[\\p{L}\\p{N} _.-]{1,30}"));
    return namesLike && names.size() <= 10 ? "the columns " + ErrorLine.quote(String.join(", ", names))
        : names.size() + (names.size() == 1 ? " column" : " columns") + " with no 'student' among them";
  }

  private static String malformed(UncheckedIOException e) {
    String message = String.valueOf(e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
    if (message.contains("EOF reached before encapsulated token finished")) {
      return "a quoted field is not closed (a field that starts with \" ends with \")";
    }
    if (message.contains("Invalid character between encapsulated token and delimiter")) {
      return "expected a separator after a closing quote (write \"\" for a quote inside a quoted field)";
    }
    return "not a well-formed CSV row";
  }

  /** The roster's text by line (1-based), for locating records and errors. */
  private static final class Lines {
    private final String text;
    private final List<Integer> starts = new ArrayList<>();

    Lines(String text) {
      this.text = text;
      starts.add(0);
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
          starts.add(i + 1);
        }
      }
    }

    int count() {
      return text.isEmpty() || starts.get(starts.size() - 1) == text.length() ? starts.size() - 1 : starts.size();
    }

    String text(int line) {
      int start = starts.get(line - 1);
      int end = line < starts.size() ? starts.get(line) : text.length();
      return text.substring(start, end).replaceAll("[\r\n]+$", "");
    }

    /** The first line, from line {@code after} + 1 on, that is not blank; the last line when there is none. */
    int firstNonBlankAfter(int after) {
      for (int line = after + 1; line <= count(); line++) {
        if (!text(line).isBlank()) {
          return line;
        }
      }
      return Math.max(1, count());
    }

    /** The first line that is not blank, or 0 when every line is. */
    int firstNonBlank() {
      int line = firstNonBlankAfter(0);
      return line <= count() && !text(line).isBlank() ? line : 0;
    }

    int lineOf(int offset) {
      int index = java.util.Collections.binarySearch(starts, offset);
      return index >= 0 ? index + 1 : -index - 1;
    }
  }
}
