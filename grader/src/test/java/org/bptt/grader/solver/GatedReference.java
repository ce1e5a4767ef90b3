package org.bptt.grader.solver;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bptt.grader.exercise.Exercise;
import org.bptt.grader.exercise.LossSpec;
import org.bptt.grader.exercise.ModelKind;
import org.bptt.grader.exercise.ModelSpec;
import org.bptt.grader.exercise.OutputFunction;
import org.bptt.grader.exercise.Parameter;
import org.bptt.grader.exercise.SequenceData;

/**
 * A straightforward LSTM and GRU, forward and backward, in plain arrays, written from PyTorch's
 * definitions without the solver's graph, expressions or cells: the independent method the gated
 * cells' tests compare the solver with (besides finite differences of {@link #loss}).
 *
 * <p>Parameters are flat row-major arrays keyed by {@link Parameter}; a missing bias is zero.
 */
final class GatedReference {

  private final Exercise exercise;
  private final ModelSpec model;
  private final LossSpec loss;
  private final Map<Parameter, double[]> p = new TreeMap<>();
  private final int inputs;
  private final int hidden;

  GatedReference(Exercise exercise) {
    this(exercise, flat(exercise.parameters()));
  }

  GatedReference(Exercise exercise, Map<Parameter, double[]> parameters) {
    this.exercise = exercise;
    this.model = exercise.model();
    this.loss = exercise.loss();
    this.p.putAll(parameters);
    this.inputs = model.inputSize();
    this.hidden = model.hiddenSize();
  }

  static Map<Parameter, double[]> flat(Map<Parameter, org.bptt.grader.value.Tensor> parameters) {
    Map<Parameter, double[]> flat = new TreeMap<>();
    parameters.forEach((parameter, value) -> flat.put(parameter, value.toArray()));
    return flat;
  }

  /** One step's values: the state after it and everything the backward pass reads. */
  static final class Step {
    double[] x;
    double[] hPrev;
    double[] cPrev;
    double[] i, f, g, o, c, h; // LSTM (o: the output gate)
    double[] r, z, hn, n;      // GRU
    double[] y;
  }

  /** The forward pass of sequence s from a state (h0, c0): its steps, 1-based (index 0 unused). */
  Step[] forward(int s, double[] h0, double[] c0) {
    SequenceData sequence = exercise.sequences().get(s);
    int length = sequence.length();
    Step[] steps = new Step[length + 1];
    double[] h = h0.clone();
    double[] c = c0 == null ? null : c0.clone();
    for (int t = 1; t <= length; t++) {
      Step step = new Step();
      step.x = sequence.inputs().get(t - 1).toArray();
      step.hPrev = h;
      step.cPrev = c;
      if (model.kind() == ModelKind.LSTM) {
        step.i = sigmoid(gate(Parameter.W_XI, Parameter.W_HI, Parameter.B_I, step));
        step.f = sigmoid(gate(Parameter.W_XF, Parameter.W_HF, Parameter.B_F, step));
        step.g = tanh(gate(Parameter.W_XG, Parameter.W_HG, Parameter.B_G, step));
        step.o = sigmoid(gate(Parameter.W_XO, Parameter.W_HO, Parameter.B_O, step));
        step.c = new double[hidden];
        step.h = new double[hidden];
        for (int k = 0; k < hidden; k++) {
          step.c[k] = step.f[k] * c[k] + step.i[k] * step.g[k];
          step.h[k] = step.o[k] * Math.tanh(step.c[k]);
        }
        c = step.c;
      } else {
        step.r = sigmoid(gate(Parameter.W_XR, Parameter.W_HR, Parameter.B_R, step));
        step.z = sigmoid(gate(Parameter.W_XZ, Parameter.W_HZ, Parameter.B_Z, step));
        step.hn = add(times(Parameter.W_HN, h, hidden), bias(Parameter.B_HN));
        double[] an = add(times(Parameter.W_XN, step.x, inputs), bias(Parameter.B_XN));
        step.n = new double[hidden];
        step.h = new double[hidden];
        for (int k = 0; k < hidden; k++) {
          step.n[k] = Math.tanh(an[k] + step.r[k] * step.hn[k]);
          step.h[k] = (1 - step.z[k]) * step.n[k] + step.z[k] * h[k];
        }
      }
      h = step.h;
      step.y = prediction(step.h);
      steps[t] = step;
    }
    return steps;
  }

