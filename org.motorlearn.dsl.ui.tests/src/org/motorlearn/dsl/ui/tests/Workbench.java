package org.motorlearn.dsl.ui.tests;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.motorlearn.dsl.ui.editor.MotorLearnEditor;
import org.motorlearn.dsl.ui.editor.ProblemMarkers;

/** What the UI tests do to the workbench: projects, files, editors, waiting, screenshots. */
final class Workbench {
  static final long TIMEOUT_MS = 30_000;

  private Workbench() {
  }

  static IProject project(String name) throws CoreException {
    IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
    if (project.exists()) {
      project.delete(true, true, null);
    }
    project.create(null);
    project.open(null);
    return project;
  }

  static IFile file(IProject project, String path, String text) throws CoreException {
    IFile file = project.getFile(path);
    file.create(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), true, null);
    return file;
  }

  static IWorkbenchPage page() {
    return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
  }

  static MotorLearnEditor open(IFile file) throws CoreException {
    MotorLearnEditor editor = (MotorLearnEditor) IDE.openEditor(page(), file, MotorLearnEditor.ID, true);
    waitUntil("the first analysis of " + file.getName(), () -> editor.analysis() != null);
    return editor;
  }

  /** Processes UI events until the condition holds; fails with {@code what} after the timeout. */
  static void waitUntil(String what, BooleanSupplier condition) {
    long end = System.currentTimeMillis() + TIMEOUT_MS;
    Display display = Display.getCurrent();
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > end) {
        throw new AssertionError("timed out waiting for " + what);
      }
      if (!display.readAndDispatch()) {
        display.timerExec(20, () -> { });
        display.sleep();
      }
    }
  }

  /** Lets the UI settle: pending events, and jobs of the given family. */
  static void settle(Object jobFamily) {
    waitUntil("jobs of " + jobFamily, () -> Job.getJobManager().find(jobFamily).length == 0);
    Display display = Display.getCurrent();
    while (display.readAndDispatch()) {
      // drain
    }
  }

  /** The MotorLearn problem markers of a file, by line. */
  static List<IMarker> markers(IFile file) throws CoreException {
    IMarker[] markers = file.findMarkers(ProblemMarkers.TYPE, true, IResource.DEPTH_ZERO);
    return Arrays.stream(markers).sorted(Comparator.comparingInt(m -> m.getAttribute(IMarker.LINE_NUMBER, -1))).toList();
  }

  /** Waits until the editor's newest analysis is of its current text and the markers reflect it. */
  static void reconciled(MotorLearnEditor editor) {
    waitUntil("the analysis of the current text",
        () -> editor.analysis() != null && editor.analysis().text().equals(editor.document().get()));
    waitUntil("the problem markers of the current text", () -> {
      try {
        return markers(editor.file()).size() == editor.analysis().issues().size();
      } catch (CoreException e) {
        return false;
      }
    });
  }

  /** Saves a screenshot of the whole (virtual) screen to target/screenshots/NAME.png (for review). */
  static Path screenshot(String name) throws Exception {
    Display display = Display.getCurrent();
    Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
    // Xvfb has no window manager to maximise windows: size the workbench to the screen instead.
    if (!shell.getBounds().equals(display.getBounds())) {
      shell.setBounds(display.getBounds());
    }
    long until = System.currentTimeMillis() + 300;
    while (System.currentTimeMillis() < until) {
      // let layouts and paints after the last change finish
      if (!display.readAndDispatch()) {
        Thread.sleep(20);
      }
    }
    Rectangle bounds = display.getBounds();
    Image image = new Image(display, bounds.width, bounds.height);
    GC gc = new GC(display);
    try {
      gc.copyArea(image, bounds.x, bounds.y);
    } finally {
      gc.dispose();
    }
    Path folder = Path.of(System.getProperty("motorlearn.screenshots", "target/screenshots"));
    Files.createDirectories(folder);
    Path file = folder.resolve(name + ".png");
    ImageLoader loader = new ImageLoader();
    loader.data = new org.eclipse.swt.graphics.ImageData[] {image.getImageData()};
    loader.save(file.toString(), SWT.IMAGE_PNG);
    image.dispose();
    return file;
  }
}
