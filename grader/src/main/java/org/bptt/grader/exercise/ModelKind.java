package org.bptt.grader.exercise;

/** The recurrent cell. Only the Elman cell is solved today; the names reserve room for gated cells. */
public enum ModelKind {
  ELMAN("elman"),
  LSTM("lstm"),
  GRU("gru");

  private final String yamlName;

  ModelKind(String yamlName) {
    this.yamlName = yamlName;
  }

  public String yamlName() {
    return yamlName;
  }
}
