package org.bptt.grader.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.bptt.grader.load.ExerciseDefinition;
import org.bptt.grader.load.ExerciseLoader;
import org.bptt.grader.error.UsageException;
import org.bptt.grader.load.ExerciseTemplate;
import org.bptt.grader.load.Ids;
import org.bptt.grader.pipeline.GraderPipeline;
import org.bptt.grader.present.BlankSubmission;
import org.bptt.grader.report.Feedback;
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

  @Option(names = "--salt", description = "for a randomized exercise, the course salt (default: BPTT_COURSE_SALT)")
  String salt;

  @Override
  public Integer call() throws Exception {
    String problem = Ids.studentProblem(student);
    if (problem != null) {
      throw new UsageException("--student: " + problem.substring(problem.indexOf(':') + 2));
    }
    ExerciseTemplate template = new ExerciseLoader().loadTemplate(exerciseFile, exerciseFile.toString());
    GraderPipeline.Chosen choice = GraderPipeline.choose(template, student, VariantChoice.salt(salt));
    ExerciseDefinition definition = choice.definition();
    spec.commandLine().getOut().print(BlankSubmission.render(definition.exercise(),
        GraderPipeline.solve(definition), student, choice.variantId(),
        Feedback.describe(definition.grading().defaultTolerance())));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
