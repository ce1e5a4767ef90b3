package org.bptt.grader.solver;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.bptt.grader.value.Tensor;

/**
 * The products of local Jacobians dh[t]/dh[k] = dh[t]/dh[t-1] ... dh[k+1]/dh[k] for k < t, and
 * their norms, whose shrinking or growth with t - k shows gradients vanishing or exploding. Needs
 * the local Jacobians that {@link SensitivityBuilder} adds.
 */
final class JacobianBuilder {

  private final ElmanGraphBuilder base;

  JacobianBuilder(ElmanGraphBuilder base) {
    this.base = base;
  }

  void addAll() {
    for (int s = 0; s < base.exercise.sequences().size(); s++) {
      String p = base.prefix(s);
      int length = base.sequence(s).length();
      for (int t = 1; t <= length; t++) {
        for (int k = t - 1; k >= 0; k--) {
          String name = p + Names.jacobian(t, k);
          if (k < t - 1) {
            String local = p + Names.jacobian(t, t - 1);
            String rest = p + Names.jacobian(t - 1, k);
            base.add(name, Stage.JACOBIAN, "product of local Jacobians dh[t]/dh[t-1] dh[t-1]/dh[k]",
                ElmanGraphBuilder.inputs(local, rest), in -> in.tensor(local).times(in.tensor(rest)));
          }
          base.add("norm(" + name + ")", Stage.JACOBIAN, "Frobenius norm of " + Names.jacobian(t, k),
              ElmanGraphBuilder.inputs(name), in -> Tensor.scalar(in.tensor(name).frobeniusNorm()));
          base.add("norm2(" + name + ")", Stage.JACOBIAN, "spectral norm (largest singular value) of " + Names.jacobian(t, k),
              ElmanGraphBuilder.inputs(name), in -> Tensor.scalar(spectralNorm(in.tensor(name))));
        }
      }
    }
  }

  static double spectralNorm(Tensor matrix) {
    return new SingularValueDecomposition(new Array2DRowRealMatrix(matrix.toRows(), false)).getNorm();
  }
}
