package org.bptt.grader.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.bptt.grader.exercise.Exercise;
import org.bptt.grader.load.ExerciseLoader;
import org.bptt.grader.solver.AskedQuantities;
import org.bptt.grader.solver.ElmanSolver;
import org.bptt.grader.solver.Quantity;
import org.bptt.grader.solver.QuantityGraph;
import org.bptt.grader.value.Tensor;
import org.bptt.grader.value.Value;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code template EXERCISE}: a blank submission listing every asked quantity, its shape and meaning. */
@Command(name = "template", mixinStandardHelpOptions = true,
    description = "Prints a blank submission for an exercise: every asked quantity with its shape and meaning.")
final class TemplateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "EXERCISE", description = "the exercise YAML file")
  Path exerciseFile;

  @Option(names = "--student", defaultValue = "YOUR-ID", description = "the student id to fill in")
  String student;

  @Override
  public Integer call() throws Exception {
    Exercise exercise = new ExerciseLoader().load(exerciseFile, exerciseFile.toString());
    QuantityGraph graph = ElmanSolver.solve(exercise);
    StringBuilder out = new StringBuilder();
    out.append("# Answers for ").append(exercise.id()).append(": ").append(exercise.title()).append('\n');
    out.append("# Fill in each value: a number, a list [..] for a vector, a list of rows [[..], [..]] for a matrix.\n");
    out.append("# Numbers may also be quoted strings such as \"4.8e-3\". Leave ~ for a quantity you skip.\n");
    out.append("exercise: ").append(exercise.id()).append('\n');
    out.append("student: ").append(student).append('\n');
    out.append("answers:\n");
    List<String> asked = AskedQuantities.expand(exercise.asked(), graph);
    for (String name : asked) {
      Quantity quantity = graph.quantity(name).orElseThrow();
      String documentName = exercise.notation().render(name);
      out.append("  # ").append(documentName.equals(name) ? "" : documentName + ": ").append(exercise.notation().render(quantity.meaning()))
          .append(" (").append(shape(graph.value(name))).append(")\n");
      out.append("  \"").append(name).append("\": ~\n");
    }
    spec.commandLine().getOut().print(out);
    spec.commandLine().getOut().flush();
    return 0;
  }

  private static String shape(Value value) {
    if (value instanceof Tensor tensor) {
      return switch (tensor.shape().kind()) {
        case SCALAR -> "a number";
        case VECTOR -> tensor.size() == 1 ? "a number" : "a list of " + tensor.size();
        case MATRIX -> tensor.size() == 1 ? "a number" : tensor.rows() + "x" + tensor.columns() + " matrix";
      };
    }
    return "a symbol";
  }
}
