package org.bptt.grader.cli;

import org.bptt.grader.pipeline.GraderPipeline;

/** The course salt as the command line gets it: from an option, else from the environment. */
final class VariantChoice {

  private VariantChoice() {}

  /** The salt from the option, else from {@link GraderPipeline#SALT_VARIABLE}; null when neither gives one. */
  static String salt(String option) {
    String salt = option != null ? option : System.getenv(GraderPipeline.SALT_VARIABLE);
    return salt == null || salt.isEmpty() ? null : salt;
  }
}