  private double[] gate(Parameter input, Parameter recurrent, Parameter bias, Step step) {
    return add(add(times(input, step.x, inputs), times(recurrent, step.hPrev, hidden)), bias(bias));
  }

  private double[] prediction(double[] h) {
    if (!model.output().hasOutputLayer()) {
      return h;
    }
    double[] logits = add(times(Parameter.W_HY, h, hidden), bias(Parameter.B_Y));
    return model.output() == OutputFunction.SOFTMAX ? softmax(logits) : logits;
  }

  double[] initialHidden() {
    return p.get(Parameter.H0);
  }

  double[] initialCell() {
    return model.kind() == ModelKind.LSTM ? p.get(Parameter.C0) : null;
  }

  /** The total loss L. */
  double loss() {
    double total = 0;
    for (int s = 0; s < exercise.sequences().size(); s++) {
      Step[] steps = forward(s, initialHidden(), initialCell());
      int length = steps.length - 1;
      for (int t = 1; t <= length; t++) {
        if (hasLoss(s, t)) {
          total += weight(s) * stepLoss(steps[t].y, target(s, t));
        }
      }
    }
    return total;
  }

  private double stepLoss(double[] y, double[] target) {
    double total = 0;
    for (int k = 0; k < y.length; k++) {
      total += loss.kind() == LossSpec.Kind.CROSS_ENTROPY
          ? (target[k] == 0 ? 0 : -target[k] * Math.log(y[k]))
          : loss.scale() * (y[k] - target[k]) * (y[k] - target[k]);
    }
    return total;
  }

  boolean hasLoss(int s, int t) {
    return loss.steps() == LossSpec.Steps.ALL || t == exercise.sequences().get(s).length();
  }

  private double[] target(int s, int t) {
    List<org.bptt.grader.value.Tensor> targets = exercise.sequences().get(s).targets();
    return targets.get(loss.steps() == LossSpec.Steps.ALL ? t - 1 : 0).toArray();
  }

  double weight(int s) {
    int steps = loss.steps() == LossSpec.Steps.ALL ? exercise.sequences().get(s).length() : 1;
    double weight = loss.timeReduction() == LossSpec.Reduction.MEAN ? 1.0 / steps : 1;
    return loss.sequenceReduction() == LossSpec.Reduction.MEAN ? weight / exercise.sequences().size() : weight;
  }

  /** Backpropagation through time: contributions.get(θ)[s][t] (weighted), and dL/dh0, dL/dc0 per sequence. */
  record Gradients(Map<Parameter, double[][][]> contributions, double[][] initialHidden, double[][] initialCell) {

    /** The sum over sequences and the steps from the last {@code keep} of each (all with keep = 0). */
    double[] total(Parameter parameter, int keep) {
      double[][][] perSequence = contributions.get(parameter);
      double[] sum = null;
      for (double[][] steps : perSequence) {
        int length = steps.length - 1;
        for (int t = 1; t <= length; t++) {
          if (keep > 0 && t < length - keep + 1) {
            continue;
          }
          if (sum == null) {
            sum = new double[steps[t].length];
          }
          for (int k = 0; k < sum.length; k++) {
            sum[k] += steps[t][k];
          }
        }
      }
      return sum;
    }
  }

