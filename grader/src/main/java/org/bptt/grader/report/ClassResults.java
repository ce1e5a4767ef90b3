package org.bptt.grader.report;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.bptt.grader.grading.QuantityResult;
import org.bptt.grader.grading.SubmissionResult;
import org.bptt.grader.grading.Verdict;
import org.bptt.grader.present.Numbers;

/**
 * The results of one exercise over a class, gathered as submissions are graded: each student's
 * score and the credit of each asked quantity (a few bytes a quantity, so a class of thousands stays
 * small), each quantity's verdict counts and the misconceptions found. It makes the instructor's
 * class files: the gradebook ({@link #csv}) and the view of the overview page and the step summary
 * ({@link #view}). These always hold everything, whatever the students are shown.
 */
public final class ClassResults {

  /** The class files' names in an exercise's report folder; no student id may take them (load.Ids). */
  public static final String CSV = "class.csv";
  public static final String INDEX = "index.html";
  public static final String SUMMARY = "summary.md";
  /** The overview page's and the step summary's templates ({@link ClassView}, model name "class"). */
  public static final String INDEX_TEMPLATE = "class.html.ftlh";
  public static final String SUMMARY_TEMPLATE = "class.md.ftl";

  /** The most quantities summary.md lists (those with the fewest correct answers first), to stay small. */
  static final int SUMMARY_QUANTITIES = 150;
  private static final int MISCONCEPTIONS_SHOWN = 10;
  private static final int BINS = 10;

  private record Row(String student, String name, double score, int maxScore, double[] credits, byte[] verdicts) {}

  private final String exerciseId;
  private final String title;
  /** Every asked quantity seen, in the order first met (solution order), with its column. */
  private final Map<String, Integer> columns = new LinkedHashMap<>();
  private final List<Row> rows = new ArrayList<>();
  private final List<int[]> verdictCounts = new ArrayList<>();
  /** Misconception id to the number of answers it explains, and the quantities where it was found. */
  private final Map<String, Integer> misconceptions = new TreeMap<>();
  private final Map<String, Map<String, Integer>> misconceptionQuantities = new TreeMap<>();

  public ClassResults(String exerciseId, String title) {
    this.exerciseId = exerciseId;
    this.title = title;
  }

  public String exerciseId() {
    return exerciseId;
  }

  public int size() {
    return rows.size();
  }

  /** Adds one graded submission; {@code name} is the student's name from a roster, or null. */
  public void add(SubmissionResult result, String name) {
    for (QuantityResult quantity : result.quantities()) {
      if (!columns.containsKey(quantity.name())) {
        columns.put(quantity.name(), columns.size());
        verdictCounts.add(new int[Verdict.values().length]);
      }
    }
    double[] credits = new double[columns.size()];
    byte[] verdicts = new byte[columns.size()];
    java.util.Arrays.fill(verdicts, (byte) -1);
    for (QuantityResult quantity : result.quantities()) {
      int column = columns.get(quantity.name());
      credits[column] = quantity.credit();
      verdicts[column] = (byte) quantity.verdict().ordinal();
      verdictCounts.get(column)[quantity.verdict().ordinal()]++;
      if (quantity.diagnosis() != null) {
        String id = quantity.diagnosis().id();
        misconceptions.merge(id, 1, Integer::sum);
        misconceptionQuantities.computeIfAbsent(id, key -> new TreeMap<>()).merge(quantity.name(), 1, Integer::sum);
      }
    }
    rows.add(new Row(result.student(), name, result.score(), result.maxScore(), credits, verdicts));
  }

