package org.bptt.grader.load;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.bptt.grader.error.ErrorLine;

/**
 * The one rule for the ids that become file names (student ids name report files, exercise ids
 * their folders), shared by template, generate and grade: a safe alphabet, no name a common file
 * system reserves (CON, NUL, COM1 ... on Windows, with or without an extension), no trailing dot,
 * and, within one run, no two ids that differ only in case (they would be one file on macOS and
 * Windows).
 */
public final class Ids {

  private static final Pattern STUDENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
  private static final Pattern EXERCISE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  private static final Set<String> RESERVED = Set.of("con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5",
      "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

  private Ids() {}

  /** What is wrong with a student id, or null when it is fine. */
  public static String studentProblem(String id) {
    if (!STUDENT.matcher(id).matches()) {
      return "student: expected letters, digits, '.', '_' or '-' (at most 64, not starting with '.'), got '"
          + ErrorLine.quote(id) + "'";
    }
    if (CLASS_FILE_NAMES.contains(fileKey(id))) {
      return "student: '" + ErrorLine.quote(id) + "' is reserved for the class results (index.html, summary.md, "
          + "class.csv); choose another id";
    }
    return reservedProblem("student", id);
  }

  /**
   * Names of the class result files that share an exercise's report folder with the students'
   * reports (index.html, summary.md, class.csv): a student id that would name one of them is refused,
   * so that no student's report can ever overwrite them.
   */
  public static final Set<String> CLASS_FILE_NAMES = Set.of("index", "summary", "class");

  /** What is wrong with an exercise id, or null when it is fine. */
  public static String exerciseProblem(String id) {
    if (!EXERCISE.matcher(id).matches()) {
      return "id: expected lower-case letters, digits and '-' (at most 64), got '" + ErrorLine.quote(id) + "'";
    }
    return reservedProblem("id", id);
  }

  /** The key under which two ids name the same file on a case-insensitive file system. */
  public static String fileKey(String id) {
    return id.toLowerCase(Locale.ROOT);
  }

  private static String reservedProblem(String what, String id) {
    if (id.endsWith(".")) {
      return what + ": '" + ErrorLine.quote(id) + "' ends with '.', which some file systems drop";
    }
    String base = fileKey(id.contains(".") ? id.substring(0, id.indexOf('.')) : id);
    if (RESERVED.contains(base)) {
      return what + ": '" + ErrorLine.quote(id) + "' is a name Windows reserves for a device; choose another";
    }
    return null;
  }
}
