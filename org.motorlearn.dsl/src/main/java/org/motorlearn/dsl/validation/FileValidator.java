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
import org.motorlearn.dsl.motorLearn.Module;
import org.motorlearn.dsl.motorLearn.Readout;
import org.motorlearn.dsl.motorLearn.Task;

/**
 * Files a spec refers to: imports, recorded trajectories, initial weights. Paths are relative to the
 * spec's folder; they must exist and lie inside the spec's {@link ProjectFolder}. Weight files are read
 * and their shape compared with the matrix they initialise. Specs that are not files on disk (an editor
 * buffer without a path) are not checked.
 */
public class FileValidator extends MotorLearnCheckBase {

  @Check
  public void checkImport(Import anImport) {
    checkFile(anImport, ML.getImport_ImportURI(), anImport.getImportURI(), "imported file");
  }

  @Check
  public void checkTrajectories(Task task) {
    checkFile(task, ML.getTask_Trajectories(), task.getTrajectories(), "trajectory file");
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
