package org.bptt.grader.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.bptt.grader.exercise.Exercise;
import org.bptt.grader.load.ExerciseLoader;
import org.bptt.grader.present.SolutionJson;
import org.bptt.grader.present.SolutionText;
import org.bptt.grader.solver.ElmanSolver;
import org.bptt.grader.solver.QuantityGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code solve EXERCISE}: prints the worked solution, every quantity stage by stage. */
@Command(name = "solve", mixinStandardHelpOptions = true,
    description = "Prints the worked solution of an exercise, every quantity stage by stage.")
final class SolveCommand implements Callable<Integer> {

  enum Format { text, json }

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "EXERCISE", description = "the exercise YAML file")
  Path exerciseFile;

  @Option(names = "--format", defaultValue = "text", description = "text (default) or json")
  Format format;

  @Option(names = "--digits", defaultValue = "6", description = "significant digits in text output (default 6)")
  int digits;

  @Override
  public Integer call() throws Exception {
    Exercise exercise = new ExerciseLoader().load(exerciseFile, exerciseFile.toString());
    QuantityGraph graph = ElmanSolver.solve(exercise);
    String rendered = format == Format.json
        ? SolutionJson.render(exercise, graph)
        : SolutionText.render(exercise, graph, Math.max(1, Math.min(17, digits)));
    spec.commandLine().getOut().print(rendered);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
