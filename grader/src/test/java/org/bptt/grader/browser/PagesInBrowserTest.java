package org.bptt.grader.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bptt.grader.cli.CliRunner;
import org.bptt.grader.exercise.Exercise;
import org.bptt.grader.load.ExerciseLoader;
import org.bptt.grader.pipeline.GraderPipeline;
import org.bptt.grader.present.Numbers;
import org.bptt.grader.solver.AskedQuantities;
import org.bptt.grader.solver.QuantityGraph;
import org.bptt.grader.value.Tensor;
import org.bptt.grader.value.Value;
import org.bptt.grader.yaml.YamlList;
import org.bptt.grader.yaml.YamlMap;
import org.bptt.grader.yaml.YamlNode;
import org.bptt.grader.yaml.YamlReader;
import org.bptt.grader.yaml.YamlScalar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every page the grader writes, in a real browser (headless Chromium over the DevTools protocol):
 * every report, key and sheet of the exercises in exercises/ fits its window at 1280 and at 420
 * CSS pixels; printed, a report's and a sheet's rows are not split across pages and headings stay
 * with their tables; a sheet's answer form saves a file that grades to full marks, and grades
 * exactly like the hand-written file with the same values.
 *
 * <p>Without Chromium these tests are skipped, so a developer without it runs the rest; under
 * {@code CI=true} a missing browser fails them (.ci/run installs Debian's chromium).
 */
class PagesInBrowserTest {

  private static final String SALT = "browser-test-salt";
  private static final String STUDENT = "s1";
  private static final ObjectMapper JSON = new ObjectMapper();
  /** A4's width less the pages' 12 mm print margins, in CSS pixels (186 mm at 96 per inch). */
  private static final int PAPER = 700;
  private static final Pattern MARKER = Pattern.compile("QQ(\\d+)([AZHF])");

  @TempDir static Path folder;
  private static HeadlessChromium browser;
  /** Every page to check, by a name that says what it is. */
  private static final Map<String, Path> PAGES = new TreeMap<>();

  @BeforeAll
  static void startTheBrowserAndRenderEveryPage() throws Exception {
    Optional<Path> chromium = HeadlessChromium.executable();
    if (chromium.isEmpty() && "true".equalsIgnoreCase(System.getenv("CI"))) {
      fail("CI=true but no chromium on the PATH: .ci/run installs Debian's chromium for these tests");
    }
    assumeTrue(chromium.isPresent(), "no chromium on the PATH (set BPTT_CHROMIUM): browser tests skipped");
    browser = HeadlessChromium.start(chromium.get());
    Path roster = Files.writeString(folder.resolve("roster.csv"), "student,name\n" + STUDENT + ",Ada Lovelace\n");
    for (Path exercise : exercises()) {
      String base = exercise.getFileName().toString().replace(".yaml", "");
      Path out = folder.resolve(base);
      succeed(CliRunner.run("generate", exercise.toString(), "--roster", roster.toString(), "--out", out.toString(),
          "--salt", SALT), 0);
      PAGES.put(base + " sheet", out.resolve("students/" + STUDENT + "/sheet.html"));
      PAGES.put(base + " student key", out.resolve("keys/" + STUDENT + ".html"));
      CliRunner.Run key = succeed(CliRunner.run("solve", exercise.toString(), "--format", "html"), 0);
      PAGES.put(base + " key", Files.writeString(out.resolve("key.html"), key.out()));
      Path submission = Files.writeString(out.resolve("submission.yaml"), submission(exercise, 4));
      Path reports = folder.resolve("reports-" + base);
      succeed(CliRunner.run("grade", submission.toString(), "--salt", SALT, "--out", reports.toString()), 1);
      PAGES.put(base + " report", onlyHtml(reports));
      try (Stream<Path> classPages = Files.walk(reports)) {
        // the exercise's class overview (OUT/<exercise>/index.html) is a page people look at too
        PAGES.put(base + " class overview", classPages.filter(file -> file.getFileName().toString().equals("index.html"))
            .findFirst().orElseThrow());
      }
    }
    for (Path sample : samples()) {
      Path reports = folder.resolve("samples-" + sample.getFileName());
      CliRunner.Run run = CliRunner.run("grade", sample.toString(), "--out", reports.toString());
      assertTrue(run.code() <= 1, sample + ": " + run.err());
      PAGES.put(sample.getFileName() + " report", onlyHtml(reports));
    }
  }

  @AfterAll
  static void stopTheBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void noPageIsWiderThanItsWindowOnAScreenOrAPhone() throws IOException {
    List<String> problems = new ArrayList<>();
    // 1280: a screen; 420: a phone; 700: the width of A4 paper inside the pages' 12 mm margins
    for (int width : new int[] {1280, 420, PAPER}) {
      try (HeadlessChromium.Page page = browser.open(width, 900, width < 600)) {
        if (width == PAPER) {
          page.emulatePrint();
        }
        for (Map.Entry<String, Path> entry : PAGES.entrySet()) {
          page.load(entry.getValue());
          JsonNode fit = page.evaluate("""
              (() => {
                const width = %d, wide = [];
                for (const e of document.body.querySelectorAll('*')) {
                  const box = e.getBoundingClientRect();
                  if (box.right > width + 1 && !(e.parentElement && e.parentElement.getBoundingClientRect().right > width + 1)) {
                    wide.push(e.tagName.toLowerCase() + '.' + e.className + ' ' + Math.round(box.right) + 'px: '
                        + (e.textContent || '').trim().slice(0, 50));
                  }
                }
                return {inner: window.innerWidth, scroll: document.documentElement.scrollWidth, wide: wide.slice(0, 3)};
              })()""".formatted(width));
          // a phone widens its layout viewport (innerWidth) to a page too wide for it, so both are checked
          int widest = Math.max(fit.get("inner").asInt(), fit.get("scroll").asInt());
          if (widest > width) {
            problems.add(entry.getKey() + (width == PAPER ? " on paper" : " at " + width + " px") + " is " + widest
                + " px wide: " + fit.get("wide"));
          }
        }
      }
    }
    assertTrue(PAGES.size() >= 20, "every exercise's report, keys and sheet: " + PAGES.keySet());
    assertEquals(List.of(), problems);
  }

  @Test
  void printedReportsAndSheetsKeepEachRowOnOnePageAndHeadingsWithTheirTables() throws IOException {
    for (String name : List.of("seed-002-author.yaml report", "seed-003-vector-bptt report",
        "seed-003-vector-bptt sheet", "seed-004-batch-many-to-one student key")) {
      Printed printed = print(PAGES.get(name), false);
      assertTrue(printed.pages() >= 2, name + " spans pages, so the check means something: " + printed.pages());
      assertEquals(List.of(), printed.splitRows(), name + ": rows split across pages");
      assertEquals(List.of(), printed.orphanHeadings(), name + ": headings at the foot of a page, their table on the next");
    }
    // the check itself: without the print rules the same report has rows split across pages
    Printed bare = print(PAGES.get("seed-002-author.yaml report"), true);
    assertTrue(!bare.splitRows().isEmpty(), "without break-inside: avoid, some row is split: " + bare.pages() + " pages");
  }

  @Test
  void aSheetsAnswerFormSavesAFileThatGradesToFullMarks() throws Exception {
    Path exercise = Path.of("exercises", "seed-003-vector-bptt.yaml");
    Path sheet = PAGES.get("seed-003-vector-bptt sheet");
    Path saved = fillAndSave(sheet, answerStrings(exercise, STUDENT, 0), folder.resolve("download-full"));
    String text = Files.readString(saved);
    assertTrue(text.contains("exercise: \"seed-003\"\nstudent: \"s1\"\n"), text);
    CliRunner.Run graded = succeed(CliRunner.run("grade", saved.toString(), "--salt", SALT, "--no-reports",
        "--format", "json"), 0);
    JsonNode result = JSON.readTree(graded.out()).get("submissions").get(0);
    assertEquals(result.get("max_score").asDouble(), result.get("score").asDouble(), graded.out());

    Path variantSaved = fillAndSave(PAGES.get("seed-000-variants sheet"),
        answerStrings(Path.of("exercises", "seed-000-variants.yaml"), STUDENT, 0), folder.resolve("download-variant"));
    assertTrue(Files.readString(variantSaved).contains("\nvariant: \""), "the variant is filled in");
    succeed(CliRunner.run("grade", variantSaved.toString(), "--salt", SALT, "--no-reports"), 0);

    Path symbols = fillAndSave(PAGES.get("seed-001-char-rnn-hello sheet"),
        answerStrings(Path.of("exercises", "seed-001-char-rnn-hello.yaml"), STUDENT, 0), folder.resolve("download-symbols"));
    assertTrue(Files.readString(symbols).contains("\"pred[1]\": \"l\""), "a predicted symbol: " + Files.readString(symbols));
    succeed(CliRunner.run("grade", symbols.toString(), "--no-reports"), 0);
  }

  /**
   * The seed-002 sample (wrong answers, written to varying decimals, some left out, in the
   * document's notation) typed into its student's sheet: the saved file grades exactly like the
   * hand-written one, verdict for verdict and report for report.
   */
  @Test
  void aFileSavedFromTheFormGradesExactlyLikeTheHandWrittenOne() throws Exception {
    Path sample = Path.of("exercises", "samples", "seed-002-author.yaml");
    Path exercise = Path.of("exercises", "seed-002-forward-sensitivities.yaml");
    Path out = folder.resolve("same");
    Path roster = Files.writeString(Files.createDirectories(out).resolve("roster.csv"), "student\nseed-002-author\n");
    succeed(CliRunner.run("generate", exercise.toString(), "--roster", roster.toString(), "--out",
        out.resolve("class").toString()), 0);
    Exercise loaded = GraderPipeline.loadExercise(exercise, null, null).exercise();
    Map<String, String> canonical = new TreeMap<>();
    for (String name : AskedQuantities.expand(loaded.asked(), GraderPipeline.solve(
        GraderPipeline.loadExercise(exercise, null, null)))) {
      canonical.put(loaded.notation().render(name), name);
      canonical.put(name, name);
    }
    ObjectNode values = JSON.createObjectNode();
    YamlMap answers = (YamlMap) ((YamlMap) new YamlReader().read(sample, sample.toString())).entries().get("answers");
    for (Map.Entry<String, YamlNode> answer : answers.entries().entrySet()) {
      ArrayNode entries = values.putArray(canonical.getOrDefault(answer.getKey(), answer.getKey()));
      flatten(answer.getValue(), entries);
    }
    Path saved = fillAndSave(out.resolve("class/students/seed-002-author/sheet.html"), values, out.resolve("download"));
    CliRunner.Run byHand = CliRunner.run("grade", sample.toString(), "--format", "json", "--out",
        out.resolve("hand").toString());
    CliRunner.Run byForm = CliRunner.run("grade", saved.toString(), "--format", "json", "--out",
        out.resolve("form").toString());
    assertEquals(1, byHand.code(), byHand.err());
    assertEquals(byHand.code(), byForm.code(), byForm.err());
    assertEquals(withoutPaths(JSON.readTree(byHand.out())), withoutPaths(JSON.readTree(byForm.out())),
        "the same verdicts, values and feedback");
    String handReport = Files.readString(out.resolve("hand/seed-002/seed-002-author.md"));
    String formReport = Files.readString(out.resolve("form/seed-002/seed-002-author.md"));
    assertEquals(handReport, formReport, "the same Markdown report");
  }

  // --- the answer form ------------------------------------------------------------------------

  /** Types each quantity's entries (row-major strings; absent: left blank) into the form, saves, returns the file. */
  private static Path fillAndSave(Path sheet, ObjectNode values, Path downloads) throws Exception {
    Files.createDirectories(downloads);
    browser.downloadTo(downloads);
    try (HeadlessChromium.Page page = browser.open(1280, 900, false)) {
      page.load(sheet);
      String filled = page.evaluate("""
          (() => {
            const values = %s;
            let filled = 0;
            document.querySelectorAll('[data-q]').forEach(box => {
              const entries = values[box.dataset.q] || [];
              box.querySelectorAll('input').forEach((input, i) => {
                input.value = entries[i] === undefined ? '' : entries[i];
                input.dispatchEvent(new Event('input', {bubbles: true}));
                filled += entries[i] === undefined ? 0 : 1;
              });
            });
            document.getElementById('save').click();
            return filled + ' ' + document.getElementById('status').textContent;
          })()""".formatted(JSON.writeValueAsString(values))).asText();
      assertTrue(filled.contains("Saved"), "the form saved: " + filled);
      Path file = downloads.resolve("answers.yaml");
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (!Files.exists(file) || hasPartialDownload(downloads)) {
        assertTrue(System.nanoTime() < deadline, "no answers.yaml downloaded into " + downloads);
        Thread.sleep(50);
      }
      assertEquals(page.evaluate("document.getElementById('yaml').value").asText(), Files.readString(file),
          "the file saved is the text shown");
      return file;
    }
  }

  private static boolean hasPartialDownload(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.anyMatch(file -> file.getFileName().toString().endsWith(".crdownload"));
    }
  }

  /** A scalar's text as written, a list's scalars in row-major order; ~ adds nothing. */
  private static void flatten(YamlNode node, ArrayNode entries) {
    if (node instanceof YamlScalar scalar) {
      if (!scalar.isNull()) {
        entries.add(scalar.text());
      }
    } else if (node instanceof YamlList list) {
      list.items().forEach(item -> flatten(item, entries));
    }
  }

  /**
   * Every asked quantity of a student's variant, entries to 8 significant digits; every
   * {@code wrongEvery}-th quantity (0: none) with its first entry 0.25 off, and then the last left out.
   */
  private static ObjectNode answerStrings(Path exerciseFile, String student, int wrongEvery) throws Exception {
    GraderPipeline.Chosen chosen = GraderPipeline.choose(new ExerciseLoader().loadTemplate(exerciseFile,
        exerciseFile.toString()), student, SALT);
    QuantityGraph graph = GraderPipeline.solve(chosen.definition());
    List<String> asked = AskedQuantities.expand(chosen.definition().exercise().asked(), graph);
    ObjectNode values = JSON.createObjectNode();
    for (int i = 0; i < asked.size(); i++) {
      if (wrongEvery > 0 && i == asked.size() - 1) {
        continue;
      }
      Value value = graph.value(asked.get(i));
      ArrayNode entries = values.putArray(asked.get(i));
      if (value instanceof Tensor tensor) {
        for (int k = 0; k < tensor.size(); k++) {
          double entry = tensor.at(k) + (wrongEvery > 0 && i % wrongEvery == 1 && k == 0 ? 0.25 : 0);
          entries.add(Numbers.format(entry, 8));
        }
      } else {
        entries.add(value.toString());
      }
    }
    return values;
  }

  /** A submission (YAML) for the roster's student, some answers wrong: one entry of a matrix off, in place. */
  private static String submission(Path exerciseFile, int wrongEvery) throws Exception {
    GraderPipeline.Chosen chosen = GraderPipeline.choose(new ExerciseLoader().loadTemplate(exerciseFile,
        exerciseFile.toString()), STUDENT, SALT);
    StringBuilder yaml = new StringBuilder("exercise: " + chosen.definition().exercise().id() + "\nstudent: "
        + STUDENT + "\n" + (chosen.variantId() == null ? "" : "variant: \"" + chosen.variantId() + "\"\n")
        + "answers:\n");
    ObjectNode values = answerStrings(exerciseFile, STUDENT, wrongEvery);
    QuantityGraph graph = GraderPipeline.solve(chosen.definition());
    values.fields().forEachRemaining(entry -> {
      List<String> texts = new ArrayList<>();
      entry.getValue().forEach(text -> texts.add("\"" + text.asText() + "\""));
      Value value = graph.value(entry.getKey());
      String written = texts.size() == 1 ? texts.get(0) : "[" + String.join(", ", texts) + "]";
      if (value instanceof Tensor tensor && tensor.size() > 1 && tensor.columns() > 1) {
        List<String> rows = new ArrayList<>();
        for (int r = 0; r < tensor.rows(); r++) {
          rows.add("[" + String.join(", ", texts.subList(r * tensor.columns(), (r + 1) * tensor.columns())) + "]");
        }
        written = "[" + String.join(", ", rows) + "]";
      }
      yaml.append("  \"").append(entry.getKey()).append("\": ").append(written).append('\n');
    });
    return yaml.toString();
  }

  // --- print ----------------------------------------------------------------------------------

  /** What a printed page showed: its page count, the rows split across pages and the headings left at a page's foot. */
  private record Printed(int pages, List<String> splitRows, List<String> orphanHeadings) {}

  /**
   * Prints a page to PDF (A4) with a marker at the start and end of every cell of every table row
   * (QQ{row}A, QQ{row}Z) and at every heading and its table's first row, then reads on which pages
   * each marker landed. {@code bare}: with the page's print rules against breaks switched off.
   */
  private static Printed print(Path file, boolean bare) throws IOException {
    try (HeadlessChromium.Page page = browser.open(1280, 900, false)) {
      page.load(file);
      page.evaluate("""
          (() => {
            let n = 0;
            const mark = (element, row) => {
              element.insertAdjacentText('afterbegin', 'QQ' + row + 'A ');
              element.insertAdjacentText('beforeend', ' QQ' + row + 'Z');
            };
            document.querySelectorAll('table.t > tbody > tr').forEach(tr => {
              const row = n++;
              tr.querySelectorAll(':scope > td').forEach(td => mark(td, row));
            });
            document.querySelectorAll('h2, h3').forEach(h => {
              let next = h.nextElementSibling;
              while (next && next.tagName === 'P') { next = next.nextElementSibling; }
              const first = next && next.matches('table.t') ? next.querySelector('tbody > tr > td') : null;
              if (first) {
                const row = n++;
                h.insertAdjacentText('afterbegin', 'QQ' + row + 'H ');
                first.insertAdjacentText('afterbegin', 'QQ' + row + 'F ');
              }
            });
            if (%s) {
              const style = document.createElement('style');
              style.textContent = '@media print { * { break-inside: auto !important; break-after: auto !important; } }';
              document.head.appendChild(style);
            }
            return n;
          })()""".formatted(bare));
      byte[] pdf = page.pdf();
      try (PDDocument document = Loader.loadPDF(pdf)) {
        Map<Integer, TreeSet<Integer>> pagesOfRow = new TreeMap<>();
        Map<Integer, Boolean> isHeading = new TreeMap<>();
        PDFTextStripper stripper = new PDFTextStripper();
        for (int p = 1; p <= document.getNumberOfPages(); p++) {
          stripper.setStartPage(p);
          stripper.setEndPage(p);
          Matcher marker = MARKER.matcher(stripper.getText(document).replaceAll("\\s+", ""));
          while (marker.find()) {
            int row = Integer.parseInt(marker.group(1));
            pagesOfRow.computeIfAbsent(row, key -> new TreeSet<>()).add(p);
            isHeading.put(row, marker.group(2).equals("H") || marker.group(2).equals("F"));
          }
        }
        List<String> split = new ArrayList<>();
        List<String> orphans = new ArrayList<>();
        pagesOfRow.forEach((row, pages) -> {
          if (pages.size() > 1) {
            (isHeading.get(row) ? orphans : split).add("#" + row + " on pages " + pages);
          }
        });
        assertTrue(pagesOfRow.size() > 10, file + ": markers read back from the PDF: " + pagesOfRow.size());
        return new Printed(document.getNumberOfPages(), split, orphans);
      }
    }
  }

  // --- pages ----------------------------------------------------------------------------------

  private static List<Path> exercises() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("exercises"))) {
      return files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  private static List<Path> samples() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("exercises", "samples"))) {
      return files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  /** The JSON result without where the files were: the answer file and its report. */
  private static JsonNode withoutPaths(JsonNode result) {
    JsonNode copy = result.deepCopy();
    for (JsonNode submission : copy.get("submissions")) {
      ((com.fasterxml.jackson.databind.node.ObjectNode) submission).remove(List.of("file", "report"));
    }
    return copy;
  }

  private static Path onlyHtml(Path reports) throws IOException {
    try (Stream<Path> files = Files.walk(reports)) {
      // a student's report, not the exercise's class page (index.html)
      List<Path> html = files.filter(file -> file.toString().endsWith(".html"))
          .filter(file -> !file.getFileName().toString().equals("index.html")).toList();
      assertEquals(1, html.size(), "one HTML report in " + reports);
      return html.get(0);
    }
  }

  private static CliRunner.Run succeed(CliRunner.Run run, int expected) {
    assertEquals(expected, run.code(), run.err());
    return run;
  }
}
