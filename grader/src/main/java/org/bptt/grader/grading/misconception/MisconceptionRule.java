package org.bptt.grader.grading.misconception;

import java.util.List;
import org.bptt.grader.solver.Derivation;

/**
 * One common mistake: the misconception it names and, for a quantity, its versions of that
 * quantity's formula (none where the mistake cannot be made). Adding a misconception is one
 * subclass, listed in {@link MisconceptionLibrary#RULES}.
 */
public abstract class MisconceptionRule {

  private final Misconception misconception;

  protected MisconceptionRule(Misconception misconception) {
    this.misconception = misconception;
  }

  public final Misconception misconception() {
    return misconception;
  }

  /** This misconception's versions of the quantity's formula; empty where it does not apply. */
  public abstract List<Derivation> variants(VariantContext quantity);
}
