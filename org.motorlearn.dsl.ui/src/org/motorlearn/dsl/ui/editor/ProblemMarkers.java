package org.motorlearn.dsl.ui.editor;

import java.util.List;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspaceRunnable;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.xtext.validation.Issue;
import org.motorlearn.dsl.ui.MotorLearnUiPlugin;

/**
 * The language's issues as problem markers on the spec file: squiggles in the editor, entries in the
 * Problems view (with the right line), and the anchor for quick fixes.
 */
public final class ProblemMarkers {
  public static final String TYPE = MotorLearnUiPlugin.PLUGIN_ID + ".problem";
  /** The language's issue code (see the language's IssueCodes), for quick fixes. */
  public static final String CODE = "code";
  /** The issue's data (e.g. suggested names or units), joined with {@link #DATA_SEPARATOR}. */
  public static final String DATA = "data";
  public static final String DATA_SEPARATOR = "\u001f";

  private ProblemMarkers() {
  }

  /** Replaces the file's MotorLearn markers with the given issues, in a job holding only the marker rule. */
  public static void schedule(IFile file, List<Issue> issues) {
    ISchedulingRule rule = ResourcesPlugin.getWorkspace().getRuleFactory().markerRule(file);
    WorkspaceJob job = new WorkspaceJob("Updating MotorLearn problems of " + file.getName()) {
      @Override
      public IStatus runInWorkspace(IProgressMonitor monitor) {
        replace(file, issues);
        return Status.OK_STATUS;
      }
    };
    job.setRule(rule);
    job.setSystem(true);
    job.schedule();
  }

  /** Replaces the markers synchronously, as one workspace operation (one Problems view refresh). */
  public static void replace(IFile file, List<Issue> issues) {
    if (!file.exists()) {
      return;
    }
    IWorkspaceRunnable update = monitor -> {
      file.deleteMarkers(TYPE, true, IResource.DEPTH_ZERO);
      for (Issue issue : issues) {
        create(file, issue);
      }
    };
    try {
      ResourcesPlugin.getWorkspace().run(update, ResourcesPlugin.getWorkspace().getRuleFactory().markerRule(file),
          0, null);
    } catch (CoreException e) {
      ILog.of(ProblemMarkers.class).log(e.getStatus());
    }
  }

  private static void create(IFile file, Issue issue) throws CoreException {
    IMarker marker = file.createMarker(TYPE);
    int offset = issue.getOffset() == null ? 0 : issue.getOffset();
    int length = issue.getLength() == null ? 0 : issue.getLength();
    int line = issue.getLineNumber() == null ? 1 : issue.getLineNumber();
    marker.setAttribute(IMarker.MESSAGE, issue.getMessage());
    marker.setAttribute(IMarker.SEVERITY, severity(issue));
    marker.setAttribute(IMarker.LINE_NUMBER, line);
    marker.setAttribute(IMarker.CHAR_START, offset);
    marker.setAttribute(IMarker.CHAR_END, offset + length);
    marker.setAttribute(IMarker.LOCATION, "line " + line);
    if (issue.getCode() != null) {
      marker.setAttribute(CODE, issue.getCode());
    }
    if (issue.getData() != null && issue.getData().length > 0) {
      marker.setAttribute(DATA, String.join(DATA_SEPARATOR, issue.getData()));
    }
  }

  private static int severity(Issue issue) {
    return switch (issue.getSeverity()) {
      case ERROR -> IMarker.SEVERITY_ERROR;
      case WARNING -> IMarker.SEVERITY_WARNING;
      default -> IMarker.SEVERITY_INFO;
    };
  }

  /** The data strings of a marker (empty when the issue had none). */
  public static List<String> data(IMarker marker) {
    String joined = marker.getAttribute(DATA, "");
    return joined.isEmpty() ? List.of() : List.of(joined.split(DATA_SEPARATOR, -1));
  }
}
