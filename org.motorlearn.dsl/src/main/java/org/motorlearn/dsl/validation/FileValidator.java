package org.motorlearn.dsl.validation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.validation.Check;
import org.motorlearn.dsl.motorLearn.Connection;
import org.motorlearn.dsl.motorLearn.FileInit;
import org.motorlearn.dsl.motorLearn.Import;
import org.motorlearn.dsl.motorLearn.Input;
import org.motorlearn.dsl.motorLearn.Model;
import org.motorlearn.dsl.motorLearn.Module;
import org.motorlearn.dsl.motorLearn.Readout;
import org.motorlearn.dsl.motorLearn.Task;
import org.motorlearn.dsl.model.ReferenceDefaults;
import org.motorlearn.dsl.util.Experiments;
import org.motorlearn.dsl.util.ProjectFolder;
import org.motorlearn.runtime.task.RecordedTrajectories;

/**
 * Files a spec refers to: imports, recorded trajectories, initial weights. Paths are relative to the
 * spec's folder; they must exist and lie inside the spec's {@link ProjectFolder}. The headers of .npy
 * files are read: a weight file's shape must match the matrix it initialises, a trajectory file's the
 * task (see docs/trajectory-format.md). Specs that are not files on disk (an editor
 * buffer without a path) are not checked.
 */
public class FileValidator extends MotorLearnCheckBase {

  @Check
  public void checkImport(Import anImport) {
    checkFile(anImport, ML.getImport_ImportURI(), anImport.getImportURI(), "imported file");
  }

  @Check
  public void checkRepeatedImport(Import anImport) {
    URI base = anImport.eResource() == null ? null : anImport.eResource().getURI();
    URI file = file(anImport, base);
    if (file == null) {
      return;
    }
    if (file.equals(base)) {
      warning(base.lastSegment() + " imports itself; remove this import", anImport, ML.getImport_ImportURI(),
          IssueCodes.DUPLICATE_IMPORT);
      return;
    }
    Model model = (Model) anImport.eContainer();
    for (Import earlier : model.getImports().subList(0, model.getImports().indexOf(anImport))) {
      if (file.equals(file(earlier, base))) {
        warning("'" + anImport.getImportURI() + "' is already imported at line " + lineOf(earlier) + "; remove this import",
            anImport, ML.getImport_ImportURI(), IssueCodes.DUPLICATE_IMPORT);
        return;
      }
    }
  }

  /** The file an import names, resolved against the importing spec as the scope provider resolves it ("./a" is "a"). */
  private static URI file(Import anImport, URI base) {
    if (anImport.getImportURI() == null || anImport.getImportURI().isEmpty()) {
      return null;
    }
    URI uri = URI.createURI(anImport.getImportURI());
    return base != null && base.isHierarchical() && !base.isRelative() ? uri.resolve(base) : uri;
  }

  @Check
  public void checkTrajectories(Task task) {
    Path file = checkFile(task, ML.getTask_Trajectories(), task.getTrajectories(), "trajectory file");
    if (file == null) {
      return;
    }
    String name = file.getFileName().toString();
    if (name.endsWith(".npy")) {
      checkTrajectoryArray(task, file);
    } else if (!name.endsWith(".csv")) {
      error("trajectory file '" + task.getTrajectories() + "' is neither .npy (with a .trials.csv table beside it) nor .csv; "
          + "save it in one of the layouts of docs/trajectory-format.md", task, ML.getTask_Trajectories(), IssueCodes.FILE_UNREADABLE);
    }
  }

  /**
   * The layout docs/trajectory-format.md describes and the runtime's loader enforces: positions of shape
   * [trials, trial bins, 2], more trials than the test set takes, and the trial table beside the array.
   */
  private void checkTrajectoryArray(Task task, Path file) {
    String path = task.getTrajectories();
    NpyShapes.Shape shape = NpyShapes.of(file);
    if (shape.problem() != null) {
      error("trajectory file '" + path + "' is no readable .npy array: " + shape.problem() + "; save it with numpy.save",
          task, ML.getTask_Trajectories(), IssueCodes.FILE_UNREADABLE);
      return;
    }
    long[] dimensions = shape.dimensions();
    if (dimensions.length != 3 || dimensions[2] != 2) {
      error("trajectory file '" + path + "' holds an array of shape " + NpyShapes.text(dimensions) + ", but recorded "
          + "trajectories need [trials, trial bins, 2] (x and y of the hand per bin); save it with that shape",
          task, ML.getTask_Trajectories(), IssueCodes.TRAJECTORY_FILE_SHAPE);
      return;
    }
    EffectiveSettings settings = EffectiveSettings.asWritten(task);
    // a task declared outside an experiment is read with the reference dt, as NumericRules does
    EffectiveSettings.Value trial = settings.bins(settings.value(task, ML.getTask_Trial()),
        settings.experiment() == null ? null : Experiments.network(settings.experiment()));
    long trialBins = Math.round(trial != null ? trial.value() : NumericRules.DEFAULT_TRIAL_BINS);
    if (dimensions[1] != trialBins) {
      error("trajectory file '" + path + "' has " + dimensions[1] + " bins per trial, but the task's trial is " + trialBins
          + " bins; write 'trial " + dimensions[1] + " bins' in the task or resample the data",
          task, task.getTrial() != null ? ML.getTask_Trial() : ML.getTask_Trajectories(), IssueCodes.TRAJECTORY_FILE_SHAPE);
    }
    EffectiveSettings.Value test = settings.value(task, ML.getTask_Test());
    long testTrials = Math.round(test != null ? test.value() : ReferenceDefaults.TEST_TRIALS);
    if (dimensions[0] <= testTrials) {
      error("trajectory file '" + path + "' holds " + dimensions[0] + " trials, but the task keeps the last " + testTrials
          + " for testing, which leaves none for training; record more trials or write a smaller 'test' count",
          task, task.getTest() != null ? ML.getTask_Test() : ML.getTask_Trajectories(), IssueCodes.TRAJECTORY_FILE_SHAPE);
    }
    Path table = RecordedTrajectories.sidecar(file);
    if (!Files.exists(table)) {
      error("the trial table '" + table.getFileName() + "' beside trajectory file '" + path + "' does not exist; write it with "
          + "the header target,cue_bin,go_bin and one row per trial (docs/trajectory-format.md)",
          task, ML.getTask_Trajectories(), IssueCodes.FILE_NOT_FOUND);
    }
  }

