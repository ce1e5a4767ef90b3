package org.bptt.grader.yaml;

import org.bptt.grader.error.InputException;
import org.bptt.grader.error.Location;

/** A node of a YAML document that remembers where it was written, so errors can point at it. */
public sealed interface YamlNode permits YamlMap, YamlList, YamlScalar {

  Location location();

  /** "a mapping", "a list", "the number 3", for messages. */
  String describe();

  default YamlMap asMap(String what) throws InputException {
    if (this instanceof YamlMap map) {
      return map;
    }
    throw new InputException(location(), what + ": expected a mapping of keys to values, got " + describe());
  }

  /**
   * The whole document as a mapping. A document that is not one is refused without quoting it:
   * a file that is not YAML at all (a link to /etc/passwd, say) must not be echoed into a log.
   */
  default YamlMap asDocument(String what) throws InputException {
    if (this instanceof YamlMap map) {
      return map;
    }
    throw new InputException(location(), what + ": expected a mapping of keys to values, got "
        + (this instanceof YamlList ? describe() : "plain text (is this the right file?)"));
  }

  default YamlList asList(String what) throws InputException {
    if (this instanceof YamlList list) {
      return list;
    }
    throw new InputException(location(), what + ": expected a list, got " + describe());
  }

  default YamlScalar asScalar(String what) throws InputException {
    if (this instanceof YamlScalar scalar) {
      return scalar;
    }
    throw new InputException(location(), what + ": expected a single value, got " + describe());
  }
}
