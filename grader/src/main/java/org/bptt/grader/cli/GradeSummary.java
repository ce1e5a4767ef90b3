package org.bptt.grader.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.bptt.grader.error.ErrorLine;
import org.bptt.grader.grading.QuantityResult;
import org.bptt.grader.grading.SubmissionResult;
import org.bptt.grader.grading.Verdict;
import org.bptt.grader.pipeline.GraderPipeline;
import org.bptt.grader.present.Numbers;
import org.bptt.grader.present.SolutionJson;
import org.bptt.grader.report.Feedback;
import org.bptt.grader.report.Reveal;

/**
 * The summary {@code grade} prints, written submission by submission as the run goes (into a
 * {@link Spool}, so nothing is printed when the run fails): text for people, or one JSON object,
 * {@code {"submissions": [...], "rejected": [...], "summary": {...}}}, documented by
 * {@code grader/src/main/resources/schemas/grade-result.schema.json}.
 */
abstract class GradeSummary {

  protected final Writer out;

  GradeSummary(Writer out) {
    this.out = out;
  }

  abstract void graded(GraderPipeline.Graded graded) throws IOException;

  abstract void rejected(GraderPipeline.Rejected rejected) throws IOException;

  abstract void end(GraderPipeline.Totals totals, int exitCode) throws IOException;

  /** One line per submission, then its answers without full credit, then the rejected files and the totals. */
  static final class Text extends GradeSummary {

    private final boolean reportPaths;
    private final List<String> rejectedLines = new ArrayList<>();

    Text(Writer out, boolean reportPaths) {
      super(out);
      this.reportPaths = reportPaths;
    }

    @Override
    void graded(GraderPipeline.Graded graded) throws IOException {
      SubmissionResult result = graded.result();
      StringBuilder line = new StringBuilder();
      // whatever a submission brought (its ids, its file name inside the feedback, an answer quoted
      // back) is shown visible: an escape sequence or a bidirectional override is printed, not obeyed
      line.append(ErrorLine.visible(result.exerciseId())).append(' ').append(ErrorLine.visible(result.student()))
          .append(": ")
          .append(Numbers.format(result.score(), 4)).append(" / ").append(result.maxScore());
      if (graded.reveal() != Reveal.SCORE) {
        List<String> counts = new ArrayList<>();
        for (Verdict verdict : Verdict.values()) {
          counts.add(verdict.id() + " " + result.count(verdict));
        }
        line.append(" (").append(String.join(", ", counts)).append(')');
      }
      if (reportPaths && graded.htmlReport() != null) {
        line.append(" -> ").append(ErrorLine.visible(graded.htmlReport().toString()));
      }
      line.append('\n');
      for (QuantityResult quantity : graded.reveal() == Reveal.SCORE ? List.<QuantityResult>of() : result.quantities()) {
        if (quantity.credit() < 1) {
          String feedback = Feedback.sentence(quantity, graded.exercise().notation(), graded.reveal());
          line.append("  ").append(quantity.verdict().id()).append(' ')
              .append(ErrorLine.visible(quantity.documentName()))
              .append(feedback.isEmpty() ? "" : ": " + ErrorLine.visible(feedback)).append('\n');
        }
      }
      out.write(line.toString());
    }

    @Override
    void rejected(GraderPipeline.Rejected rejected) {
      rejectedLines.add(rejected.error());
    }

    @Override
    void end(GraderPipeline.Totals totals, int exitCode) throws IOException {
      for (String line : rejectedLines) {
        out.write("rejected: " + ErrorLine.visible(line) + "\n");
      }
      out.write("graded " + totals.graded() + (totals.graded() == 1 ? " file" : " files") + ", "
          + totals.allCorrect() + " with full credit" + (totals.rejected().isEmpty() ? ""
          : "; rejected " + totals.rejected().size() + " (fix and grade again)") + "\n");
    }
  }

  /** The JSON result, streamed: submissions as they are graded, then the rejected files and the summary. */
  static final class Json extends GradeSummary {

    private final JsonGenerator json;
    private final List<GraderPipeline.Rejected> rejectedFiles = new ArrayList<>();

    Json(Writer out) throws IOException {
      super(out);
      json = new JsonFactory(new ObjectMapper()).createGenerator(out).useDefaultPrettyPrinter();
      json.setCharacterEscapes(new VisibleJsonEscapes());
      json.writeStartObject();
      json.writeArrayFieldStart("submissions");
    }

