package org.bptt.grader.solver;

import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.bptt.grader.value.Tensor;

/**
 * The products of local Jacobians dh[t]/dh[k] = dh[t]/dh[t-1] ... dh[k+1]/dh[k] for k < t, and
 * their norms, whose shrinking or growth with t - k shows gradients vanishing or exploding. Needs
 * the local Jacobians that {@link SensitivityBuilder} adds.
 */
final class JacobianBuilder {

  private final RecurrentGraphBuilder base;

  JacobianBuilder(RecurrentGraphBuilder base) {
    this.base = base;
  }

  void addAll() {
    boolean pair = base.cell.pairedState();
    for (int s = 0; s < base.exercise.sequences().size(); s++) {
      String p = base.prefix(s);
      int length = base.sequence(s).length();
      for (int t = 1; t <= length; t++) {
        for (int k = t - 1; k >= 0; k--) {
          String name = p + jacobian(pair, t, k);
          if (k < t - 1) {
            // Built from the earlier end, dh[t]/dh[k+1] dh[k+1]/dh[k]: dh[T]/dh[k] for every k then
            // needs only the T products of its own row, not every pair before it. The other
            // order, dh[t]/dh[t-1] dh[t-1]/dh[k], is a second derivation a student may follow.
            String later = p + jacobian(pair, t, k + 1);
            String step = p + jacobian(pair, k + 1, k);
            String local = p + jacobian(pair, t, t - 1);
            String rest = p + jacobian(pair, t - 1, k);
            String state = pair ? "d" + QuantityId.STATE_PAIR : "dh";
            String of = pair ? QuantityId.STATE_PAIR : "h";
            base.graph.add(new Quantity(name, Stage.JACOBIAN, "product of local Jacobians " + state + "[t]/d" + of
                + "[k+1] " + state + "[k+1]/d" + of + "[k]",
                List.of(new Derivation("dh[t]/dh[k+1] dh[k+1]/dh[k]", RecurrentGraphBuilder.inputs(later, step),
                        in -> in.tensor(later).times(in.tensor(step))),
                    new Derivation("dh[t]/dh[t-1] dh[t-1]/dh[k]", RecurrentGraphBuilder.inputs(local, rest),
                        in -> in.tensor(local).times(in.tensor(rest))))));
          }
          base.add("norm(" + name + ")", Stage.JACOBIAN, "Frobenius norm of " + jacobian(pair, t, k),
              RecurrentGraphBuilder.inputs(name), in -> Tensor.scalar(in.tensor(name).frobeniusNorm()));
          base.add("norm2(" + name + ")", Stage.JACOBIAN, "spectral norm (largest singular value) of " + jacobian(pair, t, k),
              RecurrentGraphBuilder.inputs(name), in -> Tensor.scalar(spectralNorm(in.tensor(name))));
        }
      }
    }
  }

  private static String jacobian(boolean pair, int t, int k) {
    return pair ? Names.stateJacobian(t, k) : Names.jacobian(t, k);
  }

  static double spectralNorm(Tensor matrix) {
    return new SingularValueDecomposition(new Array2DRowRealMatrix(matrix.toRows(), false)).getNorm();
  }
}
