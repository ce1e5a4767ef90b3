package org.bptt.grader.exercise;

/** The recurrent cell: Elman's h[t] = f(a[t]), or the gated LSTM and GRU cells as PyTorch defines them. */
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
