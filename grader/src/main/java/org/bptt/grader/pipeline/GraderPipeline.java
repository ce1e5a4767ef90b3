package org.bptt.grader.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bptt.grader.error.ErrorLine;
import org.bptt.grader.error.GraderException;
import org.bptt.grader.error.InputException;
import org.bptt.grader.error.UsageException;
import org.bptt.grader.exercise.Exercise;
import org.bptt.grader.grading.Submission;
import org.bptt.grader.grading.SubmissionResult;
import org.bptt.grader.load.ExerciseDefinition;
import org.bptt.grader.load.ExerciseLoader;
import org.bptt.grader.load.ExerciseTemplate;
import org.bptt.grader.load.Ids;
import org.bptt.grader.load.RosterLoader;
import org.bptt.grader.load.SubmissionLoader;
import org.bptt.grader.report.ClassResults;
import org.bptt.grader.report.ClassView;
import org.bptt.grader.report.ReportFiles;
import org.bptt.grader.report.ReportRenderer;
import org.bptt.grader.report.ReportView;
import org.bptt.grader.report.ReportViews;
import org.bptt.grader.report.Reveal;
import org.bptt.grader.solver.QuantityGraph;

/**
 * The grader as a library: one call grades a class, and each step of the pipeline is a method
 * of its own, in the order the data flows: load the exercise, solve it, load the submission,
 * grade it, render the reports, write them. The command line and the tests go through here.
 */
public final class GraderPipeline {

  /**
   * One graded submission: the file it came from, the exercise (or variant) it answers, its result,
   * its HTML report (null when none is written) and how much of it the student sees.
   */
  public record Graded(Path file, Exercise exercise, SubmissionResult result, Path htmlReport, Reveal reveal) {}

  /** A file that could not be graded (only with keep-going): the file and its one-line error, file:line:col. */
  public record Rejected(Path file, String error) {}

  /**
   * Told about each submission as soon as it is graded (and its reports are staged) or rejected, in
   * the order given, so that a caller can print a class of thousands without holding it.
   */
  public interface Listener {
    void graded(Graded graded) throws GraderException;

    void rejected(Rejected rejected) throws GraderException;
  }

  /** What a run did, in numbers: the files graded, how many with full credit, and the files rejected. */
  public record Totals(int graded, int allCorrect, List<Rejected> rejected) {

    public Totals {
      rejected = List.copyOf(rejected);
    }
  }

  /** Every submission of a run, in the order given, and the files rejected. */
  public record Run(List<Graded> graded, List<Rejected> rejected) {

    public Run {
      graded = List.copyOf(graded);
      rejected = List.copyOf(rejected);
    }

    public Run(List<Graded> graded) {
      this(graded, List.of());
    }

    public boolean allCorrect() {
      return graded.stream().allMatch(one -> one.result().allCorrect());
    }
  }

  /** How a drawn variant is judged: by its solution. */
  private static final VariantConstraintCheck VARIANT_CHECK = new VariantConstraintCheck();

  private final GradingOptions options;
  private ReportRenderer renderer;
  private ReportRenderer builtInRenderer;

  public GraderPipeline(GradingOptions options) {
    this.options = options;
  }

  /**
   * Grades the submission files and returns every result (held in memory: for a large class, use
   * {@link #grade(List, Listener)}). See there for what is written.
   */
  public Run grade(List<Path> submissionFiles) throws GraderException {
    List<Graded> graded = new ArrayList<>();
    List<Rejected> rejected = new ArrayList<>();
    grade(submissionFiles, new Listener() {
      @Override
      public void graded(Graded one) {
        graded.add(one);
      }

      @Override
      public void rejected(Rejected one) {
        rejected.add(one);
      }
    });
    return new Run(graded, rejected);
  }

