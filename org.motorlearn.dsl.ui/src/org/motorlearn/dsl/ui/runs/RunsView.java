package org.motorlearn.dsl.ui.runs;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.motorlearn.dsl.motorLearn.Element;
import org.motorlearn.dsl.motorLearn.Experiment;
import org.motorlearn.dsl.motorLearn.Model;
import org.motorlearn.dsl.ui.MotorLearnUiPlugin;
import org.motorlearn.dsl.ui.language.SpecAnalyzer;
import org.motorlearn.dsl.ui.language.SpecUris;
import org.motorlearn.dsl.ui.launch.LaunchAttributes;
import org.motorlearn.dsl.ui.launch.RunFolders;

/**
 * MotorLearn Runs: the runs of the spec being edited or selected, newest first, with start time,
 * seed, status and headline metrics. Double-click opens a run's report.
 */
public final class RunsView extends ViewPart {
  public static final String ID = MotorLearnUiPlugin.PLUGIN_ID + ".runsView";

  private TableViewer viewer;
  private IFile spec;
  private final ISelectionListener selectionListener = this::selectionChanged;
  private final Consumer<IFile> runsChanged = changed -> Display.getDefault().asyncExec(() -> {
    if (viewer != null && !viewer.getControl().isDisposed() && changed.equals(spec)) {
      refresh();
    }
  });

  @Override
  public void createPartControl(Composite parent) {
    viewer = new TableViewer(parent, SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL);
    viewer.getTable().setHeaderVisible(true);
    viewer.getTable().setLinesVisible(true);
    column("Run", 200, r -> r.folder().getFileName().toString());
    column("Started", 150, RunRecord::startedLocal);
    column("Seed", 50, r -> r.seed() == null ? "" : r.seed().toString());
    column("Status", 120, RunRecord::displayStatus);
    column("Headline", 320, RunRecord::headline);
    viewer.setContentProvider(ArrayContentProvider.getInstance());
    viewer.addDoubleClickListener(event -> openReport((IStructuredSelection) event.getSelection()));
    getSite().setSelectionProvider(viewer);
    getSite().getPage().addPostSelectionListener(selectionListener);
    RunFolders.addListener(runsChanged);

    Action refresh = new Action("Refresh") {
      @Override
      public void run() {
        refresh();
      }
    };
    refresh.setToolTipText("Read the run folders again");
    getViewSite().getActionBars().getToolBarManager().add(refresh);

    IEditorPart editor = getSite().getPage().getActiveEditor();
    if (editor != null) {
      selectionChanged(editor, null);
    }
  }

  private void column(String title, int width, java.util.function.Function<RunRecord, String> text) {
    TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
    column.getColumn().setText(title);
    column.getColumn().setWidth(width);
    column.setLabelProvider(new ColumnLabelProvider() {
      @Override
      public String getText(Object element) {
        return text.apply((RunRecord) element);
      }
    });
  }

  private void selectionChanged(IWorkbenchPart part, org.eclipse.jface.viewers.ISelection selection) {
    IFile file = null;
    if (part instanceof IEditorPart editor && editor.getEditorInput() instanceof IFileEditorInput input) {
      file = input.getFile();
    } else if (selection instanceof IStructuredSelection structured) {
      file = Adapters.adapt(structured.getFirstElement(), IFile.class);
    }
    if (file != null && "motor".equals(file.getFileExtension()) && !file.equals(spec)) {
      showRunsOf(file);
    }
  }

  /** Shows the runs of {@code file}. */
  public void showRunsOf(IFile file) {
    spec = file;
    setContentDescription("Runs of " + file.getFullPath());
    refresh();
  }

  public void refresh() {
    if (spec == null) {
      viewer.setInput(List.of());
      return;
    }
    Set<String> experiments = experimentsOf(spec);
    List<RunRecord> runs = RunRecord.in(runsFolder(spec)).stream()
        .filter(run -> experiments.isEmpty() || experiments.contains(run.experiment()))
        .toList();
    viewer.setInput(runs);
  }

  /** The runs shown (for tests). */
  @SuppressWarnings("unchecked")
  public List<RunRecord> runs() {
    Object input = viewer.getInput();
    return input instanceof List<?> list ? (List<RunRecord>) list : List.of();
  }

  private static Path runsFolder(IFile spec) {
    try {
      var configuration = org.motorlearn.dsl.ui.launch.ExperimentLaunchShortcut.configurationsFor(spec);
      for (var each : configuration) {
        String folder = each.getAttribute(LaunchAttributes.RUNS_FOLDER, "");
        if (!folder.isBlank()) {
          IContainer container = spec.getWorkspace().getRoot().getFolder(IPath.fromPortableString(folder));
          return container.getLocation().toPath();
        }
      }
    } catch (CoreException e) {
      MotorLearnUiPlugin.log(e.getStatus().getSeverity(), "Reading the launch configurations of " + spec, e);
    }
    return spec.getParent().getLocation().toPath().resolve(RunFolders.DEFAULT_FOLDER);
  }

  private static Set<String> experimentsOf(IFile spec) {
    Set<String> names = new TreeSet<>();
    try (java.io.InputStream in = spec.getContents(true)) {
      String text = new String(in.readAllBytes(), spec.getCharset());
      var resource = SpecAnalyzer.parse(SpecUris.of(spec), text);
      if (!resource.getContents().isEmpty() && resource.getContents().get(0) instanceof Model model) {
        for (Element element : model.getElements()) {
          if (element instanceof Experiment experiment && experiment.getName() != null) {
            names.add(experiment.getName());
          }
        }
      }
    } catch (java.io.IOException | CoreException e) {
      MotorLearnUiPlugin.log(org.eclipse.core.runtime.IStatus.WARNING, "Cannot read " + spec.getFullPath(), e);
    }
    return names;
  }

  private void openReport(IStructuredSelection selection) {
    if (selection.getFirstElement() instanceof RunRecord run) {
      try {
        getSite().getPage().openEditor(new RunReportInput(run.folder()), RunReportEditor.ID);
      } catch (PartInitException e) {
        MotorLearnUiPlugin.log(e.getStatus().getSeverity(), "Cannot open the report of " + run.folder(), e);
      }
    }
  }

  @Override
  public void setFocus() {
    viewer.getControl().setFocus();
  }

  @Override
  public void dispose() {
    getSite().getPage().removePostSelectionListener(selectionListener);
    RunFolders.removeListener(runsChanged);
    super.dispose();
  }
}