  @Check
  public void checkWeightFile(FileInit init) {
    Path file = checkFile(init, ML.getFileInit_File(), init.getFile(), "weight file");
    if (file == null || !file.getFileName().toString().endsWith(".npy")) {
      return;
    }
    NpyShapes.Shape shape = NpyShapes.of(file);
    if (shape.problem() != null) {
      error("weight file '" + init.getFile() + "' is no readable .npy array: " + shape.problem() + "; save it with numpy.save",
          init, ML.getFileInit_File(), IssueCodes.FILE_UNREADABLE);
      return;
    }
    Expected expected = expected(init);
    if (expected != null && !java.util.Arrays.equals(expected.shape(), shape.dimensions())) {
      error("weight file '" + init.getFile() + "' holds an array of shape " + NpyShapes.text(shape.dimensions()) + ", but "
          + expected.matrix() + " needs " + NpyShapes.text(expected.shape()) + " (" + expected.layout() + "); save it with that shape",
          init, ML.getFileInit_File(), IssueCodes.WEIGHT_FILE_SHAPE);
    }
  }

  private record Expected(String matrix, long[] shape, String layout) {
  }

  /** The shape a weight file must have: rows = units of the receiving side, columns = the sending side. */
  private static Expected expected(FileInit init) {
    EObject owner = init.eContainer();
    EStructuralFeature feature = init.eContainingFeature();
    if (owner instanceof Module module && feature == ML.getModule_RecurrentInit()) {
      long units = whole(module.getUnits());
      return units <= 0 ? null : new Expected(module.getName() + ".recurrent", new long[] {units, units},
          "units x units of " + module.getName());
    }
    if (owner instanceof Connection connection && connection.getSource() != null && connection.getTarget() != null) {
      long rows = whole(connection.getTarget().getUnits());
      long columns = whole(connection.getSource().getUnits());
      return rows <= 0 || columns <= 0 ? null : new Expected(connection.getSource().getName() + " -> " + connection.getTarget().getName(),
          new long[] {rows, columns}, "units of " + connection.getTarget().getName() + " x units of " + connection.getSource().getName());
    }
    if (owner instanceof Input input && input.getTargets().size() == 1 && input.getTargets().get(0) != null) {
      Module target = input.getTargets().get(0);
      long rows = whole(target.getUnits());
      long columns = whole(input.getSize());
      return rows <= 0 || columns <= 0 ? null : new Expected(input.getName() + " -> " + target.getName(), new long[] {rows, columns},
          "units of " + target.getName() + " x dimension of " + input.getName());
    }
    if (owner instanceof Readout readout && readout.getSource() != null) {
      long rows = whole(readout.getSize());
      long columns = whole(readout.getSource().getUnits());
      return rows <= 0 || columns <= 0 ? null : new Expected("readout " + readout.getName(), new long[] {rows, columns},
          "dimension of " + readout.getName() + " x units of " + readout.getSource().getName());
    }
    return null;
  }

  private static long whole(org.motorlearn.dsl.motorLearn.Quantity quantity) {
    return quantity == null || quantity.getValue() == null ? -1 : quantity.getValue().longValue();
  }

  /** The file if it exists and lies inside the project folder; otherwise reports why not and returns null. */
  private Path checkFile(EObject owner, EStructuralFeature feature, String path, String what) {
    URI uri = owner.eResource() == null ? null : owner.eResource().getURI();
    if (path == null || uri == null || !uri.isFile()) {
      return null;
    }
    Path spec = Paths.get(uri.toFileString());
    Path file = spec.toAbsolutePath().getParent().resolve(path).normalize();
    if (!Files.exists(file)) {
      error(what + " '" + path + "' does not exist (looked for " + file + "); paths are relative to the folder of this spec",
          owner, feature, IssueCodes.FILE_NOT_FOUND);
      return null;
    }
    Path project = ProjectFolder.of(spec);
    if (!ProjectFolder.contains(project, file)) {
      error(what + " '" + path + "' lies outside the project folder " + project + "; copy it into the project so the project "
          + "stays complete when moved or shared", owner, feature, IssueCodes.FILE_OUTSIDE_PROJECT);
      return null;
    }
    return file;
  }
}
