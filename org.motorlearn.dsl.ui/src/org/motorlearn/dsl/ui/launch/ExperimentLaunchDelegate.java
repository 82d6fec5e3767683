package org.motorlearn.dsl.ui.launch;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.core.model.LaunchConfigurationDelegate;
import org.motorlearn.dsl.motorLearn.Experiment;
import org.motorlearn.dsl.motorLearn.Phase;
import org.motorlearn.dsl.ui.MotorLearnUiPlugin;
import org.motorlearn.dsl.ui.language.SpecAnalysis;
import org.motorlearn.dsl.ui.language.SpecAnalyzer;
import org.motorlearn.dsl.ui.language.SpecUris;
import org.motorlearn.dsl.ui.preferences.EditorPreferences;
import org.motorlearn.runtime.engine.BlasEnvironment;

/**
 * Run As > MotorLearn Experiment: checks the spec, then runs
 * {@code java -cp <CLI class path> org.motorlearn.dsl.cli.Main run SPEC --out RUNS} in a separate
 * Java process (ND4J and its native libraries stay out of Eclipse). Its output (stdout and stderr as
 * one stream) goes to a console;
 * a job shows its progress and cancels it.
 */
public final class ExperimentLaunchDelegate extends LaunchConfigurationDelegate {
  @Override
  public void launch(ILaunchConfiguration configuration, String mode, ILaunch launch, IProgressMonitor monitor)
      throws CoreException {
    IFile spec = spec(configuration);
    SpecAnalysis analysis = check(spec);
    String classpath = CliClasspath.resolve();
    IContainer runs = runsFolder(configuration, spec);
    Path runsPath = runs.getLocation().toPath();
    java.util.Set<Path> before = RunJob.children(runsPath);

    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(split(vmArguments(configuration)));
    command.add("-cp");
    command.add(classpath);
    command.add(CliClasspath.MAIN_CLASS);
    command.add("run");
    command.add(spec.getLocation().toOSString());
    command.add("--out");
    command.add(runsPath.toString());
    command.addAll(split(configuration.getAttribute(LaunchAttributes.PROGRAM_ARGUMENTS, "")));

    File workingDirectory = spec.getParent().getLocation().toFile();
    // One stream: the command line writes its progress to stderr (so that stdout can be piped), which
    // the Console would show in red as if every run were failing; merged, lines also keep their order.
    // A failed run is still reported as an error by the RunJob.
    Process process = DebugPlugin.exec(command.toArray(String[]::new), workingDirectory, environment(), true);
    Map<String, String> attributes = new HashMap<>();
    attributes.put(IProcess.ATTR_CMDLINE, String.join(" ", command));
    attributes.put(IProcess.ATTR_PROCESS_TYPE, "motorlearn");
    IProcess iprocess = DebugPlugin.newProcess(launch, process, "motorlearn run " + spec.getName(), attributes);
    new RunJob(spec, runs, before, process, iprocess, phaseNames(analysis)).schedule();
  }

  static IFile spec(ILaunchConfiguration configuration) throws CoreException {
    String path = configuration.getAttribute(LaunchAttributes.SPEC, "");
    if (path.isBlank()) {
      throw new CoreException(Status.error("The launch configuration '" + configuration.getName()
          + "' names no spec: choose a *.motor file on its Experiment tab."));
    }
    IFile file = ResourcesPlugin.getWorkspace().getRoot().getFile(IPath.fromPortableString(path));
    if (!file.exists()) {
      throw new CoreException(Status.error("The spec " + path + " of launch configuration '"
          + configuration.getName() + "' does not exist: choose an existing *.motor file on its Experiment tab."));
    }
    return file;
  }

  private static SpecAnalysis check(IFile spec) throws CoreException {
    try (java.io.InputStream in = spec.getContents(true)) {
      String text = new String(in.readAllBytes(), spec.getCharset());
      SpecAnalysis analysis = SpecAnalyzer.analyse(SpecUris.of(spec), text);
      long errors = analysis.issues().stream()
          .filter(issue -> issue.getSeverity() == org.eclipse.xtext.diagnostics.Severity.ERROR).count();
      if (errors > 0) {
        throw new CoreException(Status.error(spec.getFullPath() + " has " + errors + " error"
            + (errors == 1 ? "" : "s") + "; fix " + (errors == 1 ? "it" : "them")
            + " before running (they are listed in the Problems view)."));
      }
      return analysis;
    } catch (java.io.IOException e) {
      throw new CoreException(Status.error("Cannot read " + spec.getFullPath() + ": " + e.getMessage(), e));
    }
  }

  /** The folder receiving run folders: the launch's, or runs/ next to the spec. */
  static IContainer runsFolder(ILaunchConfiguration configuration, IFile spec) throws CoreException {
    String path = configuration.getAttribute(LaunchAttributes.RUNS_FOLDER, "");
    if (path.isBlank()) {
      return spec.getParent().getFolder(IPath.fromPortableString(RunFolders.DEFAULT_FOLDER));
    }
    return ResourcesPlugin.getWorkspace().getRoot().getFolder(IPath.fromPortableString(path));
  }

  private static String vmArguments(ILaunchConfiguration configuration) throws CoreException {
    String own = configuration.getAttribute(LaunchAttributes.VM_ARGUMENTS, "");
    return own.isBlank()
        ? MotorLearnUiPlugin.getDefault().getPreferenceStore().getString(EditorPreferences.RUN_VM_ARGUMENTS)
        : own;
  }

  /**
   * Eclipse's environment plus one OpenMP thread and OpenBLAS's environment for this CPU, as ./motorlearn
   * sets them (the runtime picks BLAS threads).
   */
  private static String[] environment() {
    Map<String, String> environment = new HashMap<>(System.getenv());
    environment.putIfAbsent("OMP_NUM_THREADS", "1");
    BlasEnvironment.addTo(environment);
    environment.put("NO_COLOR", "1");
    return environment.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toArray(String[]::new);
  }

  private static List<String> split(String arguments) {
    return List.of(DebugPlugin.parseArguments(arguments == null ? "" : arguments));
  }

  private static List<String> phaseNames(SpecAnalysis analysis) {
    List<String> names = new ArrayList<>();
    if (analysis.model() != null) {
      for (var element : analysis.model().getElements()) {
        if (element instanceof Experiment experiment) {
          for (Phase phase : experiment.getPhases()) {
            names.add(phase.getName());
          }
        }
      }
    }
    return names;
  }

  static void refresh(IContainer container) {
    try {
      container.refreshLocal(IResource.DEPTH_INFINITE, null);
    } catch (CoreException e) {
      MotorLearnUiPlugin.log(e.getStatus().getSeverity(), "Refreshing " + container.getFullPath() + " failed", e);
    }
  }
}
