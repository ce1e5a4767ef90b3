package org.bptt.grader.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.bptt.grader.error.UsageException;
import org.bptt.grader.exercise.Exercise;
import org.bptt.grader.load.ExerciseLoader;
import org.bptt.grader.load.ExerciseTemplate;
import org.bptt.grader.load.RosterLoader;
import org.bptt.grader.pipeline.GraderPipeline;
import org.bptt.grader.present.BlankSubmission;
import org.bptt.grader.report.Feedback;
import org.bptt.grader.report.Recipient;
import org.bptt.grader.report.ReportFiles;
import org.bptt.grader.report.ReportRenderer;
import org.bptt.grader.report.SheetView;
import org.bptt.grader.report.SheetViews;
import org.bptt.grader.report.SolutionView;
import org.bptt.grader.report.SolutionViews;
import org.bptt.grader.solver.QuantityGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code generate EXERCISE --roster CSV --out DIR}: for every student, their own variant's problem
 * sheet and blank answer file (under {@code students/<id>/}, to hand out) and the worked-solution
 * key (under {@code keys/}, for the instructor). Everything is rendered before anything is written.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Writes each student's problem sheet, blank answer file and worked-solution key.")
final class GenerateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "EXERCISE", description = "the exercise YAML file")
  Path exerciseFile;

  @Option(names = "--roster", required = true, description = "CSV with a header row and a 'student' column")
  Path rosterFile;

  @Option(names = "--out", required = true, description = "output folder")
  Path outFolder;

  @Option(names = "--salt", description = "the course salt (default: environment variable BPTT_COURSE_SALT); "
      + "keep it: grade needs it to check each variant")
  String salt;

  @Option(names = "--digits", defaultValue = "6", description = "significant digits in the keys (default 6)")
  int digits;

  @Option(names = "--templates",
      description = "folder of your own FreeMarker templates (default: the templates built into the grader)")
  Path templatesFolder;

  @Override
  public Integer call() throws Exception {
    ExerciseTemplate template = new ExerciseLoader().loadTemplate(exerciseFile, exerciseFile.toString());
    if (template.isRandomized() && VariantChoice.salt(salt) == null) {
      throw new UsageException("exercise " + template.id() + " is randomized: pass --salt (or set "
          + GraderPipeline.SALT_VARIABLE + "), a course secret that makes the variants unguessable");
    }
    List<RosterLoader.Student> students = new RosterLoader().read(rosterFile, rosterFile.toString());
    ReportRenderer renderer = new ReportRenderer(templatesFolder);
    ReportFiles files = new ReportFiles(outFolder);
    StringBuilder summary = new StringBuilder();
    int shown = Math.max(1, Math.min(17, digits));
    boolean complete = false;
    try {
      for (RosterLoader.Student student : students) {
        GraderPipeline.Chosen choice = GraderPipeline.choose(template, student.id(), VariantChoice.salt(salt));
        Exercise exercise = choice.definition().exercise();
        QuantityGraph graph = GraderPipeline.solve(choice.definition());
        String folder = "students/" + student.id() + "/";
        Recipient recipient = new Recipient(student.id(), student.name(), choice.variantId());
        String precision = Feedback.describe(choice.definition().grading().defaultTolerance());
        SheetView sheet = SheetViews.of(exercise, graph, recipient, precision);
        files.add(folder + "sheet.html", renderer.render(ReportRenderer.SHEET_HTML, "sheet", sheet));
        files.add(folder + "sheet.md", renderer.render(ReportRenderer.SHEET_MARKDOWN, "sheet", sheet));
        files.add(folder + "answers.yaml", BlankSubmission.render(exercise, graph, student.id(), recipient.name(),
            choice.variantId(), precision));
        SolutionView key = SolutionViews.of(exercise, graph, shown, recipient);
        files.add("keys/" + student.id() + ".html", renderer.render(ReportRenderer.KEY_HTML, "key", key));
        files.add("keys/" + student.id() + ".md", renderer.render(ReportRenderer.KEY_MARKDOWN, "key", key));
        summary.append(student.id()).append(": ")
            .append(choice.variantId() == null ? "the exercise as written" : "variant " + choice.variantId()).append('\n');
      }
      files.writeAll();
      complete = true;
    } finally {
      if (!complete) {
        files.discard(); // a bad roster entry or template part way: nothing written
      }
    }
    summary.append(students.size()).append(" students: sheets and answer files in ")
        .append(outFolder.resolve("students")).append(", keys in ").append(outFolder.resolve("keys")).append('\n');
    spec.commandLine().getOut().print(summary);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
