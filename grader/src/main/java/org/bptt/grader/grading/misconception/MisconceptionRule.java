package org.bptt.grader.grading.misconception;

import java.util.List;
import org.bptt.grader.solver.Derivation;

/**
 * One common mistake: the misconception it names and, for a quantity, its versions of that
 * quantity's formula (none where the mistake cannot be made). Adding a misconception is one class
 * implementing this, listed in {@link MisconceptionLibrary#RULES}.
 */
public interface MisconceptionRule {

  Misconception misconception();

  List<Derivation> variants(VariantContext quantity);
}