  Gradients backward() {
    int sequences = exercise.sequences().size();
    Map<Parameter, double[][][]> contributions = new TreeMap<>();
    for (Parameter parameter : p.keySet()) {
      if (parameter.isTrained()) {
        contributions.put(parameter, new double[sequences][][]);
      }
    }
    double[][] initialHidden = new double[sequences][];
    double[][] initialCell = new double[sequences][];
    for (int s = 0; s < sequences; s++) {
      Step[] steps = forward(s, initialHidden(), initialCell());
      int length = steps.length - 1;
      for (Parameter parameter : contributions.keySet()) {
        contributions.get(parameter)[s] = new double[length + 1][p.get(parameter).length];
      }
      double[] fromNext = new double[hidden];   // the error reaching h[t] from step t+1
      double[] cellCarry = new double[hidden];  // dL/dc[t+1] ⊙ f[t+1]
      for (int t = length; t >= 1; t--) {
        Step step = steps[t];
        double[] dh = fromNext.clone();
        if (hasLoss(s, t)) {
          double[] outputError = outputError(step.y, target(s, t));
          for (int k = 0; k < outputError.length; k++) {
            outputError[k] *= weight(s);
          }
          if (model.output().hasOutputLayer()) {
            addOuter(contributions.get(Parameter.W_HY)[s][t], outputError, step.h);
            if (contributions.containsKey(Parameter.B_Y)) {
              addInto(contributions.get(Parameter.B_Y)[s][t], outputError);
            }
            addInto(dh, transposeTimes(Parameter.W_HY, outputError, hidden));
          } else {
            addInto(dh, outputError);
          }
        }
        Map<Parameter, double[][][]> c = contributions;
        if (model.kind() == ModelKind.LSTM) {
          double[] dc = new double[hidden];
          double[] dai = new double[hidden], daf = new double[hidden], dag = new double[hidden], dao = new double[hidden];
          for (int k = 0; k < hidden; k++) {
            double tc = Math.tanh(step.c[k]);
            dc[k] = dh[k] * step.o[k] * (1 - tc * tc) + cellCarry[k];
            dao[k] = dh[k] * tc * step.o[k] * (1 - step.o[k]);
            dai[k] = dc[k] * step.g[k] * step.i[k] * (1 - step.i[k]);
            daf[k] = dc[k] * step.cPrev[k] * step.f[k] * (1 - step.f[k]);
            dag[k] = dc[k] * step.i[k] * (1 - step.g[k] * step.g[k]);
            cellCarry[k] = dc[k] * step.f[k];
          }
          fromNext = new double[hidden];
          gateGradients(c, s, t, step, dai, Parameter.W_XI, Parameter.W_HI, Parameter.B_I, fromNext);
          gateGradients(c, s, t, step, daf, Parameter.W_XF, Parameter.W_HF, Parameter.B_F, fromNext);
          gateGradients(c, s, t, step, dag, Parameter.W_XG, Parameter.W_HG, Parameter.B_G, fromNext);
          gateGradients(c, s, t, step, dao, Parameter.W_XO, Parameter.W_HO, Parameter.B_O, fromNext);
        } else {
          double[] dar = new double[hidden], daz = new double[hidden], dan = new double[hidden], dhn = new double[hidden];
          fromNext = new double[hidden];
          for (int k = 0; k < hidden; k++) {
            double dn = dh[k] * (1 - step.z[k]);
            double dz = dh[k] * (step.hPrev[k] - step.n[k]);
            dan[k] = dn * (1 - step.n[k] * step.n[k]);
            dhn[k] = dan[k] * step.r[k];
            dar[k] = dan[k] * step.hn[k] * step.r[k] * (1 - step.r[k]);
            daz[k] = dz * step.z[k] * (1 - step.z[k]);
            fromNext[k] = dh[k] * step.z[k];
          }
          gateGradients(c, s, t, step, dar, Parameter.W_XR, Parameter.W_HR, Parameter.B_R, fromNext);
          gateGradients(c, s, t, step, daz, Parameter.W_XZ, Parameter.W_HZ, Parameter.B_Z, fromNext);
          addOuter(c.get(Parameter.W_XN)[s][t], dan, step.x);
          addOuter(c.get(Parameter.W_HN)[s][t], dhn, step.hPrev);
          if (c.containsKey(Parameter.B_XN)) {
            addInto(c.get(Parameter.B_XN)[s][t], dan);
            addInto(c.get(Parameter.B_HN)[s][t], dhn);
          }
          addInto(fromNext, transposeTimes(Parameter.W_HN, dhn, hidden));
        }
      }
      initialHidden[s] = fromNext;
      initialCell[s] = cellCarry;
    }
    return new Gradients(contributions, initialHidden, initialCell);
  }

