package org.bptt.grader.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.bptt.grader.exercise.Exercise;
import org.bptt.grader.load.ExerciseDefinition;
import org.bptt.grader.pipeline.GraderPipeline;
import org.bptt.grader.present.SolutionJson;
import org.bptt.grader.present.SolutionText;
import org.bptt.grader.report.ReportRenderer;
import org.bptt.grader.report.SolutionViews;
import org.bptt.grader.solver.AskedQuantities;
import org.bptt.grader.solver.QuantityGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code solve EXERCISE}: prints the worked solution, stage by stage: the asked quantities and what they
 * need ({@code --all}: every quantity); as an answer
 * key in HTML or Markdown with {@code --format html|markdown}.
 */
@Command(name = "solve", mixinStandardHelpOptions = true,
    description = "Prints the worked solution of an exercise, every quantity stage by stage.")
final class SolveCommand implements Callable<Integer> {

  enum Format { text, json, html, markdown }

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "EXERCISE", description = "the exercise YAML file")
  Path exerciseFile;

  @Option(names = "--format", defaultValue = "text",
      description = "text (default), json, or an answer key as html or markdown")
  Format format;

  @Option(names = "--digits", defaultValue = "6",
      description = "significant digits in text, html and markdown output (default 6)")
  int digits;

  @Option(names = "--templates",
      description = "folder of your own FreeMarker templates for html and markdown (default: the templates built "
          + "into the grader)")
  Path templatesFolder;

  @Option(names = "--student", description = "for a randomized exercise: show this student's variant "
      + "(default: the preview variant)")
  String student;

  @Option(names = "--salt", description = "the course salt for --student (default: BPTT_COURSE_SALT)")
  String salt;

  @Option(names = "--all", description = "every quantity the solver can compute, not only the asked ones and what "
      + "they need")
  boolean all;

  @Override
  public Integer call() throws Exception {
    ExerciseDefinition definition = GraderPipeline.loadExercise(exerciseFile, student, VariantChoice.salt(salt));
    Exercise exercise = definition.exercise();
    QuantityGraph solved = GraderPipeline.solve(definition);
    QuantityGraph graph = all || exercise.asked().isEmpty()
        ? solved : solved.restrictedTo(AskedQuantities.expand(exercise.asked(), solved));
    int shown = Math.max(1, Math.min(17, digits));
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      SolutionJson.write(exercise, graph, out); // streamed: the largest exercise's JSON is tens of MB
      return 0;
    }
    String rendered = switch (format) {
      case text -> SolutionText.render(exercise, graph, shown);
      case html -> new ReportRenderer(templatesFolder)
          .render(ReportRenderer.KEY_HTML, "key", SolutionViews.of(exercise, graph, shown));
      case markdown -> new ReportRenderer(templatesFolder)
          .render(ReportRenderer.KEY_MARKDOWN, "key", SolutionViews.of(exercise, graph, shown));
      case json -> throw new AssertionError("streamed above");
    };
    out.print(rendered);
    out.flush();
    return 0;
  }
}
