package org.bptt.grader.yaml;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.bptt.grader.error.ErrorLine;
import org.bptt.grader.error.InputException;
import org.bptt.grader.error.Location;

/**
 * A single YAML value, kept as the text that was written. Numbers are parsed here, strictly:
 * a YAML number or a quoted string such as "4.8e-3"; never NaN, infinity or hexadecimal.
 */
public record YamlScalar(Location location, String text, boolean isNull) implements YamlNode {

  private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
  private static final Pattern INTEGER = Pattern.compile("[-+]?\\d{1,9}");

  @Override
  public String describe() {
    return isNull ? "nothing (null)" : "'" + ErrorLine.quote(text) + "'";
  }

  public double asDouble(String what) throws InputException {
    String trimmed = text.strip(); // spaces only: a control character (NUL) is not part of a number
    if (isNull || !DECIMAL.matcher(trimmed).matches()) {
      throw new InputException(location, what + ": expected a number such as 0.5 or -4.8e-3, got " + describe());
    }
    double value = Double.parseDouble(trimmed);
    if (!Double.isFinite(value)) {
      throw new InputException(location, what + ": expected a finite number, got " + describe());
    }
    return value;
  }

  public int asInt(String what) throws InputException {
    String trimmed = text.strip();
    if (isNull || !INTEGER.matcher(trimmed).matches()) {
      throw new InputException(location, what + ": expected a whole number, got " + describe());
    }
    return Integer.parseInt(trimmed);
  }

  public String asString(String what) throws InputException {
    if (isNull || text.isEmpty()) {
      throw new InputException(location, what + ": expected a text value, got nothing");
    }
    return text;
  }

  public boolean asBoolean(String what) throws InputException {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new InputException(location, what + ": expected true or false, got " + describe());
    };
  }

  /** One of a fixed set of words (lower case in the file), returned as its index in {@code words}. */
  public int asChoice(String what, List<String> words) throws InputException {
    int index = isNull ? -1 : words.indexOf(text.trim());
    if (index < 0) {
      throw new InputException(location, what + ": expected one of " + String.join(", ", words) + ", got " + describe());
    }
    return index;
  }
}
