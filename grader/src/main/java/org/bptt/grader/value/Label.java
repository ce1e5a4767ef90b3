package org.bptt.grader.value;

import java.util.Objects;

/** A symbolic answer, such as the character a character-level RNN predicts. */
public record Label(String text) implements Value {

  public Label {
    Objects.requireNonNull(text, "text");
    if (text.isEmpty()) {
      throw new IllegalArgumentException("label: expected a non-empty symbol");
    }
  }

  @Override
  public String describeShape() {
    return "label";
  }

  @Override
  public String toString() {
    return text;
  }
}
