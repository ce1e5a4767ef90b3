package org.bptt.grader.solver;

import org.bptt.grader.exercise.Exercise;
import org.bptt.grader.exercise.LossSpec;

/** How the loss's reductions weigh each step: the one place the solver and the grader read it from. */
public final class LossWeights {

  private LossWeights() {}

  /** The number of steps of a sequence that have a target: its length, or 1 for a many-to-one loss. */
  public static int lossStepCount(Exercise exercise, int sequenceIndex) {
    return exercise.loss().steps() == LossSpec.Steps.LAST ? 1 : exercise.sequences().get(sequenceIndex).length();
  }

  /** How much one step's loss L[t] weighs in the total L: 1/T for a mean over time, 1/S over sequences. */
  public static double weight(Exercise exercise, int sequenceIndex) {
    LossSpec loss = exercise.loss();
    double weight = 1;
    if (loss.timeReduction() == LossSpec.Reduction.MEAN) {
      weight /= lossStepCount(exercise, sequenceIndex);
    }
    if (loss.sequenceReduction() == LossSpec.Reduction.MEAN) {
      weight /= exercise.sequences().size();
    }
    return weight;
  }
}