  /**
   * Grades the submission files one by one, telling the listener about each, and writes every
   * report. Each submission's reports are staged on disk as soon as it is graded; they are moved
   * into place only at the end, so a run that stops part way leaves no partial output. A bad file
   * stops the run with its error, unless the options say to keep going: then it is rejected (the
   * listener hears of it), and every other file is graded and written.
   */
  public Totals grade(List<Path> submissionFiles, Listener listener) throws GraderException {
    ExerciseCatalog catalog = new ExerciseCatalog(options.exercisesFolder(), options.carriedForwardCredit());
    ReportFiles reports = new ReportFiles(options.reportFolder());
    Map<String, Path> seen = new HashMap<>();
    List<Rejected> rejected = new ArrayList<>();
    int graded = 0;
    int allCorrect = 0;
    SubmissionLoader loader = new SubmissionLoader();
    Map<String, String> names = rosterNames();
    Map<String, ClassResults> classes = new TreeMap<>();
    boolean complete = false;
    try {
      for (Path file : submissionFiles) {
        PreparedExercise exercise;
        SubmissionResult result;
        try {
          SubmissionLoader.Header header = loader.readHeader(file, file.toString());
          requireOnePerStudent(header, file, seen);
          exercise = catalog.forSubmission(header, options.salt()); // 1-2. load and solve, once each
          Submission submission = loadSubmission(loader, header, exercise); // 3.
          result = grade(exercise, submission);                            // 4.
          seen.put(studentKey(header), file);
        } catch (InputException e) {
          if (!options.keepGoing()) {
            throw e;
          }
          Rejected one = new Rejected(file, ErrorLine.of(e.getMessage()));
          rejected.add(one);
          listener.rejected(one);
          continue;
        }
        Path html = options.writeReports() ? render(result, exercise, reports) : null; // 5. (staged on disk)
        graded++;
        allCorrect += result.allCorrect() ? 1 : 0;
        classes.computeIfAbsent(result.exerciseId(), id -> new ClassResults(id, result.exerciseTitle()))
            .add(result, names.get(result.student()));
        listener.graded(new Graded(file, exercise.exercise(), result, html, reveal(exercise)));
      }
      if (options.writeReports()) {
        for (ClassResults results : classes.values()) {
          renderClass(results, reports);                                            // 5. the class files
        }
        reports.writeAll();                                                         // 6.
      }
      complete = true;
    } finally {
      if (!complete) {
        reports.discard(); // bad input part way: no partial output
      }
    }
    return new Totals(graded, allCorrect, rejected);
  }

  // --- the steps -----------------------------------------------------------------------------

  /** The environment variable that holds the course salt when no option gives it. */
  public static final String SALT_VARIABLE = "BPTT_COURSE_SALT";

  /** An exercise as one student gets it: the definition and, for a randomized exercise, the variant's id (or null). */
  public record Chosen(ExerciseDefinition definition, String variantId) {}

  /** 1. An exercise file; for a randomized exercise, the student's variant (or the preview without a student). */
  public static ExerciseDefinition loadExercise(Path file, String student, String salt)
      throws InputException, UsageException {
    return choose(new ExerciseLoader().loadTemplate(file, file.toString()), student, salt).definition();
  }

  /**
   * 1. The exercise as a student gets it: as written, a randomized one's preview variant when no
   * student is named, else the student's own variant (which needs the course salt).
   */
  public static Chosen choose(ExerciseTemplate template, String student, String salt)
      throws InputException, UsageException {
    if (!template.isRandomized() || student == null) {
      return new Chosen(template.definition(VARIANT_CHECK), null);
    }
    if (salt == null || salt.isEmpty()) {
      throw new UsageException("exercise " + template.id() + " is randomized: pass --salt (or set "
          + SALT_VARIABLE + ") to the course salt");
    }
    String variantId = ExerciseTemplate.variantId(template.id(), student, salt);
    return new Chosen(variant(template, variantId), variantId);
  }

  /** 1. The variant of a randomized exercise with this id, drawn until it meets the file's constraints. */
  public static ExerciseDefinition variant(ExerciseTemplate template, String variantId) throws InputException {
    return template.variant(variantId, VARIANT_CHECK);
  }

  /** 1. An exercise as written; a randomized one's preview variant. */
  public static ExerciseDefinition definition(ExerciseTemplate template) throws InputException {
    return template.definition(VARIANT_CHECK);
  }

  /** 2. The exercise's solution graph; values are computed as they are read. Fails for an ask that names nothing. */
  public static QuantityGraph solve(ExerciseDefinition definition) throws InputException {
    return PreparedExercise.solve(definition);
  }

  /** 2. The exercise solved and made ready to grade: rounding budgets and the grader, built once. */
  public PreparedExercise prepare(ExerciseDefinition definition) throws InputException {
    return PreparedExercise.prepare(definition, null, options.carriedForwardCredit());
  }