  /** The students in id order, so the files are the same whatever order the submissions came in. */
  private List<Row> sortedRows() {
    List<Row> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparing(Row::student));
    return sorted;
  }

  /**
   * The gradebook: student, name (with a roster), score, max score, and each asked quantity's credit
   * (empty where it was not graded: not gradable, or not asked of that student).
   */
  public String csv(boolean withNames) {
    List<String> header = new ArrayList<>(List.of("student"));
    if (withNames) {
      header.add("name");
    }
    header.addAll(List.of("score", "max_score"));
    header.addAll(columns.keySet());
    StringWriter out = new StringWriter();
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get();
    try (CSVPrinter printer = new CSVPrinter(out, format)) {
      for (Row row : sortedRows()) {
        List<String> record = new ArrayList<>(List.of(row.student()));
        if (withNames) {
          record.add(spreadsheetSafe(row.name() == null ? "" : row.name()));
        }
        record.add(Numbers.format(row.score(), 4));
        record.add(Integer.toString(row.maxScore()));
        for (int column = 0; column < columns.size(); column++) {
          boolean graded = column < row.verdicts().length && row.verdicts()[column] >= 0
              && row.verdicts()[column] != Verdict.NOT_GRADABLE.ordinal();
          record.add(graded ? Numbers.format(row.credits()[column], 3) : "");
        }
        printer.printRecord(record);
      }
    } catch (IOException e) {
      throw new IllegalStateException("a string writer does not fail", e);
    }
    return out.toString();
  }

  /** A cell a spreadsheet would run as a formula (=, +, -, @ first) is kept as text. */
  private static String spreadsheetSafe(String text) {
    return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
  }

  /** What the overview page and the step summary show; {@code reportsLinked}: whether student reports exist to link. */
  public ClassView view(boolean reportsLinked) {
    List<Row> sorted = sortedRows();
    List<ClassView.StudentView> students = new ArrayList<>();
    double[] percents = new double[sorted.size()];
    int[] bins = new int[BINS];
    double totalPercent = 0;
    int fullCredit = 0;
    for (int i = 0; i < sorted.size(); i++) {
      Row row = sorted.get(i);
      double percent = row.maxScore() == 0 ? 100 : 100 * row.score() / row.maxScore();
      percents[i] = percent;
      totalPercent += percent;
      bins[Math.min(BINS - 1, (int) Math.floor(percent / (100.0 / BINS)))]++;
      fullCredit += row.score() >= row.maxScore() ? 1 : 0;
      students.add(new ClassView.StudentView(row.student(), row.name() == null ? "" : row.name(),
          Numbers.format(row.score(), 4), Integer.toString(row.maxScore()), Numbers.format(percent, 3),
          reportsLinked ? row.student() + ".html" : ""));
    }
    java.util.Arrays.sort(percents);
    double median = percents.length == 0 ? 0 : percents.length % 2 == 1 ? percents[percents.length / 2]
        : (percents[percents.length / 2 - 1] + percents[percents.length / 2]) / 2;
    int largestBin = java.util.Arrays.stream(bins).max().orElse(0);
    List<ClassView.BinView> distribution = new ArrayList<>();
    for (int bin = 0; bin < BINS; bin++) {
      int from = bin * (100 / BINS);
      String label = from + (bin == BINS - 1 ? "–100%" : "–" + (from + 100 / BINS) + "%");
      double height = largestBin == 0 ? 0 : 100.0 * bins[bin] / largestBin;
      distribution.add(new ClassView.BinView(label, Integer.toString(bins[bin]), svg(bin * 40 + 4),
          svg(110 - height), svg(height), svg(bin * 40 + 20)));
    }
    List<ClassView.QuantityView> quantities = new ArrayList<>();
    for (Map.Entry<String, Integer> column : columns.entrySet()) {
      quantities.add(quantity(column.getKey(), verdictCounts.get(column.getValue())));
    }
    List<ClassView.QuantityView> hardest = new ArrayList<>(quantities);
    hardest.sort(Comparator.comparingDouble(ClassView.QuantityView::correctShare));
    List<ClassView.QuantityView> shortList = hardest.subList(0, Math.min(SUMMARY_QUANTITIES, hardest.size()));
    List<ClassView.QuantityView> inOrder = quantities.stream().filter(shortList::contains).toList();
    List<ClassView.MisconceptionView> found = new ArrayList<>();
    misconceptions.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(MISCONCEPTIONS_SHOWN)
        .forEach(entry -> found.add(new ClassView.MisconceptionView(entry.getKey(), Integer.toString(entry.getValue()),
            whereFound(misconceptionQuantities.get(entry.getKey())))));
    return new ClassView(exerciseId, title, Integer.toString(sorted.size()), Integer.toString(fullCredit),
        Numbers.format(sorted.isEmpty() ? 0 : totalPercent / sorted.size(), 3), Numbers.format(median, 3),
        distribution, quantities, inOrder, quantities.size() - inOrder.size(), found, students);
  }

  private static ClassView.QuantityView quantity(String name, int[] counts) {
    int correct = counts[Verdict.CORRECT.ordinal()];
    int carried = counts[Verdict.CARRIED_FORWARD.ordinal()];
    int wrong = counts[Verdict.WRONG.ordinal()];
    int missing = counts[Verdict.MISSING.ordinal()] + counts[Verdict.INVALID.ordinal()];
    int graded = correct + carried + wrong + missing;
    double[] shares = new double[4];
    int[] parts = {correct, carried, wrong, missing};
    for (int i = 0; i < 4; i++) {
      shares[i] = graded == 0 ? 0 : 100.0 * parts[i] / graded;
    }
    return new ClassView.QuantityView(name, graded == 0, shares[0],
        percent(shares[0]), percent(shares[1]), percent(shares[2]), percent(shares[3]),
        svg(shares[0]), svg(shares[0]), svg(shares[1]), svg(shares[0] + shares[1]), svg(shares[2]),
        svg(shares[0] + shares[1] + shares[2]), svg(shares[3]),
        Integer.toString(counts[Verdict.NOT_GRADABLE.ordinal()]));
  }

  /** "h[2] 12, y[2] 3": where a misconception was found, most often first, at most three places. */
  private static String whereFound(Map<String, Integer> quantities) {
    return String.join(", ", quantities.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(3).map(entry -> entry.getKey() + " (" + entry.getValue() + ")").toList());
  }

  private static String percent(double share) {
    return Numbers.format(share, 3) + "%";
  }

  /** A coordinate in an SVG chart: two decimals at most, the same in every locale. */
  private static String svg(double value) {
    return Numbers.format(Math.round(value * 100) / 100.0, 6);
  }
}
