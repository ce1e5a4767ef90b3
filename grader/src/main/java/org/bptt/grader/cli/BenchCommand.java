package org.bptt.grader.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.bptt.grader.grading.Grader;
import org.bptt.grader.grading.Submission;
import org.bptt.grader.grading.SubmissionResult;
import org.bptt.grader.pipeline.PreparedExercise;
import org.bptt.grader.load.ExerciseDefinition;
import org.bptt.grader.load.SubmissionLoader;
import org.bptt.grader.pipeline.GraderPipeline;
import org.bptt.grader.present.TextTable;
import org.bptt.grader.report.ReportRenderer;
import org.bptt.grader.report.ReportViews;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: how long each stage of the pipeline takes on the project's exercises and sample
 * submissions, and how much heap a grading run holds. Timings are medians over repeated runs
 * after a warm-up; they are measurements to compare, never asserted by tests.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Measures the time of each pipeline stage on the exercises and their sample submissions.")
final class BenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--exercises", defaultValue = "exercises", description = "folder of exercise files (default exercises)")
  Path exercisesFolder;

  @Option(names = "--samples", defaultValue = "exercises/samples", description = "folder of sample submissions")
  Path samplesFolder;

  @Option(names = "--repeat", defaultValue = "20", description = "timed repetitions per stage (default 20)")
  int repeat;

  @Override
  public Integer call() throws Exception {
    int runs = Math.max(1, repeat);
    TextTable table = new TextTable(List.of("exercise", "load ms", "solve ms", "prepare ms", "grade ms",
        "render ms", "heap MB"));
    List<Path> files;
    try (Stream<Path> listing = Files.list(exercisesFolder)) {
      files = listing.filter(path -> path.toString().endsWith(".yaml")).sorted().toList();
    }
    ReportRenderer renderer = new ReportRenderer(null);
    for (Path file : files) {
      ExerciseDefinition definition = GraderPipeline.loadExercise(file, null, null);
      double load = median(runs, () -> GraderPipeline.loadExercise(file, null, null));
      double solve = median(runs, () -> GraderPipeline.solve(definition));
      double prepare = median(Math.max(1, runs / 5), () -> PreparedExercise.prepare(definition));
      PreparedExercise prepared = PreparedExercise.prepare(definition);
      String grade = "-";
      String render = "-";
      Path sample = samplesFolder.resolve(definition.exercise().id() + "-author.yaml");
      if (Files.exists(sample)) {
        SubmissionLoader loader = new SubmissionLoader();
        Submission submission = loader.readAnswers(loader.readHeader(sample, sample.toString()),
            definition.exercise(), prepared.graph(), false);
        Grader grader = prepared.grader();
        SubmissionResult result = grader.grade(submission);
        grade = format(median(runs, () -> grader.grade(submission)));
        render = format(median(runs, () -> renderer.render(ReportRenderer.HTML, ReportViews.of(result,
            definition.exercise(), prepared.graph()))));
      }
      table.add(List.of(definition.exercise().id(), format(load), format(solve), format(prepare), grade, render,
          format(heapMegabytes())));
    }
    spec.commandLine().getOut().print("median of " + runs + " runs after a warm-up; solve declares the graph "
        + "(values are computed when read); prepare also computes what grading reads: the asked values, their "
        + "rounding budgets (propagated through the graph at each precision) and the grader (median of " + Math.max(1, runs / 5) + ")\n"
        + table.render(""));
    spec.commandLine().getOut().flush();
    return 0;
  }

  /** A stage to time. */
  @FunctionalInterface
  interface Stage {
    Object run() throws Exception;
  }

  private static double median(int runs, Stage stage) throws Exception {
    stage.run(); // warm-up: class loading and the JIT's first pass
    double[] millis = new double[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      Object result = stage.run();
      millis[i] = (System.nanoTime() - start) / 1e6;
      if (result == null) {
        throw new IllegalStateException("a benchmarked stage returned nothing");
      }
    }
    Arrays.sort(millis);
    return millis[runs / 2];
  }

  private static double heapMegabytes() {
    Runtime runtime = Runtime.getRuntime();
    System.gc();
    return (runtime.totalMemory() - runtime.freeMemory()) / (1024.0 * 1024.0);
  }

  private static String format(double value) {
    return org.bptt.grader.present.Numbers.format(value, 3);
  }
}