  private void gateGradients(Map<Parameter, double[][][]> c, int s, int t, Step step, double[] error, Parameter input,
      Parameter recurrent, Parameter bias, double[] toPrevious) {
    addOuter(c.get(input)[s][t], error, step.x);
    addOuter(c.get(recurrent)[s][t], error, step.hPrev);
    if (c.containsKey(bias)) {
      addInto(c.get(bias)[s][t], error);
    }
    addInto(toPrevious, transposeTimes(recurrent, error, hidden));
  }

  /** dL[t]/do[t] (or dL[t]/dy[t] without an output layer), unweighted. */
  private double[] outputError(double[] y, double[] target) {
    int size = y.length;
    double[] result = new double[size];
    if (model.output() != OutputFunction.SOFTMAX) {
      for (int k = 0; k < size; k++) {
        result[k] = 2 * loss.scale() * (y[k] - target[k]);
      }
    } else if (loss.kind() == LossSpec.Kind.CROSS_ENTROPY) {
      double mass = 0;
      for (double value : target) {
        mass += value;
      }
      for (int k = 0; k < size; k++) {
        result[k] = mass * y[k] - target[k];
      }
    } else {
      for (int i = 0; i < size; i++) {
        for (int k = 0; k < size; k++) {
          result[i] += 2 * loss.scale() * (y[k] - target[k]) * y[k] * ((k == i ? 1 : 0) - y[i]);
        }
      }
    }
    return result;
  }

  // --- arithmetic ------------------------------------------------------------------------------

  private double[] bias(Parameter parameter) {
    return p.get(parameter);
  }

  /** W v for a parameter W of {@code columns} columns (flat row-major). */
  private double[] times(Parameter parameter, double[] vector, int columns) {
    double[] matrix = p.get(parameter);
    double[] result = new double[matrix.length / columns];
    for (int row = 0; row < result.length; row++) {
      for (int j = 0; j < columns; j++) {
        result[row] += matrix[row * columns + j] * vector[j];
      }
    }
    return result;
  }

  private double[] transposeTimes(Parameter parameter, double[] vector, int columns) {
    double[] matrix = p.get(parameter);
    double[] result = new double[columns];
    for (int row = 0; row < vector.length; row++) {
      for (int j = 0; j < columns; j++) {
        result[j] += matrix[row * columns + j] * vector[row];
      }
    }
    return result;
  }

  private static double[] add(double[] left, double[] right) {
    if (right == null) {
      return left;
    }
    double[] result = left.clone();
    addInto(result, right);
    return result;
  }

  static void addInto(double[] total, double[] term) {
    for (int k = 0; k < term.length; k++) {
      total[k] += term[k];
    }
  }

  private static void addOuter(double[] total, double[] u, double[] v) {
    for (int i = 0; i < u.length; i++) {
      for (int j = 0; j < v.length; j++) {
        total[i * v.length + j] += u[i] * v[j];
      }
    }
  }

  private static double[] sigmoid(double[] values) {
    double[] result = new double[values.length];
    for (int k = 0; k < values.length; k++) {
      result[k] = 1 / (1 + Math.exp(-values[k]));
    }
    return result;
  }

  private static double[] tanh(double[] values) {
    double[] result = new double[values.length];
    for (int k = 0; k < values.length; k++) {
      result[k] = Math.tanh(values[k]);
    }
    return result;
  }

  private static double[] softmax(double[] logits) {
    double max = Double.NEGATIVE_INFINITY;
    for (double logit : logits) {
      max = Math.max(max, logit);
    }
    double total = 0;
    double[] result = new double[logits.length];
    for (int k = 0; k < logits.length; k++) {
      result[k] = Math.exp(logits[k] - max);
      total += result[k];
    }
    for (int k = 0; k < logits.length; k++) {
      result[k] /= total;
    }
    return result;
  }
}
