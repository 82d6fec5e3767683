package org.motorlearn.runtime.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class ReportTest {

  static final List<String> FIGURES = List.of("learning-curves", "trajectories", "psth", "pca", "changes", "weights",
      "weight-maps-Hinput", "weight-maps-Hlocal", "noise");
  static final List<String> TABLES = List.of("behaviour", "analysis-modules", "analysis-weights");
  static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  @TempDir
  static Path temp;
  static Path run;
  static String html;

  @BeforeAll
  static void writeReport() throws IOException {
    run = SyntheticRun.write(temp.resolve("run"), 3, 30);
    Path file = Report.write(run);
    assertEquals(run.resolve("report.html"), file);
    html = Files.readString(file, StandardCharsets.UTF_8);
  }

  @Test
  void aRunKilledWhileRunningIsShownInterruptedWithHowToContinue() throws IOException {
    Path killed = SyntheticRun.write(temp.resolve("killed"), 3, 30);
    Path manifest = killed.resolve("manifest.json");
    Files.writeString(manifest, Files.readString(manifest).replace("\"status\": \"completed\"", "\"status\": \"running\""));
    // no process holds the folder's lock: whoever wrote "running" is gone
    String page = Files.readString(Report.write(killed), StandardCharsets.UTF_8);
    assertTrue(page.contains("<span class=\"status interrupted\">interrupted</span>"), "the status badge");
    assertTrue(page.contains("--resume " + killed), "how to continue it");
    assertTrue(html.contains("<span class=\"status completed\">completed</span>"), "a completed run stays completed");
  }

  @Test
  void htmlIsSelfContained() {
    assertFalse(html.contains("http://"), "no http reference");
    assertFalse(html.contains("https://"), "no https reference");
    assertFalse(html.contains("file:"), "no file reference");
    Matcher src = Pattern.compile("\\bsrc=\"([^\"]*)\"").matcher(html);
    int images = 0;
    while (src.find()) {
      assertTrue(src.group(1).startsWith("data:image/png;base64,"), "embedded image, got " + src.group(1));
      images++;
    }
    assertEquals(FIGURES.size(), images);
    Matcher href = Pattern.compile("\\bhref=\"([^\"]*)\"").matcher(html);
    while (href.find()) {
      assertTrue(href.group(1).startsWith("#"), "only links inside the page, got " + href.group(1));
    }
    assertFalse(html.contains("<link"), "CSS is inline");
    assertFalse(html.contains("<script"), "no scripts");
  }

  @Test
  void htmlHasEveryFigureTableAndTheHeader() {
    for (String f : FIGURES) {
      assertTrue(html.contains("<figure id=\"" + f + "\">"), "figure " + f);
    }
    for (String t : TABLES) {
      assertTrue(html.contains("<section id=\"" + t + "\">"), "table " + t);
    }
    assertTrue(html.contains("<h1>Synthetic<span class=\"status completed\">completed</span></h1>"));
    assertTrue(html.contains("<dt>seed</dt><dd>3</dd>"));
    assertTrue(html.contains("<dt>spec SHA-256</dt><dd>ab12cd34ef56</dd>"));
    assertTrue(html.contains("<dt>started</dt><dd>2026-11-28T07:00:00Z</dd>"));
    assertTrue(html.contains("2026-11-28T07:03:30Z (3 min 30 s)"));
    assertTrue(html.contains("testhost, Linux amd64, 2 cores"));
    assertTrue(html.contains("<dt>thread layout</dt><dd>BLAS 1 thread, OpenMP 1 thread</dd>"));
    // the spec, HTML-escaped, in a collapsible block
    assertTrue(html.contains("<details>\n<summary>Spec</summary>\n<pre>experiment Synthetic {\n  rotation VR &lt;by&gt; 30.0"));
  }

  @Test
  void figuresAreValidPngAndSvg() throws Exception {
    Path folder = run.resolve("report");
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    // the SVG's DOCTYPE names the W3C DTD; never fetch it
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    for (String f : FIGURES) {
      byte[] png = Files.readAllBytes(folder.resolve(f + ".png"));
      assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(png, 8), f + ".png signature");
      assertNotNull(javax.imageio.ImageIO.read(folder.resolve(f + ".png").toFile()), f + ".png decodes");
      Document svg = factory.newDocumentBuilder().parse(folder.resolve(f + ".svg").toFile());
      assertEquals("svg", svg.getDocumentElement().getNodeName(), f + ".svg root");
      assertTrue(svg.getElementsByTagName("polyline").getLength() + svg.getElementsByTagName("path").getLength() > 0,
          f + ".svg draws something");
    }
    for (String t : TABLES) {
      assertTrue(Files.isRegularFile(folder.resolve(t + ".csv")), t + ".csv");
      assertTrue(Files.readString(folder.resolve(t + ".md")).contains("| --- |"), t + ".md is a Markdown table");
    }
  }

  @Test
  void behaviourTableEqualsPhaseMetrics() throws IOException {
    List<String[]> rows = csv(run.resolve("report/behaviour.csv"));
    assertEquals(List.of("phase", "perturbation", "readout", "updates", "test trials", "mse [cm2]", "rmse [cm]",
        "angular error [deg]", "final loss", "time [s]"), Arrays.asList(rows.get(0)));
    assertEquals(5, rows.size(), "header + 4 phases");
    for (String[] row : rows.subList(1, rows.size())) {
      JsonObject m = RunData.readJson(run.resolve("phases").resolve(row[0]).resolve("metrics.json")).getAsJsonObject();
      JsonObject hand = m.getAsJsonObject("test").getAsJsonObject("hand");
      assertEquals(hand.get("mse").getAsDouble(), Double.parseDouble(row[5]), 0.0, row[0] + " mse");
      assertEquals(hand.get("rmse").getAsDouble(), Double.parseDouble(row[6]), 0.0, row[0] + " rmse");
      assertEquals(hand.get("angularErrorDegrees").getAsDouble(), Double.parseDouble(row[7]), 0.0, row[0] + " angle");
      if (m.get("finalLoss").isJsonNull()) {
        assertEquals("", row[8]);
      } else {
        assertEquals(m.get("finalLoss").getAsDouble(), Double.parseDouble(row[8]), 0.0);
      }
    }
  }

  @Test
  void analysisTablesEqualAnalysisFiles() throws IOException {
    List<String[]> modules = csv(run.resolve("report/analysis-modules.csv"));
    assertEquals(1 + 3 * 2, modules.size(), "header + 3 compared phases x 2 modules");
    for (String[] row : modules.subList(1, modules.size())) {
      JsonObject a = RunData.readJson(run.resolve("analysis/initial-vs-" + row[1] + ".json")).getAsJsonObject();
      assertEquals(a.getAsJsonObject("activityChangePercent").get(row[2]).getAsDouble(), Double.parseDouble(row[3]), 0.0);
      assertEquals(a.getAsJsonObject("covarianceChange").get(row[2]).getAsDouble(), Double.parseDouble(row[4]), 0.0);
      if (a.has("noise")) {
        assertEquals(a.getAsJsonObject("noise").getAsJsonObject("activityChangePercent").get(row[2]).getAsDouble(),
            Double.parseDouble(row[7]), 0.0);
      } else {
        assertEquals("", row[7]);
      }
    }
    List<String[]> weights = csv(run.resolve("report/analysis-weights.csv"));
    assertEquals(1 + 1 + 2, weights.size(), "header + Hinput's 1 and Hlocal's 2 plastic matrices");
    for (String[] row : weights.subList(1, weights.size())) {
      JsonObject a = RunData.readJson(run.resolve("analysis/initial-vs-" + row[1] + ".json")).getAsJsonObject();
      assertEquals(a.getAsJsonObject("weightChangePercent").get(row[2]).getAsDouble(), Double.parseDouble(row[3]), 0.0);
      assertEquals(a.getAsJsonObject("participationRatio").get(row[2]).getAsDouble(), Double.parseDouble(row[4]), 0.0);
    }
  }

  @Test
  void regeneratingGivesIdenticalTablesAndLeavesNoTemporaryFiles() throws IOException {
    Path copy = SyntheticRun.write(temp.resolve("again"), 3, 30);
    Report.write(copy);
    for (String t : TABLES) {
      for (String ext : List.of(".csv", ".md")) {
        assertEquals(Files.readString(run.resolve("report/" + t + ext)), Files.readString(copy.resolve("report/" + t + ext)),
            t + ext);
      }
    }
    Report.write(copy);
    for (String t : TABLES) {
      assertEquals(Files.readString(run.resolve("report/" + t + ".csv")), Files.readString(copy.resolve("report/" + t + ".csv")));
    }
    try (Stream<Path> files = Files.list(copy)) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith(".tmp-")), "no temporary leftovers");
    }
  }

  @Test
  void aDamagedFileOfTheRunIsAReportErrorNamingIt() throws IOException {
    Path damaged = SyntheticRun.write(temp.resolve("damaged"), 5, 30);
    Path targets = damaged.resolve("phases/initial/test/targets.npy");
    byte[] bytes = Files.readAllBytes(targets);
    Files.write(targets, java.util.Arrays.copyOf(bytes, 100));
    ReportException e = assertThrows(ReportException.class, () -> Report.write(damaged));
    assertTrue(e.getMessage().startsWith("cannot report on " + damaged + ": " + targets), e.getMessage());
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());

    Files.write(targets, bytes);
    Path loss = damaged.resolve("phases/initial/loss.csv");
    Files.writeString(loss, Files.readString(loss) + "1,2\n");
    e = assertThrows(ReportException.class, () -> Report.write(damaged));
    assertTrue(e.getMessage().startsWith("cannot report on " + damaged + ": " + loss), e.getMessage());

    Files.writeString(damaged.resolve("summary.json"), "[1, 2]");
    e = assertThrows(ReportException.class, () -> Report.write(damaged));
    assertTrue(e.getMessage().endsWith("summary.json is not a JSON object (see docs/run-format.md)"), e.getMessage());
  }

  @Test
  void runWithoutAnalysisGetsReportWithoutAnalysisFigures() throws IOException {
    Path bare = SyntheticRun.write(temp.resolve("bare"), 4, 30);
    ReportFiles.deleteTree(bare.resolve("analysis"));
    String page = Files.readString(Report.write(bare));
    for (String f : List.of("learning-curves", "trajectories", "psth", "pca", "weight-maps-Hlocal")) {
      assertTrue(page.contains("<figure id=\"" + f + "\">"), f);
      assertTrue(Files.isRegularFile(bare.resolve("report/" + f + ".png")), f);
    }
    for (String f : List.of("changes", "weights", "noise")) {
      assertFalse(page.contains("<figure id=\"" + f + "\">"), f);
      assertFalse(Files.exists(bare.resolve("report/" + f + ".png")), f);
    }
    assertTrue(page.contains("<section id=\"behaviour\">"));
    assertFalse(page.contains("<section id=\"analysis-modules\">"));
  }

  @Test
  void sweepTableHasOneRowPerRunAndMetricsAgainstTheSweptParameter() throws IOException {
    Path sweep = temp.resolve("sweep");
    List<Path> runs = new ArrayList<>();
    long[] seeds = {1, 2, 1, 2, 1};
    double[] angles = {10, 10, 45, 45, 90};
    for (int i = 0; i < seeds.length; i++) {
      runs.add(SyntheticRun.write(sweep.resolve("run" + i), seeds[i], angles[i]));
    }
    String page = Files.readString(Report.writeSweep(sweep, runs));
    List<String[]> rows = csv(sweep.resolve("sweep-report/runs.csv"));
    assertEquals(1 + runs.size(), rows.size(), "header + one row per run");
    List<String> header = Arrays.asList(rows.get(0));
    int angle = header.indexOf("angle");
    int seed = header.indexOf("seed");
    int rmse = header.indexOf("phases/Hlocal/test/hand/rmse");
    for (int i = 0; i < runs.size(); i++) {
      assertEquals(angles[i], Double.parseDouble(rows.get(i + 1)[angle]), 0.0);
      assertEquals(seeds[i], Long.parseLong(rows.get(i + 1)[seed]));
      assertEquals(1.1 + angles[i] / 90, Double.parseDouble(rows.get(i + 1)[rmse]), 0.0);
    }
    assertTrue(page.contains("<figure id=\"against-angle\">"));
    assertFalse(page.contains("<figure id=\"against-seed\">"), "seeds are the spread of each point, not an axis");
    assertTrue(page.contains("<section id=\"runs\">"));
    assertTrue(Files.isRegularFile(sweep.resolve("sweep-report/against-angle.svg")));
    assertFalse(page.contains("http://") || page.contains("https://"));
  }

  @Test
  void runsThatDifferOnlyInTheirSeedAreComparedPerHypothesisAcrossSeeds() throws IOException {
    Path sweep = temp.resolve("seeds");
    List<Path> runs = new ArrayList<>();
    for (long seed = 0; seed < 3; seed++) {
      runs.add(SyntheticRun.write(sweep.resolve("run" + seed), seed, 30));
    }
    String page = Files.readString(Report.writeSweep(sweep, runs));
    assertFalse(page.contains("<figure id=\"against-seed\">"), "the seed is not an axis");
    for (String f : List.of("changes", "weights")) {
      assertTrue(page.contains("<figure id=\"" + f + "\">"), f);
      assertTrue(Files.isRegularFile(sweep.resolve("sweep-report/" + f + ".png")), f);
    }
  }

  @Test
  void theDimensionalityPanelShowsTheRandomMatrixReference() throws IOException {
    // the synthetic dW has PR 1.02-1.32, the noise of the robustness test 4.1-4.3: the axis must reach the noise
    List<RunData> runs = List.of(RunData.open(SyntheticRun.write(temp.resolve("pr"), 1, 30)));
    Figure figure = Comparisons.weights("weights", runs).orElseThrow();
    org.knowm.xchart.XYChart dimensionality = (org.knowm.xchart.XYChart) figure.panels().get(1);
    assertEquals("Dimensionality of \u0394W", dimensionality.getTitle());
    assertTrue(dimensionality.getStyler().getYAxisMax() > 4.3, "y axis ends at " + dimensionality.getStyler().getYAxisMax());
    assertTrue(dimensionality.getSeriesMap().containsKey("i.i.d. noise, same shape"));
  }

  @Test
  void aFolderThatIsNotARunIsAClearError() throws IOException {
    Path empty = Files.createDirectories(temp.resolve("empty"));
    ReportException e = assertThrows(ReportException.class, () -> Report.write(empty));
    assertTrue(e.getMessage().contains("has no manifest.json"), e.getMessage());
  }

  @Test
  void readableNumbersHaveFourSignificantDigits() {
    assertEquals("0.03274", Table.readable(0.032738132402300835));
    assertEquals("110.3", Table.readable(110.2938));
    assertEquals("1.235e-05", Table.readable(1.2345e-5));
    assertEquals("", Table.readable(null));
    assertEquals(0.033, RunFigures.roundUp(0.032738), 0.0);
    assertEquals(0.49, RunFigures.roundUp(0.4862), 0.0);
  }

  private static List<String[]> csv(Path file) throws IOException {
    return Files.readAllLines(file).stream().map(l -> l.split(",", -1)).toList();
  }
}
