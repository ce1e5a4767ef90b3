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
import org.bptt.grader.error.InputException;
import org.bptt.grader.error.UsageException;
import org.bptt.grader.exercise.Notation;
import org.bptt.grader.load.ExerciseTemplate;
import org.bptt.grader.grading.Grader;
import org.bptt.grader.grading.GradingSpec;
import org.bptt.grader.grading.QuantityResult;
import org.bptt.grader.grading.Submission;
import org.bptt.grader.grading.SubmissionResult;
import org.bptt.grader.grading.Verdict;
import org.bptt.grader.load.ExerciseCatalog;
import org.bptt.grader.load.SubmissionLoader;
import org.bptt.grader.present.Numbers;
import org.bptt.grader.present.SolutionJson;
import org.bptt.grader.report.Feedback;
import org.bptt.grader.report.ReportFiles;
import org.bptt.grader.report.ReportRenderer;
import org.bptt.grader.report.ReportView;
import org.bptt.grader.report.ReportViews;
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

  /**
   * For a randomized exercise, the submission's variant, once it is shown to be the one generated
   * for this student: a variant copied from someone else's answer file is rejected.
   */
  private String verifiedVariant(ExerciseTemplate template, SubmissionLoader.Header header) throws InputException,
      UsageException {
    if (!template.isRandomized()) {
      return null;
    }
    if (header.variant() == null) {
      throw new InputException(header.exerciseLocation(), "exercise " + template.id() + " gives every student their "
          + "own variant, but this submission records none (use the answer file 'generate' wrote for you)");
    }
    String courseSalt = VariantChoice.salt(salt);
    if (courseSalt == null) {
      throw new UsageException("exercise " + template.id() + " is randomized: pass --salt (or set "
          + VariantChoice.SALT_VARIABLE + ") to the course salt that generate used");
    }
    String expected = ExerciseTemplate.variantId(template.id(), header.student(), courseSalt);
    if (!expected.equals(header.variant())) {
      throw new InputException(header.variantLocation(), "variant: '" + header.variant() + "' does not belong to "
          + "student " + header.student() + " (each student's variant is derived from their id and the course salt)");
    }
    return header.variant();
  }

  @Override
  public Integer call() throws Exception {
    if (carriedForwardCredit != null && !(carriedForwardCredit >= 0 && carriedForwardCredit <= 1)) {
      throw new UsageException("--carried-forward-credit: expected 0 to 1, got " + carriedForwardCredit);
    }
    ExerciseCatalog catalog = new ExerciseCatalog(exercisesFolder);
    ReportRenderer renderer = new ReportRenderer(templatesFolder);
    SubmissionLoader loader = new SubmissionLoader();
    ReportFiles files = new ReportFiles(reportFolder);
    List<SubmissionResult> results = new ArrayList<>();
    List<Notation> notations = new ArrayList<>();
    List<String> reportPaths = new ArrayList<>();
    java.util.Map<String, Path> reportOwners = new java.util.HashMap<>();
    for (Path file : submissionFiles) {
      SubmissionLoader.Header header = loader.readHeader(file, file.toString());
      Path earlier = reportOwners.putIfAbsent(header.exerciseId() + "/" + header.student(), file);
      if (earlier != null) {
        throw new InputException(header.exerciseLocation(), "student " + header.student() + " already has a submission "
            + "for exercise " + header.exerciseId() + " in this run (" + earlier + "); grade one per student");
      }
      ExerciseCatalog.Solved solved = catalog.find(header.exerciseId(),
          verifiedVariant(catalog.template(header.exerciseId(), header.exerciseLocation()), header),
          header.exerciseLocation());
      Submission submission = loader.readAnswers(header, solved.definition().exercise(), solved.graph(), keepGoing);
      GradingSpec grading = carriedForwardCredit == null
          ? solved.definition().grading()
          : solved.definition().grading().withCarriedForwardCredit(carriedForwardCredit);
      SubmissionResult result = new Grader(solved.definition().exercise(), solved.graph(), grading, solved.spreads())
          .grade(submission);
      results.add(result);
      notations.add(solved.definition().exercise().notation());
      ReportView view = ReportViews.of(result, solved.definition().exercise());
      String base = result.exerciseId() + "/" + result.student();
      reportPaths.add(files.add(base + ".html", renderer.render(ReportRenderer.HTML, view)).toString());
      files.add(base + ".md", renderer.render(ReportRenderer.MARKDOWN, view));
      files.add(base + ".junit.xml", renderer.render(ReportRenderer.JUNIT, view));
    }
    if (!noReports) {
      files.writeAll();
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(format == Format.json ? json(results, notations)
        : text(results, notations, noReports ? null : reportPaths));
    out.flush();
    return results.stream().allMatch(SubmissionResult::allCorrect) ? 0 : 1;
  }

  /** {@code notations}: each result's document notation, for the feedback. */
  private static String text(List<SubmissionResult> results, List<Notation> notations, List<String> reportPaths) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < results.size(); i++) {
      SubmissionResult result = results.get(i);
      out.append(result.exerciseId()).append(' ').append(result.student()).append(": ")
          .append(Numbers.format(result.score(), 4)).append(" / ").append(result.maxScore()).append(" (");
      List<String> counts = new ArrayList<>();
      for (Verdict verdict : Verdict.values()) {
        counts.add(verdict.id() + " " + result.count(verdict));
      }
      out.append(String.join(", ", counts)).append(')');
      if (reportPaths != null) {
        out.append(" -> ").append(reportPaths.get(i));
      }
      out.append('\n');
      for (QuantityResult quantity : result.quantities()) {
        if (quantity.credit() < 1) {
          out.append("  ").append(quantity.verdict().id()).append(' ').append(quantity.documentName()).append(": ")
              .append(Feedback.sentence(quantity, notations.get(i))).append('\n');
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
