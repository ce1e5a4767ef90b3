package org.bptt.grader.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.bptt.grader.error.ErrorLine;
import org.bptt.grader.error.UsageException;
import org.bptt.grader.exercise.Notation;
import org.bptt.grader.grading.QuantityResult;
import org.bptt.grader.grading.SubmissionResult;
import org.bptt.grader.grading.Verdict;
import org.bptt.grader.pipeline.GraderPipeline;
import org.bptt.grader.pipeline.GradingOptions;
import org.bptt.grader.present.Numbers;
import org.bptt.grader.present.SolutionJson;
import org.bptt.grader.report.Feedback;
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

  enum Format { text, json }

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "SUBMISSION", description = "submission YAML or JSON files")
  List<Path> submissionFiles;

  @Option(names = "--exercises", defaultValue = "exercises", description = "folder of exercise files (default exercises)")
  Path exercisesFolder;

  @Option(names = "--out", defaultValue = "reports", description = "report folder (default reports)")
  Path reportFolder;

  @Option(names = "--templates", defaultValue = "templates",
      description = "FreeMarker templates folder (default templates; the built-in copies when it does not exist)")
  Path templatesFolder;

  @Option(names = "--format", defaultValue = "text", description = "summary format: text (default) or json")
  Format format;

  @Option(names = "--carried-forward-credit", description = "credit for a carried-forward answer, 0 to 1 "
      + "(default: the exercise's, normally 1)")
  Double carriedForwardCredit;

  @Option(names = "--keep-going", description = "grade an unreadable answer as invalid instead of stopping")
  boolean keepGoing;

  @Option(names = "--no-reports", description = "print the summary only; write no report files")
  boolean noReports;

  @Option(names = "--salt", description = "the course salt that generate used (default: environment variable "
      + "BPTT_COURSE_SALT); needed for randomized exercises, to check each variant belongs to its student")
  String salt;

  @Override
  public Integer call() throws Exception {
    GradingOptions options;
    try {
      options = new GradingOptions(exercisesFolder, reportFolder, templatesFolder, carriedForwardCredit, keepGoing,
          !noReports, VariantChoice.salt(salt));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    GraderPipeline.Run run = new GraderPipeline(options).grade(submissionFiles);
    List<SubmissionResult> results = run.graded().stream().map(GraderPipeline.Graded::result).toList();
    List<Notation> notations = run.graded().stream().map(graded -> graded.exercise().notation()).toList();
    List<String> reportPaths = run.graded().stream().map(graded -> String.valueOf(graded.htmlReport())).toList();
    PrintWriter out = spec.commandLine().getOut();
    out.print(format == Format.json ? json(results, notations)
        : text(results, notations, noReports ? null : reportPaths));
    out.flush();
    return run.allCorrect() ? 0 : 1;
  }

  /**
   * {@code notations}: each result's document notation, for the feedback. Whatever a submission
   * brought (its file name inside the feedback, its ids, an answer quoted back) is shown {@link
   * ErrorLine#visible}: an escape sequence or a bidirectional override is printed, not obeyed.
   */
  private static String text(List<SubmissionResult> results, List<Notation> notations, List<String> reportPaths) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < results.size(); i++) {
      SubmissionResult result = results.get(i);
      out.append(ErrorLine.visible(result.exerciseId())).append(' ').append(ErrorLine.visible(result.student()))
          .append(": ").append(Numbers.format(result.score(), 4)).append(" / ").append(result.maxScore()).append(" (");
      List<String> counts = new ArrayList<>();
      for (Verdict verdict : Verdict.values()) {
        counts.add(verdict.id() + " " + result.count(verdict));
      }
      out.append(String.join(", ", counts)).append(')');
      if (reportPaths != null) {
        out.append(" -> ").append(ErrorLine.visible(reportPaths.get(i)));
      }
      out.append('\n');
      for (QuantityResult quantity : result.quantities()) {
        if (quantity.credit() < 1) {
          out.append("  ").append(quantity.verdict().id()).append(' ').append(ErrorLine.visible(quantity.documentName()))
              .append(": ").append(ErrorLine.visible(Feedback.sentence(quantity, notations.get(i)))).append('\n');
        }
      }
    }
    return out.toString();
  }

  /** {@code notations}: each result's document notation, for the feedback. */
  static String json(List<SubmissionResult> results, List<Notation> notations) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    ArrayNode array = nodes.arrayNode();
    for (int i = 0; i < results.size(); i++) {
      SubmissionResult result = results.get(i);
      ObjectNode root = array.addObject();
      root.put("exercise", result.exerciseId());
      root.put("student", result.student());
      root.put("score", result.score());
      root.put("max_score", result.maxScore());
      ArrayNode quantities = root.putArray("quantities");
      for (QuantityResult quantity : result.quantities()) {
        ObjectNode item = quantities.addObject();
        item.put("name", quantity.name());
        item.put("verdict", quantity.verdict().id());
        item.set("submitted", quantity.submitted() == null ? nodes.nullNode() : SolutionJson.toJson(quantity.submitted()));
        item.set("expected", SolutionJson.toJson(quantity.expected()));
        item.set("diagnosis", quantity.diagnosis() == null ? nodes.nullNode() : nodes.textNode(quantity.diagnosis().id()));
        item.put("feedback", Feedback.sentence(quantity, notations.get(i)));
        item.put("credit", quantity.credit());
        if (!quantity.basedOn().isEmpty()) {
          ArrayNode basedOn = item.putArray("based_on");
          quantity.basedOn().forEach(basedOn::add);
        }
      }
    }
    JsonNode output = results.size() == 1 ? array.get(0) : array;
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(output) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }
}
