package org.bptt.grader.solver;

/** The stages of a worked solution, in the order a student meets them. */
public enum Stage {
  GIVEN("Given"),
  FORWARD("Forward pass"),
  LOSS("Loss"),
  BACKWARD("Backward pass through time"),
  GRADIENT("Gradients"),
  SENSITIVITY("Gradients forward in time (sensitivities)"),
  JACOBIAN("Jacobians and their norms"),
  TRUNCATED("Truncated BPTT"),
  CLIPPED("Gradient clipping"),
  UPDATE("Update"),
  TRAINING("Training over epochs");

  private final String title;

  Stage(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }
}
