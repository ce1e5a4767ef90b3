package org.bptt.grader.exercise;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The document's own symbols for the canonical parameters, so that a quantity can be named as the
 * student's document names it: with {W_hh: U}, "dL/dW_hh[2]" reads "dL/dU[2]". Only parameter
 * symbols are renamed; they appear inside derived names after "d" or "." or at the start.
 */
public record Notation(Map<String, String> symbols) {

  private static final Pattern SYMBOL = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

  /** A parameter name where it stands alone or follows the "d" of a derivative: dL/dW_hh, updated.W_hh. */
  private static final Pattern SYMBOL_IN_NAME = Pattern.compile("(?<=^|[\\s./(]|[\\s./(]d|^d)("
      + String.join("|", Parameter.values().stream().map(Parameter::canonicalName).toList()) + ")(?![A-Za-z0-9_])");

  public Notation {
    symbols = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(symbols)); // one order in every JVM
    for (Map.Entry<String, String> entry : symbols.entrySet()) {
      if (Parameter.byCanonicalName(entry.getKey()) == null) {
        throw new IllegalArgumentException("notation: '" + entry.getKey() + "' is not a parameter name");
      }
      if (!SYMBOL.matcher(entry.getValue()).matches()) {
        throw new IllegalArgumentException(
            "notation: symbol for " + entry.getKey() + " must be letters, digits and _, got '" + entry.getValue() + "'");
      }
    }
  }

  public static Notation canonical() {
    return new Notation(Map.of());
  }

  /** The document's symbol for a parameter, or its canonical name when the document uses that. */
  public String symbolFor(Parameter parameter) {
    return symbols.getOrDefault(parameter.canonicalName(), parameter.canonicalName());
  }

  /** A canonical quantity name, or a sentence that uses canonical names, written in the document's symbols. */
  public String render(String canonicalName) {
    if (symbols.isEmpty()) {
      return canonicalName;
    }
    StringBuilder result = new StringBuilder();
    Matcher matcher = SYMBOL_IN_NAME.matcher(canonicalName);
    while (matcher.find()) {
      matcher.appendReplacement(result, Matcher.quoteReplacement(symbols.getOrDefault(matcher.group(1), matcher.group(1))));
    }
    matcher.appendTail(result);
    return result.toString();
  }
}