    @Override
    void graded(GraderPipeline.Graded graded) throws IOException {
      SubmissionResult result = graded.result();
      json.writeStartObject();
      json.writeStringField("file", graded.file().toString());
      json.writeStringField("exercise", result.exerciseId());
      json.writeStringField("student", result.student());
      Reveal reveal = graded.reveal();
      json.writeStringField("reveal", reveal.id());
      // every score is a number with decimals, so that a reader never meets 25 next to 25.0
      json.writeNumberField("score", result.score());
      json.writeNumberField("max_score", (double) result.maxScore());
      json.writeBooleanField("all_correct", result.allCorrect());
      if (graded.htmlReport() == null) {
        json.writeNullField("report");
      } else {
        json.writeStringField("report", graded.htmlReport().toString());
      }
      if (reveal != Reveal.SCORE) {
        json.writeObjectFieldStart("counts");
        for (Verdict verdict : Verdict.values()) {
          json.writeNumberField(verdict.id(), result.count(verdict));
        }
        json.writeEndObject();
      }
      json.writeArrayFieldStart("quantities");
      for (QuantityResult quantity : reveal == Reveal.SCORE ? List.<QuantityResult>of() : result.quantities()) {
        json.writeStartObject();
        json.writeStringField("name", quantity.name());
        json.writeStringField("verdict", quantity.verdict().id());
        json.writeNumberField("credit", quantity.credit());
        json.writeStringField("feedback", Feedback.sentence(quantity, graded.exercise().notation(), reveal));
        if (!reveal.atLeast(Reveal.HINTS)) {
          json.writeEndObject();
          continue;
        }
        json.writeFieldName("diagnosis");
        if (quantity.diagnosis() == null) {
          json.writeNull();
        } else {
          json.writeString(quantity.diagnosis().id());
        }
        json.writeArrayFieldStart("based_on");
        for (String name : quantity.basedOn()) {
          json.writeString(name);
        }
        json.writeEndArray();
        if (reveal != Reveal.FULL) {
          json.writeEndObject();
          continue;
        }
        json.writeFieldName("submitted");
        json.writeTree(quantity.submitted() == null ? null : SolutionJson.toJson(quantity.submitted()));
        json.writeFieldName("expected");
        json.writeTree(SolutionJson.toJson(quantity.expected()));
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }

    @Override
    void rejected(GraderPipeline.Rejected rejected) {
      rejectedFiles.add(rejected);
    }

    @Override
    void end(GraderPipeline.Totals totals, int exitCode) throws IOException {
      json.writeEndArray();
      json.writeArrayFieldStart("rejected");
      for (GraderPipeline.Rejected rejected : rejectedFiles) {
        json.writeStartObject();
        json.writeStringField("file", rejected.file().toString());
        json.writeStringField("error", rejected.error());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeObjectFieldStart("summary");
      json.writeNumberField("graded", totals.graded());
      json.writeNumberField("all_correct", totals.allCorrect());
      json.writeNumberField("rejected", totals.rejected().size());
      json.writeNumberField("exit_code", exitCode);
      json.writeEndObject();
      json.writeEndObject();
      json.flush();
      out.write("\n");
    }
  }

  /**
   * Gradescope's autograder results.json for one submission: the score, and a test per asked
   * quantity (name, score, max_score, status, output at the reveal level) whose scores add up to it;
   * at reveal level score, the total alone. A rejected file (with --keep-going) gets a score of 0 and
   * its error as the output, so the student sees what to fix.
   */
  static final class Gradescope extends GradeSummary {

    private GraderPipeline.Graded graded;
    private GraderPipeline.Rejected rejected;

    Gradescope(Writer out) {
      super(out);
    }

    @Override
    void graded(GraderPipeline.Graded one) {
      graded = one;
    }

    @Override
    void rejected(GraderPipeline.Rejected one) {
      rejected = one;
    }

    @Override
    void end(GraderPipeline.Totals totals, int exitCode) throws IOException {
      JsonGenerator json = new JsonFactory().createGenerator(out).useDefaultPrettyPrinter();
      json.setCharacterEscapes(new VisibleJsonEscapes());
      json.writeStartObject();
      if (graded == null) {
        json.writeNumberField("score", 0.0);
        json.writeStringField("output", rejected == null ? "nothing was graded" : rejected.error());
        json.writeArrayFieldStart("tests");
        json.writeEndArray();
      } else {
        SubmissionResult result = graded.result();
        Reveal reveal = graded.reveal();
        json.writeNumberField("score", result.score());
        json.writeStringField("output", "Score " + Numbers.format(result.score(), 4) + " / " + result.maxScore()
            + " on exercise " + result.exerciseId() + ".");
        json.writeArrayFieldStart("tests");
        for (QuantityResult quantity : reveal == Reveal.SCORE ? List.<QuantityResult>of() : result.quantities()) {
          boolean graded = quantity.verdict() != Verdict.NOT_GRADABLE;
          json.writeStartObject();
          json.writeStringField("name", quantity.documentName().equals(quantity.name()) ? quantity.name()
              : quantity.documentName() + " (" + quantity.name() + ")");
          json.writeNumberField("score", quantity.credit());
          json.writeNumberField("max_score", graded ? 1.0 : 0.0);
          json.writeStringField("status", quantity.credit() >= 1 || !graded ? "passed" : "failed");
          String feedback = Feedback.sentence(quantity, this.graded.exercise().notation(), reveal);
          json.writeStringField("output", quantity.verdict().id() + (feedback.isEmpty() ? "" : ": " + feedback));
          json.writeEndObject();
        }
        json.writeEndArray();
      }
      json.writeEndObject();
      json.flush();
      out.write("\n");
    }
  }
}