  /** 3. A submission's answers, read against the exercise's quantities. */
  public Submission loadSubmission(SubmissionLoader loader, SubmissionLoader.Header header, PreparedExercise exercise)
      throws InputException {
    return loader.readAnswers(header, exercise.exercise(), exercise.graph(), options.keepGoing());
  }

  /** 4. The verdict on every asked quantity. */
  public SubmissionResult grade(PreparedExercise exercise, Submission submission) {
    return exercise.grader().grade(submission);
  }

  /** How much a submission's student sees: the run's --reveal, else the exercise's grading.reveal. */
  public Reveal reveal(PreparedExercise exercise) {
    return options.reveal() != null ? options.reveal() : Reveal.of(exercise.definition().reveal());
  }

  /**
   * 5. The reports in every format (HTML, Markdown, JUnit XML), at the student's reveal level, staged
   * in the run's files; returns the HTML one's path.
   */
  public Path render(SubmissionResult result, PreparedExercise exercise, ReportFiles reports)
      throws GraderException {
    ReportRenderer templates = renderer();
    ReportView view = ReportViews.of(result, exercise.exercise(), exercise.graph(), reveal(exercise));
    String base = result.exerciseId() + "/" + result.student();
    Path html = null;
    for (ReportRenderer.Format format : ReportRenderer.REPORT_FORMATS) {
      Path written = reports.add(base + format.extension(), templates.render(format.template(), view));
      html = html == null ? written : html;
    }
    return html;
  }

  /**
   * 5. An exercise's class files, for the instructor, next to its students' reports: the gradebook
   * (class.csv), the overview page (index.html) and the step summary (summary.md). They always hold
   * everything, whatever the students see.
   */
  public void renderClass(ClassResults results, ReportFiles reports) throws GraderException {
    String folder = results.exerciseId() + "/";
    reports.add(folder + ClassResults.CSV, results.csv(options.roster() != null));
    ClassView view = results.view(options.writeReports());
    ReportRenderer templates = classRenderer();
    reports.add(folder + ClassResults.INDEX, templates.render(ClassResults.INDEX_TEMPLATE, "class", view));
    reports.add(folder + ClassResults.SUMMARY, templates.render(ClassResults.SUMMARY_TEMPLATE, "class", view));
  }

  /** The roster's names by student id; empty without a roster. */
  private Map<String, String> rosterNames() throws InputException {
    Map<String, String> names = new HashMap<>();
    if (options.roster() != null) {
      for (RosterLoader.Student student : new RosterLoader().read(options.roster(), options.roster().toString())) {
        names.put(student.id(), student.name());
      }
    }
    return names;
  }

  /**
   * The class templates from the instructor's folder when it has them, else the built-in ones: a
   * folder copied before the class files existed still works.
   */
  private ReportRenderer classRenderer() throws InputException {
    Path folder = options.templatesFolder();
    if (folder != null && Files.isRegularFile(folder.resolve(ClassResults.INDEX_TEMPLATE))
        && Files.isRegularFile(folder.resolve(ClassResults.SUMMARY_TEMPLATE))) {
      return renderer();
    }
    if (builtInRenderer == null) {
      builtInRenderer = folder == null ? renderer() : new ReportRenderer(null);
    }
    return builtInRenderer;
  }

  /** FreeMarker is configured on first use, so a run that writes no report never pays for it. */
  private ReportRenderer renderer() throws InputException {
    if (renderer == null) {
      renderer = new ReportRenderer(options.templatesFolder());
    }
    return renderer;
  }

  /** ids that differ only in case would write the same report files on a case-insensitive file system */
  private static String studentKey(SubmissionLoader.Header header) {
    return Ids.fileKey(header.exerciseId() + "/" + header.student());
  }

  /** A second file for a student already graded in this run is refused (a rejected file does not count). */
  private static void requireOnePerStudent(SubmissionLoader.Header header, Path file, Map<String, Path> seen)
      throws InputException {
    Path earlier = seen.get(studentKey(header));
    if (earlier != null) {
      throw new InputException(header.exerciseLocation(), "student " + header.student() + " already has a submission "
          + "for exercise " + header.exerciseId() + " in this run (" + earlier + "); grade one per student");
    }
  }
}
