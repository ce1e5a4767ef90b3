package org.bptt.grader.value;

/** A quantity's value: numbers ({@link Tensor}) or a predicted symbol such as a character ({@link Label}). */
public sealed interface Value permits Tensor, Label {

  /** A short description of the value's shape, for messages: "scalar", "vector of 4", "3x2 matrix", "label". */
  String describeShape();
}
