package org.motorlearn.dsl.ui.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.core.filesystem.EFS;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTError;
import org.eclipse.swt.browser.Browser;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.part.EditorPart;
import org.motorlearn.dsl.ui.MotorLearnUiPlugin;
import org.motorlearn.dsl.ui.runs.RunReport.PhaseReport;

/**
 * A run's report inside Eclipse: how it ended, each phase's test behaviour, the training loss curve
 * and the analysis results, all read from the run folder (docs/run-format.md). Read-only.
 */
public final class RunReportEditor extends EditorPart {
  public static final String ID = MotorLearnUiPlugin.PLUGIN_ID + ".runReport";
  /** The command line's report of a run, when it wrote one. */
  private static final String HTML_REPORT = "report.html";

  private RunReport report;
  private Composite body;
  private ScrolledComposite scrolled;

  @Override
  public void init(IEditorSite site, IEditorInput input) throws PartInitException {
    if (!(input instanceof RunReportInput)) {
      throw new PartInitException("The run report opens run folders, not " + input.getName());
    }
    setSite(site);
    setInput(input);
    setPartName(input.getName());
    setTitleToolTip(input.getToolTipText());
  }

  @Override
  public void createPartControl(Composite parent) {
    scrolled = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL);
    scrolled.setExpandHorizontal(true);
    scrolled.setExpandVertical(true);
    refresh();
  }

  /** Re-reads the run folder and rebuilds the report. */
  public void refresh() {
    if (body != null) {
      body.dispose();
    }
    report = RunReport.read(((RunReportInput) getEditorInput()).folder());
    body = new Composite(scrolled, SWT.NONE);
    body.setLayout(new GridLayout(2, false));
    if (report == null) {
      label(body, "This folder has no readable manifest.json: it is not a MotorLearn run (yet).", 2);
    } else {
      fill(report);
    }
    scrolled.setContent(body);
    scrolled.setMinSize(body.computeSize(SWT.DEFAULT, SWT.DEFAULT));
  }

  private void fill(RunReport report) {
    RunRecord run = report.run();
    Label title = label(body, run.experiment() + " - " + run.folder().getFileName(), 2);
    title.setFont(JFaceResources.getHeaderFont());
    field("Status", run.displayStatus());
    if (!run.error().isEmpty()) {
      field("Error", run.error());
    }
    for (String warning : run.warnings()) {
      field("Warning", warning);
    }
    field("Seed", run.seed() == null ? "" : run.seed().toString());
    field("Started", run.started());
    field("Ended", run.ended());
    field("Folder", run.folder().toString());

    label(body, "Phases", 2).setFont(JFaceResources.getBannerFont());
    Table table = new Table(body, SWT.BORDER | SWT.FULL_SELECTION);
    table.setHeaderVisible(true);
    GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(table);
    for (String column : List.of("Phase", "Status", "Updates", "Final loss", "Test RMSE (cm)", "Angular error (deg)",
        "Seconds")) {
      TableColumn tableColumn = new TableColumn(table, SWT.LEFT);
      tableColumn.setText(column);
    }
    for (PhaseReport phase : report.phases()) {
      TableItem item = new TableItem(table, SWT.NONE);
      item.setText(new String[] {phase.name(), phase.status(), format(phase.updates()), format(phase.finalLoss()),
          format(phase.testRmse()), format(phase.angularErrorDegrees()), format(phase.seconds())});
    }
    for (TableColumn column : table.getColumns()) {
      column.pack();
    }

    label(body, "Training loss", 2).setFont(JFaceResources.getBannerFont());
    LossChart chart = new LossChart(body);
    chart.setPhases(report.phases());
    GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(600, 220).applyTo(chart);

    if (!report.analyses().isEmpty()) {
      label(body, "Analyses", 2).setFont(JFaceResources.getBannerFont());
      for (Map.Entry<String, Double> result : report.analyses()) {
        field(result.getKey(), format(result.getValue()));
      }
    }

    java.nio.file.Path htmlReport = run.folder().resolve(HTML_REPORT);
    boolean html = java.nio.file.Files.isRegularFile(htmlReport);
    if (html) {
      embed(htmlReport);
    }

    Link files = new Link(body, SWT.NONE);
    files.setText((html ? "<a>" + HTML_REPORT + "</a>   " : "") + "<a>" + RunRecord.MANIFEST + "</a>   <a>"
        + RunRecord.SUMMARY + "</a>");
    files.addListener(SWT.Selection, event -> open(event.text));
    GridDataFactory.fillDefaults().span(2, 1).applyTo(files);
  }

  /**
   * Shows the run's HTML report (figures and tables of the runtime's report) inside the editor when
   * SWT has a browser engine (WebKitGTK on Linux); without one the link below opens it outside.
   */
  private void embed(java.nio.file.Path htmlReport) {
    Label title = label(body, "Report", 2);
    title.setFont(JFaceResources.getBannerFont());
    Browser browser;
    try {
      browser = new Browser(body, SWT.NONE);
    } catch (SWTError noBrowserEngine) {
      title.dispose();
      return;
    }
    browser.setUrl(htmlReport.toUri().toString());
    GridDataFactory.fillDefaults().span(2, 1).grab(true, true).hint(900, 700).applyTo(browser);
  }

  private void open(String fileName) {
    try {
      IDE.openEditorOnFileStore(getSite().getPage(),
          EFS.getLocalFileSystem().getStore(report.run().folder().resolve(fileName).toUri()));
    } catch (PartInitException e) {
      MotorLearnUiPlugin.log(e.getStatus().getSeverity(), "Cannot open " + fileName, e);
    }
  }

  private void field(String key, String value) {
    label(body, key + ":", 1);
    label(body, value, 1);
  }

  private static Label label(Composite parent, String text, int span) {
    Label label = new Label(parent, SWT.WRAP);
    label.setText(text == null ? "" : text);
    GridDataFactory.fillDefaults().span(span, 1).grab(span == 2, false).applyTo(label);
    return label;
  }

  private static String format(Number value) {
    if (value == null) {
      return "";
    }
    return value instanceof Integer ? value.toString() : String.format("%.4g", value.doubleValue());
  }

  /** The report's model (for tests). */
  public RunReport report() {
    return report;
  }

  /** The texts of every label in the report, in order (for tests and screenshots). */
  public List<String> texts() {
    List<String> texts = new ArrayList<>();
    if (body != null) {
      for (Control child : body.getChildren()) {
        if (child instanceof Label label) {
          texts.add(label.getText());
        }
      }
    }
    return texts;
  }

  @Override
  public void setFocus() {
    scrolled.setFocus();
  }

  @Override
  public void doSave(IProgressMonitor monitor) {
    // A report is read-only.
  }

  @Override
  public void doSaveAs() {
    // A report is read-only.
  }

  @Override
  public boolean isDirty() {
    return false;
  }

  @Override
  public boolean isSaveAsAllowed() {
    return false;
  }
}
