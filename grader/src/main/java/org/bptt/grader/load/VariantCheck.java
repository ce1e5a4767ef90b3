package org.bptt.grader.load;

/**
 * Whether a drawn variant of a randomized exercise is fit to hand out. Loading only draws; judging
 * a draw needs its solution, so the check comes from the stage that solves.
 */
@FunctionalInterface
public interface VariantCheck {

  /** The constraint a candidate breaks, in a few words, or null when it meets them all. */
  String violation(ExerciseDefinition candidate, Constraints constraints);

  /**
   * The {@code variants:} block of an exercise file.
   *
   * @param maxPreactivation every entry of every a[t] within plus or minus this
   * @param minJacobianNorm norm(dh[T]/dh[1]) at least this
   * @param nonzeroDecimals no asked entry may round to 0 at this many decimals
   */
  record Constraints(double maxPreactivation, double minJacobianNorm, int nonzeroDecimals) {}
}
