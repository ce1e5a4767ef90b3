package org.bptt.grader.solver;

import org.bptt.grader.value.Value;

/** How a quantity is computed from its named inputs. Implementations are pure functions. */
@FunctionalInterface
public interface Formula {
  Value compute(Inputs inputs);
}
