package org.bptt.grader.error;

/** Where in an input file something is: the file as the user named it, 1-based line and column. */
public record Location(String file, int line, int column) {

  public static Location ofFile(String file) {
    return new Location(file, 0, 0);
  }

  @Override
  public String toString() {
    return line > 0 ? file + ":" + line + ":" + column : file;
  }
}
