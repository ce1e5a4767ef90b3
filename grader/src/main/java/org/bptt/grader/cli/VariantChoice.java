package org.bptt.grader.cli;

import org.bptt.grader.error.InputException;
import org.bptt.grader.error.UsageException;
import org.bptt.grader.load.ExerciseDefinition;
import org.bptt.grader.load.ExerciseTemplate;
import org.bptt.grader.pipeline.GraderPipeline;

/**
 * Which variant of an exercise a command works on: the exercise as written; for a randomized one,
 * a student's variant (their id and the course salt), or the preview variant when no student is
 * named.
 */
record VariantChoice(ExerciseDefinition definition, String variantId) {

  static final String SALT_VARIABLE = "BPTT_COURSE_SALT";

  /** The salt from the option, else from the environment; null when neither gives one. */
  static String salt(String option) {
    String salt = option != null ? option : System.getenv(SALT_VARIABLE);
    return salt == null || salt.isEmpty() ? null : salt;
  }

  static VariantChoice of(ExerciseTemplate template, String student, String saltOption)
      throws InputException, UsageException {
    if (!template.isRandomized()) {
      return new VariantChoice(GraderPipeline.definition(template), null);
    }
    if (student == null) {
      return new VariantChoice(GraderPipeline.definition(template), null);
    }
    String salt = salt(saltOption);
    if (salt == null) {
      throw new UsageException("exercise " + template.id() + " is randomized: pass --salt (or set " + SALT_VARIABLE
          + ") to the course salt");
    }
    String variantId = ExerciseTemplate.variantId(template.id(), student, salt);
    return new VariantChoice(GraderPipeline.variant(template, variantId), variantId);
  }
}
