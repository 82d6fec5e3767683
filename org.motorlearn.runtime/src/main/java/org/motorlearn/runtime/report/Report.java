package org.motorlearn.runtime.report;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.motorlearn.runtime.run.RunFolder;

/**
 * Reports built from run folders (docs/run-format.md), so they can be regenerated at any time:
 * figures as PNG and SVG, tables as CSV and Markdown, and one self-contained HTML page.
 * See docs/report.md.
 *
 * <pre>{@code
 * Path html = Report.write(Path.of("runs/vr30"));            // runs/vr30/report.html + runs/vr30/report/
 * Report.writeSweep(Path.of("runs/sweep"), runFolders);      // runs/sweep/sweep-report.html + sweep-report/
 * }</pre>
 */
public final class Report {

  static {
    // charts are drawn off-screen; never try to open a display
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  /** The report of a run, in its run folder. */
  public static final String FILE_NAME = "report.html";

  private Report() {}

  /**
   * Writes {@code <run>/report/} (every figure as .png and .svg, every table as .csv and .md) and
   * {@code <run>/report.html}, replacing an earlier report atomically. Figures and tables whose data
   * the run does not have (no analysis, a failed phase) are left out.
   *
   * @return the report.html file
   * @throws ReportException if the folder is not a run folder or a file cannot be read or written
   */
  public static Path write(Path runFolder) {
    RunData run = RunData.open(runFolder);
    List<Figure> figures = new RunFigures(run).all();
    List<Table> tables = RunTables.all(run);
    StringBuilder body = new StringBuilder(header(run));
    body.append(Html.contents(figures, tables));
    body.append("<h2>Figures</h2>\n");
    Path folder = ReportFiles.temporaryFolder(runFolder, "report");
    try {
      for (Figure f : figures) {
        byte[] png = FigureWriter.png(f);
        ReportFiles.write(folder.resolve(f.name() + ".png"), png);
        ReportFiles.write(folder.resolve(f.name() + ".svg"), FigureWriter.svg(f));
        body.append(Html.figure(f, png));
      }
      if (!tables.isEmpty()) {
        body.append("<h2>Tables</h2>\n");
      }
      for (Table t : tables) {
        ReportFiles.write(folder.resolve(t.name() + ".csv"), t.csv());
        ReportFiles.write(folder.resolve(t.name() + ".md"), "## " + t.title() + "\n\n" + t.caption() + "\n\n" + t.markdown());
        body.append(Html.table(t));
      }
    } catch (RuntimeException e) {
      ReportFiles.deleteTree(folder); // a half-drawn report would only take the space a full disk lacks
      throw e;
    }
    body.append(footer());
    ReportFiles.swapFolder(folder, runFolder.resolve("report"));
    Path html = runFolder.resolve(FILE_NAME);
    ReportFiles.writeAtomically(html, Html.page(run.experiment() + " \u2013 MotorLearn report", body.toString()));
    return html;
  }

  /**
   * Writes the report of several runs of one experiment (seeds, parameter values): {@code
   * <sweep>/sweep-report/} with the table {@code runs.csv/.md} (a row per run), figures of each
   * metric against every swept parameter per compared phase (mean and standard deviation over
   * seeds; or, with no swept parameter, points per seed), and {@code <sweep>/sweep-report.html}.
   *
   * @return the sweep-report.html file
   */
  public static Path writeSweep(Path sweepFolder, List<Path> runFolders) {
    if (runFolders.isEmpty()) {
      throw new ReportException("cannot report on the sweep " + sweepFolder + ": it has no runs");
    }
    List<RunData> runs = new ArrayList<>();
    for (Path p : runFolders) {
      runs.add(RunData.open(p));
    }
    Sweep sweep = new Sweep(runs);
    List<Figure> figures = sweep.figures();
    List<Table> tables = List.of(sweep.table());
    StringBuilder body = new StringBuilder();
    body.append("<h1>").append(Html.escape(sweep.title())).append("</h1>\n<p class=\"subtitle\">Sweep report of ")
        .append(runs.size()).append(" runs").append(sweep.parameters().isEmpty() ? ""
            : ", swept: " + Html.escape(String.join(", ", sweep.parameters()))).append("</p>\n");
    body.append(Html.contents(figures, tables));
    Path folder = ReportFiles.temporaryFolder(sweepFolder, "sweep-report");
    body.append("<h2>Figures</h2>\n");
    for (Figure f : figures) {
      byte[] png = FigureWriter.png(f);
      ReportFiles.write(folder.resolve(f.name() + ".png"), png);
      ReportFiles.write(folder.resolve(f.name() + ".svg"), FigureWriter.svg(f));
      body.append(Html.figure(f, png).replace(" Files: report/", " Files: sweep-report/"));
    }
    body.append("<h2>Tables</h2>\n");
    for (Table t : tables) {
      ReportFiles.write(folder.resolve(t.name() + ".csv"), t.csv());
      ReportFiles.write(folder.resolve(t.name() + ".md"), "## " + t.title() + "\n\n" + t.caption() + "\n\n" + t.markdown());
      body.append(Html.table(t).replace(" Files: report/", " Files: sweep-report/"));
    }
    body.append(footer());
    ReportFiles.swapFolder(folder, sweepFolder.resolve("sweep-report"));
    Path html = sweepFolder.resolve("sweep-report.html");
    ReportFiles.writeAtomically(html, Html.page(sweep.title() + " \u2013 MotorLearn sweep report", body.toString()));
    return html;
  }

  private static String header(RunData run) {
    JsonObject m = run.manifest();
    String status = run.text("status") == null ? "unknown" : run.text("status");
    // a run killed (kill -9, power loss) never wrote its end: its manifest still says running
    boolean interrupted = "running".equals(status) && !new RunFolder(run.folder()).isLive();
    if (interrupted) {
      status = "interrupted";
    }
    StringBuilder out = new StringBuilder();
    out.append("<h1>").append(Html.escape(run.experiment())).append("<span class=\"status ").append(Html.escape(status))
        .append("\">").append(Html.escape(status)).append("</span></h1>\n");
    if (interrupted) {
      out.append("<p class=\"error\">The run's process ended without finishing (it was killed, or the machine stopped); "
          + "<code>motorlearn run SPEC --resume ").append(Html.escape(run.folder().toString()))
          .append("</code> continues it from its last checkpoint.</p>\n");
    }
    out.append("<p class=\"subtitle\">MotorLearn run report \u2013 ").append(Html.escape(run.folder().toAbsolutePath()
        .normalize().getFileName().toString())).append("</p>\n");
    if (run.text("error") != null) {
      out.append("<p class=\"error\">").append(Html.escape(run.text("error"))).append("</p>\n");
    }
    for (JsonElement warning : Json.array(m, "warnings")) {
      out.append("<p class=\"warning\">warning: ").append(Html.escape(warning.getAsString())).append("</p>\n");
    }
    List<String[]> facts = new ArrayList<>();
    facts.add(new String[] {"seed", run.text("seed")});
    String hash = run.text("specSha256");
    facts.add(new String[] {"spec SHA-256", hash});
    facts.add(new String[] {"precision", run.text("precision")});
    facts.add(new String[] {"parameters", parameters(Json.object(m, "parameters"))});
    facts.add(new String[] {"started", run.text("started")});
    facts.add(new String[] {"ended", ended(run.text("started"), run.text("ended"))});
    facts.add(new String[] {"resumed", Json.array(m, "resumed").isEmpty() ? null
        : Json.array(m, "resumed").size() + " time(s)"});
    facts.add(new String[] {"machine", machine(Json.object(m, "machine"))});
    facts.add(new String[] {"thread layout", run.text("threadLayout")});
    JsonObject versions = Json.object(m, "versions");
    if (versions != null) {
      String revision = Json.string(versions, "motorlearnRevision");
      facts.add(new String[] {"versions", "MotorLearn " + Json.string(versions, "motorlearn")
          + (revision == null ? "" : " (" + revision + ")") + ", Java "
          + Json.string(versions, "java") + " (" + Json.string(versions, "javaVendor") + "), ND4J "
          + Json.string(versions, "nd4j") + ", BLAS " + Json.string(versions, "blas")});
    }
    facts.add(new String[] {"phases", phases(Json.object(m, "phases"))});
    List<JsonElement> command = Json.array(m, "commandLine");
    facts.add(new String[] {"command", command.isEmpty() ? null
        : String.join(" ", command.stream().map(JsonElement::getAsString).toList())});
    out.append(Html.facts(facts));
    String spec = run.text("spec");
    if (spec != null && !spec.isBlank()) {
      out.append("<details>\n<summary>Spec</summary>\n<pre>").append(Html.escape(spec)).append("</pre>\n</details>\n");
    }
    return out.toString();
  }

  private static String parameters(JsonObject p) {
    if (p == null || p.size() == 0) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, JsonElement> e : p.entrySet()) {
      parts.add(e.getKey() + " = " + (e.getValue().isJsonPrimitive() ? e.getValue().getAsString() : e.getValue().toString()));
    }
    return String.join(", ", parts);
  }

