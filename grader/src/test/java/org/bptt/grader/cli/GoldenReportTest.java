package org.bptt.grader.cli;

import static org.bptt.grader.cli.CliRunner.filesUnder;
import static org.bptt.grader.cli.CliRunner.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.bptt.grader.cli.CliRunner.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The reports of every sample submission in {@code exercises/samples/}, rendered by {@code grade}
 * with the project's templates, compared byte for byte with the golden copies in
 * {@code grader/src/test/resources/golden/<sample>/<student>.html}, {@code .md} and
 * {@code .junit.xml} ({@code <sample>} is the sample's file name without {@code .yaml}). The
 * samples are passed as {@code exercises/samples/<sample>.yaml}, the name the reports show.
 *
 * <p><b>Updating the golden files.</b> After an intended change to the templates, the grading or
 * the samples, regenerate them from the project root (tests run there) and review the diff:
 *
 * <pre>
 *   mvn test -Dtest=GoldenReportTest -Dgolden.update=true
 *   git diff grader/src/test/resources/golden/
 * </pre>
 *
 * With {@code golden.update=true} each sample's golden folder is replaced by the freshly rendered
 * reports and nothing is compared; the structural checks (the JUnit XML parses, one testcase per
 * asked quantity, HTML small and offline) still run.
 */
class GoldenReportTest {

  static final Path GOLDEN = Path.of("grader", "src", "test", "resources", "golden");

  /** The HTML report is one self-contained page; this is far above what any exercise needs. */
  static final int MAX_HTML_BYTES = 100 * 1024;

  static boolean updating() {
    return "true".equalsIgnoreCase(System.getProperty("golden.update"));
  }

  static List<String> samples() {
    return CliRunner.sampleFiles();
  }

  private static String sampleName(String sample) {
    String file = Path.of(sample).getFileName().toString();
    return file.substring(0, file.length() - ".yaml".length());
  }

  /** Grades one sample into {@code out} and returns the reports, keyed by file name (student.html etc.). */
  private static Map<String, byte[]> render(String sample, Path out) throws IOException {
    Run run = run("grade", sample, "--out", out.toString());
    assertTrue(run.code() == 0 || run.code() == 1, "grading " + sample + ": " + run.err());
    List<String> files = CliRunner.reportsUnder(out);
    assertEquals(3, files.size(), "three reports for " + sample + ": " + files);
    Map<String, byte[]> reports = new LinkedHashMap<>();
    for (String file : files) {
      String[] parts = file.split("/");
      assertEquals(2, parts.length, "OUT/<exercise>/<student>.*: " + file);
      reports.put(parts[1], Files.readAllBytes(out.resolve(file)));
    }
    return reports;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void reportsMatchTheGoldenFiles(String sample, @TempDir Path out) throws IOException {
    Map<String, byte[]> reports = render(sample, out);
    Path golden = GOLDEN.resolve(sampleName(sample));
    if (updating()) {
      if (Files.isDirectory(golden)) {
        try (Stream<Path> old = Files.list(golden)) {
          for (Path file : old.toList()) {
            Files.delete(file);
          }
        }
      }
      Files.createDirectories(golden);
      for (Map.Entry<String, byte[]> report : reports.entrySet()) {
        Files.write(golden.resolve(report.getKey()), report.getValue());
      }
      System.out.println("golden.update: wrote " + reports.keySet() + " to " + golden.toAbsolutePath());
      return;
    }
    assertTrue(Files.isDirectory(golden), "no golden files for " + sample + " in " + golden
        + "; run mvn test -Dtest=GoldenReportTest -Dgolden.update=true");
    assertEquals(reports.keySet().stream().sorted().toList(), filesUnder(golden),
        "the golden folder " + golden + " holds exactly this sample's reports");
    List<String> differ = new ArrayList<>();
    for (Map.Entry<String, byte[]> report : reports.entrySet()) {
      byte[] expected = Files.readAllBytes(golden.resolve(report.getKey()));
      if (!java.util.Arrays.equals(expected, report.getValue())) {
        differ.add(report.getKey() + " (" + firstDifference(expected, report.getValue()) + ")");
      }
    }
    if (!differ.isEmpty()) {
      fail("reports differ from " + golden + ": " + differ
          + "; if intended, run mvn test -Dtest=GoldenReportTest -Dgolden.update=true and review the diff");
    }
  }

  private static String firstDifference(byte[] expected, byte[] actual) {
    String[] want = new String(expected, StandardCharsets.UTF_8).split("\n", -1);
    String[] got = new String(actual, StandardCharsets.UTF_8).split("\n", -1);
    for (int i = 0; i < Math.max(want.length, got.length); i++) {
      String w = i < want.length ? want[i] : "<end of file>";
      String g = i < got.length ? got[i] : "<end of file>";
      if (!w.equals(g)) {
        return "line " + (i + 1) + ": expected [" + w + "] but was [" + g + "]";
      }
    }
    return "same lines, different bytes";
  }

  @Test
  void everyGoldenFolderBelongsToASample() throws IOException {
    if (!Files.isDirectory(GOLDEN)) {
      return;
    }
    List<String> sampleNames = samples().stream().map(GoldenReportTest::sampleName).sorted().toList();
    try (Stream<Path> folders = Files.list(GOLDEN)) {
      for (Path folder : folders.toList()) {
        assertTrue(sampleNames.contains(folder.getFileName().toString()),
            folder + " has no sample in exercises/samples/ (a stale golden folder?)");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void junitXmlHasOneTestcasePerAskedQuantityAndAFailureForEachNotFullyCredited(String sample, @TempDir Path out)
      throws Exception {
    Map<String, byte[]> reports = render(sample, out);
    String xmlName = reports.keySet().stream().filter(name -> name.endsWith(".junit.xml")).findFirst().orElseThrow();
    Document document = parser().parse(new java.io.ByteArrayInputStream(reports.get(xmlName)));

    Run json = run("grade", sample, "--format", "json", "--no-reports");
    JsonNode quantities = json.submission().get("quantities");

    Element suite = document.getDocumentElement();
    assertEquals("testsuite", suite.getTagName());
    NodeList testcases = suite.getElementsByTagName("testcase");
    assertEquals(quantities.size(), testcases.getLength(), "one testcase per asked quantity");
    int notGradable = 0;
    for (JsonNode quantity : quantities) {
      notGradable += quantity.get("verdict").asText().equals("not-gradable") ? 1 : 0;
    }
    if (notGradable == 0) { // else see notGradableQuantityIsASkippedTestcase
      assertEquals(Integer.toString(testcases.getLength()), suite.getAttribute("tests"));
    }

    Map<String, JsonNode> byName = new LinkedHashMap<>();
    quantities.forEach(quantity -> byName.put(quantity.get("name").asText(), quantity));
    int failures = 0;
    for (int i = 0; i < testcases.getLength(); i++) {
      Element testcase = (Element) testcases.item(i);
      JsonNode quantity = byName.remove(testcase.getAttribute("name"));
      assertNotNull(quantity, "testcase " + testcase.getAttribute("name") + " is an asked quantity, named once");
      NodeList failure = testcase.getElementsByTagName("failure");
      // A quantity that is not gradable is not held against the student: no failure.
      boolean fullCredit = quantity.get("credit").asDouble() >= 1
          || quantity.get("verdict").asText().equals("not-gradable");
      assertEquals(fullCredit ? 0 : 1, failure.getLength(), quantity.toString());
      if (!fullCredit) {
        failures++;
        Element element = (Element) failure.item(0);
        assertEquals(quantity.get("verdict").asText(), element.getAttribute("type"));
        assertTrue(element.getAttribute("message").endsWith(quantity.get("feedback").asText()),
            element.getAttribute("message"));
      }
    }
    assertEquals(Map.of(), byName, "every asked quantity has a testcase");
    if (CliRunner.hasSlips(sample)) {
      assertTrue(failures > 0, "every document's sample but seed 001's has some answer that is not fully credited");
    } else if (!CliRunner.isDocumentSample(sample)) {
      assertEquals(0, failures, "a hand-worked sample earns full credit");
    }
    assertEquals(Integer.toString(failures), suite.getAttribute("failures"));
    assertEquals("0", suite.getAttribute("errors"));
  }

  /**
   * A quantity that is not graded (seed 001's chaotic L_after[1000]) is a testcase, so JUnit XML
   * readers expect it counted in {@code tests} and marked {@code <skipped>}.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void notGradableQuantityIsASkippedTestcase(String sample, @TempDir Path out) throws Exception {
    Map<String, byte[]> reports = render(sample, out);
    String xmlName = reports.keySet().stream().filter(name -> name.endsWith(".junit.xml")).findFirst().orElseThrow();
    Element suite = parser().parse(new java.io.ByteArrayInputStream(reports.get(xmlName))).getDocumentElement();
    NodeList testcases = suite.getElementsByTagName("testcase");
    assertEquals(Integer.toString(testcases.getLength()), suite.getAttribute("tests"));
    int notGradable = 0;
    for (JsonNode quantity : run("grade", sample, "--format", "json", "--no-reports").submission().get("quantities")) {
      notGradable += quantity.get("verdict").asText().equals("not-gradable") ? 1 : 0;
    }
    assertEquals(Integer.toString(notGradable), suite.getAttribute("skipped"));
    assertEquals(notGradable, suite.getElementsByTagName("skipped").getLength());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void htmlReportIsSmallAndSelfContained(String sample, @TempDir Path out) throws IOException {
    Map<String, byte[]> reports = render(sample, out);
    String htmlName = reports.keySet().stream().filter(name -> name.endsWith(".html")).findFirst().orElseThrow();
    byte[] html = reports.get(htmlName);
    assertTrue(html.length < MAX_HTML_BYTES, htmlName + " is " + html.length + " bytes");
    String text = new String(html, StandardCharsets.UTF_8);
    assertTrue(text.startsWith("<!DOCTYPE html>"), text.substring(0, Math.min(200, text.length())));
    assertFalse(text.contains("http://"), "the report must render offline: " + htmlName);
    assertFalse(text.contains("https://"), "the report must render offline: " + htmlName);
    assertFalse(text.contains("<script"), htmlName + " runs no script");
    assertFalse(text.contains("<link"), htmlName + " loads no stylesheet");
    assertFalse(text.contains("<img"), htmlName + " loads no image");
    assertFalse(text.contains("src="), htmlName + " loads nothing");
    assertNotNull(reports.get(htmlName.replace(".html", ".md")));
  }

  private static DocumentBuilder parser() throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    return factory.newDocumentBuilder();
  }
}
