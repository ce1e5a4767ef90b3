package org.bptt.grader.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.bptt.grader.error.ErrorLine;
import org.bptt.grader.error.GraderException;
import org.bptt.grader.error.OutputException;
import org.bptt.grader.error.UsageException;
import org.bptt.grader.pipeline.GraderPipeline;
import org.bptt.grader.pipeline.GradingOptions;
import org.bptt.grader.report.Reveal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code grade SUBMISSION...}: the pipeline, load exercise, solve, load submission, compare,
 * render, write. Exit 0 when every asked quantity is correct, 1 when some are not, 2 on bad input.
 */
@Command(name = "grade", mixinStandardHelpOptions = true,
    description = "Grades submissions and writes HTML, Markdown and JUnit XML reports.")
final class GradeCommand implements Callable<Integer> {

  enum Format { text, json, gradescope }

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "SUBMISSION", description = "submission YAML or JSON files")
  List<Path> submissionFiles;

  @Option(names = "--exercises", defaultValue = "exercises",
      description = "folder of exercise files (default: exercises, in the working directory)")
  Path exercisesFolder;

  @Option(names = "--out", defaultValue = "reports",
      description = "report folder (default: reports, in the working directory; created when missing)")
  Path reportFolder;

  @Option(names = "--templates",
      description = "folder of your own FreeMarker templates (default: the templates built into the grader)")
  Path templatesFolder;

  @Option(names = "--format", defaultValue = "text", description = "summary format: text (default), json, or "
      + "gradescope (Gradescope's autograder results.json, for one submission)")
  Format format;

  @Option(names = "--carried-forward-credit", description = "credit for a carried-forward answer, 0 to 1 "
      + "(default: the exercise's, normally 1)")
  Double carriedForwardCredit;

  @Option(names = "--keep-going", description = "grade every file that can be graded: a file that cannot is rejected "
      + "with its error (listed in the summary; exit code 2 once everything else is written), and an unreadable "
      + "answer is graded invalid")
  boolean keepGoing;

  @Option(names = "--progress", description = "print a progress line on standard error (default: only when it is "
      + "a terminal)")
  boolean progress;

  @Option(names = "--reveal", paramLabel = "LEVEL", description = "what students see in every report, the summary "
      + "and the JSON: score (the total), verdicts (each quantity's verdict), hints (also misconceptions, carried-from "
      + "answers and which entries are off, never a reference value) or full (default: each exercise's "
      + "grading.reveal, normally full); the class files always hold everything")
  String reveal;

  @Option(names = "--roster", description = "class roster (CSV with a student column and optionally name) whose "
      + "names the gradebook OUT/<exercise>/class.csv shows (default: none)")
  Path roster;

  @Option(names = "--no-reports", description = "print the summary only; write no report files")
  boolean noReports;

  @Option(names = "--salt", description = "the course salt that generate used (default: environment variable "
      + "BPTT_COURSE_SALT); needed for randomized exercises, to check each variant belongs to its student")
  String salt;

  @Override
  public Integer call() throws Exception {
    GradingOptions options;
    Reveal level = reveal == null ? null : Reveal.of(reveal);
    if (reveal != null && level == null) {
      throw new UsageException("--reveal: expected score, verdicts, hints or full, got '" + ErrorLine.quote(reveal) + "'");
    }
    try {
      options = new GradingOptions(exercisesFolder, reportFolder, templatesFolder, carriedForwardCredit, keepGoing,
          !noReports, VariantChoice.salt(salt), level, roster);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    if (format == Format.gradescope && submissionFiles.size() != 1) {
      throw new UsageException("--format gradescope grades one submission (Gradescope runs the grader once per "
          + "student), got " + submissionFiles.size());
    }
    PrintWriter err = spec.commandLine().getErr();
    Progress shown = Progress.of(err, submissionFiles.size(), progress);
    try (Spool spool = new Spool()) {
      GradeSummary summary = switch (format) {
        case json -> new GradeSummary.Json(spool);
        case gradescope -> new GradeSummary.Gradescope(spool);
        case text -> new GradeSummary.Text(spool, !noReports);
      };
      GraderPipeline.Totals totals;
      try {
        totals = new GraderPipeline(options).grade(submissionFiles, new GraderPipeline.Listener() {
          @Override
          public void graded(GraderPipeline.Graded graded) throws GraderException {
            write(() -> summary.graded(graded));
            if (shown != null) {
              shown.step(false);
            }
            HeapBudget.keep();
          }

          @Override
          public void rejected(GraderPipeline.Rejected rejected) throws GraderException {
            if (shown != null) {
              shown.interrupt();
            }
            err.println("error: " + rejected.error()); // each rejected file gets its line in the log as it happens
            err.flush();
            write(() -> summary.rejected(rejected));
            if (shown != null) {
              shown.step(true);
            }
          }
        });
      } catch (GraderException e) {
        if (shown != null) {
          shown.interrupt();
        }
        throw e;
      }
      int exitCode = !totals.rejected().isEmpty() ? 2 : totals.allCorrect() == totals.graded() ? 0 : 1;
      write(() -> summary.end(totals, exitCode));
      PrintWriter out = spec.commandLine().getOut();
      spool.copyTo(out);
      out.flush();
      return exitCode;
    }
  }

  private interface Step {
    void run() throws IOException;
  }

  private static void write(Step step) throws OutputException {
    try {
      step.run();
    } catch (IOException e) {
      throw new OutputException("cannot write the summary (" + ErrorLine.reason(e) + ")", e);
    }
  }
}