  private static String phases(JsonObject p) {
    if (p == null) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, JsonElement> e : p.entrySet()) {
      parts.add(e.getKey() + " (" + (e.getValue().isJsonPrimitive() ? e.getValue().getAsString() : "?") + ")");
    }
    return String.join(", ", parts);
  }

  private static String ended(String started, String ended) {
    if (ended == null) {
      return "not ended";
    }
    try {
      Duration d = Duration.between(Instant.parse(started), Instant.parse(ended));
      return ended + " (" + formatDuration(d) + ")";
    } catch (DateTimeParseException | NullPointerException e) {
      return ended;
    }
  }

  static String formatDuration(Duration d) {
    long s = d.toSeconds();
    if (s < 60) {
      return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
    return s >= 3600 ? String.format("%d h %02d min", s / 3600, (s % 3600) / 60) : String.format("%d min %02d s", s / 60, s % 60);
  }

  private static String machine(JsonObject m) {
    if (m == null) {
      return null;
    }
    Double heap = Json.number(m, "maxHeapBytes");
    return Json.string(m, "host") + ", " + Json.string(m, "os") + " " + Json.string(m, "arch") + ", "
        + Json.string(m, "cores") + " cores" + (heap == null ? "" : String.format(java.util.Locale.ROOT, ", max heap %.1f GB",
        heap / 1e9));
  }

  private static String footer() {
    return "<footer>Generated by MotorLearn from the run folder (manifest.json, summary.json, phases/, analysis/); "
        + "regenerate with org.motorlearn.runtime.report.Report.</footer>\n";
  }
}
