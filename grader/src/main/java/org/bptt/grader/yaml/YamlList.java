package org.bptt.grader.yaml;

import java.util.List;
import org.bptt.grader.error.Location;

/** A YAML sequence. */
public record YamlList(Location location, List<YamlNode> items) implements YamlNode {

  public YamlList {
    items = List.copyOf(items);
  }

  public int size() {
    return items.size();
  }

  public YamlNode get(int index) {
    return items.get(index);
  }

  @Override
  public String describe() {
    return "a list of " + items.size();
  }
}
