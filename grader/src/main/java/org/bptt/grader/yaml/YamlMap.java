package org.bptt.grader.yaml;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bptt.grader.error.InputException;
import org.bptt.grader.error.Location;

/** A YAML mapping with string keys, in file order, remembering where each key was written. */
public record YamlMap(Location location, Map<String, YamlNode> entries, Map<String, Location> keyLocations)
    implements YamlNode {

  public YamlMap {
    entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    keyLocations = Collections.unmodifiableMap(new LinkedHashMap<>(keyLocations));
  }

  @Override
  public String describe() {
    return "a mapping";
  }

  public Set<String> keys() {
    return entries.keySet();
  }

  public Optional<YamlNode> optional(String key) {
    return Optional.ofNullable(entries.get(key));
  }

  public YamlNode require(String key, String what) throws InputException {
    YamlNode node = entries.get(key);
    if (node == null) {
      throw new InputException(location, what + ": missing required key '" + key + "'");
    }
    return node;
  }

  public Location keyLocation(String key) {
    return keyLocations.getOrDefault(key, location);
  }

  /** Rejects any key not in {@code allowed}, naming the key, where it is, and what is allowed. */
  public void allowOnly(String what, List<String> allowed) throws InputException {
    for (String key : entries.keySet()) {
      if (!allowed.contains(key)) {
        throw new InputException(keyLocation(key),
            what + ": unknown key '" + key + "', expected one of " + String.join(", ", allowed));
      }
    }
  }
}
