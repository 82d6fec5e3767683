package org.motorlearn.dsl.validation;

import com.google.inject.Inject;
import com.google.inject.Provider;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.validation.Issue;
import org.motorlearn.dsl.util.ProjectFolder;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motorlearn.dsl.motorLearn.Model;

/** Files a spec refers to; the specs live in a temporary project folder. */
class FileValidatorTest extends ValidationTestBase {

  @TempDir
  Path root;

  private Path project;

  @Inject
  private Provider<XtextResourceSet> resourceSets;

  @BeforeEach
  void createProject() throws IOException {
    project = Files.createDirectories(root.resolve("project"));
    Files.writeString(project.resolve("motorlearn.project"), "");
  }

  /** Writes the spec (and any other files first) into the project and validates it from disk. */
  private Model load(String specText) throws IOException {
    Path spec = project.resolve("spec.motor");
    Files.writeString(spec, specText);
    XtextResourceSet resourceSet = resourceSets.get();
    var resource = resourceSet.getResource(URI.createFileURI(spec.toString()), true);
    return (Model) resource.getContents().get(0);
  }

  private static String weights(String init) {
    return reference("connect PMd -> M1", "connect PMd -> M1 init from \"" + init + "\"");
  }

  /** A float32 .npy file of zeros with the given shape, written byte by byte as NumPy's format describes it. */
  private static void writeNpy(Path file, int... shape) throws IOException {
    StringBuilder dimensions = new StringBuilder();
    int values = 1;
    for (int size : shape) {
      dimensions.append(size).append(", ");
      values *= size;
    }
    String tuple = shape.length == 1 ? dimensions.toString().trim() : dimensions.substring(0, dimensions.length() - 2);
    String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + tuple + "), }";
    int headerLength = 10 + dict.length() + 1;
    int padding = (64 - headerLength % 64) % 64;
    ByteBuffer bytes = ByteBuffer.allocate(headerLength + padding + values * 4).order(ByteOrder.LITTLE_ENDIAN);
    bytes.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
    bytes.putShort((short) (dict.length() + padding + 1));
    bytes.put(dict.getBytes(StandardCharsets.US_ASCII));
    for (int i = 0; i < padding; i++) {
      bytes.put((byte) ' ');
    }
    bytes.put((byte) '\n');
    Files.write(file, bytes.array());
  }

  @Test
  void checkImport() throws IOException {
    Model model = load("import \"lib/networks.motor\"\n" + REFERENCE);
    validation.assertError(model, ML.getImport(), IssueCodes.FILE_NOT_FOUND, "imported file 'lib/networks.motor' does not exist "
        + "(looked for " + project.resolve("lib/networks.motor") + "); paths are relative to the folder of this spec");
    Files.writeString(root.resolve("outside.motor"), "network Outside { }\n");
    validation.assertError(load("import \"../outside.motor\"\n" + REFERENCE), ML.getImport(), IssueCodes.FILE_OUTSIDE_PROJECT,
        "imported file '../outside.motor' lies outside the project folder " + project + "; copy it into the project so the "
            + "project stays complete when moved or shared");
    Files.createDirectories(project.resolve("lib"));
    Files.writeString(project.resolve("lib/networks.motor"), "network Shared { module A { units 4 } }\n");
    validation.assertNoIssues(load("import \"lib/networks.motor\"\n" + REFERENCE));
  }

  @Test
  void checkRepeatedImport() throws IOException {
    Files.createDirectories(project.resolve("lib"));
    Files.writeString(project.resolve("lib/a.motor"), "perturbation VR45 = rotation 45 deg\n");
    validation.assertWarning(load("import \"lib/a.motor\"\nimport \"./lib/a.motor\"\n" + REFERENCE), ML.getImport(),
        IssueCodes.DUPLICATE_IMPORT, "'./lib/a.motor' is already imported at line 1; remove this import");
    validation.assertWarning(load("import \"spec.motor\"\n" + REFERENCE), ML.getImport(), IssueCodes.DUPLICATE_IMPORT,
        "spec.motor imports itself; remove this import");
    validation.assertNoIssues(load("import \"lib/a.motor\"\n" + REFERENCE));
  }

  @Test
  void checkDuplicateTopLevelNamesAcrossImports() throws IOException {
    Files.writeString(project.resolve("common.motor"), "perturbation VR30 = rotation 30 deg\nnetwork Feulner2022 { }\n");
    validation.assertError(load("import \"common.motor\"\n" + REFERENCE), ML.getExperiment(), IssueCodes.DUPLICATE_TOP_LEVEL_NAME,
        "'Feulner2022' is also declared in the imported file common.motor (network Feulner2022, line 2); top-level names must be "
            + "unique across imports: rename one of them");
  }

  @Test
  void checkTrajectories() throws IOException {
    String spec = reference("targets 8 reach", "trajectories from \"data/monkey.npy\" targets 8 reach");
    validation.assertError(load(spec), ML.getTask(), IssueCodes.FILE_NOT_FOUND, "trajectory file 'data/monkey.npy' does not exist "
        + "(looked for " + project.resolve("data/monkey.npy") + "); paths are relative to the folder of this spec");
    Files.createDirectories(project.resolve("data"));
    writeNpy(project.resolve("data/monkey.npy"), 200, 400, 2);
    Files.writeString(project.resolve("data/monkey.trials.csv"), "target,cue_bin,go_bin\n");
    validation.assertNoIssues(load(spec));

    Files.delete(project.resolve("data/monkey.trials.csv"));
    validation.assertError(load(spec), ML.getTask(), IssueCodes.FILE_NOT_FOUND, "the trial table 'monkey.trials.csv' beside "
        + "trajectory file 'data/monkey.npy' does not exist; write it with the header target,cue_bin,go_bin and one row per trial "
        + "(docs/trajectory-format.md)");

    String text = reference("targets 8 reach", "trajectories from \"data/monkey.txt\" targets 8 reach");
    Files.writeString(project.resolve("data/monkey.txt"), "0 0\n");
    validation.assertError(load(text), ML.getTask(), IssueCodes.FILE_UNREADABLE, "trajectory file 'data/monkey.txt' is neither "
        + ".npy (with a .trials.csv table beside it) nor .csv; save it in one of the layouts of docs/trajectory-format.md");
  }

  @Test
  void checkTrajectoryShape() throws IOException {
    String spec = reference("targets 8 reach", "trajectories from \"monkey.npy\" targets 8 reach");
    Files.writeString(project.resolve("monkey.trials.csv"), "target,cue_bin,go_bin\n");
    writeNpy(project.resolve("monkey.npy"), 200, 400);
    validation.assertError(load(spec), ML.getTask(), IssueCodes.TRAJECTORY_FILE_SHAPE, "trajectory file 'monkey.npy' holds an "
        + "array of shape (200, 400), but recorded trajectories need [trials, trial bins, 2] (x and y of the hand per bin); save it "
        + "with that shape");
    writeNpy(project.resolve("monkey.npy"), 200, 400, 3);
    validation.assertError(load(spec), ML.getTask(), IssueCodes.TRAJECTORY_FILE_SHAPE, "trajectory file 'monkey.npy' holds an "
        + "array of shape (200, 400, 3), but recorded trajectories need [trials, trial bins, 2] (x and y of the hand per bin); save "
        + "it with that shape");
    writeNpy(project.resolve("monkey.npy"), 200, 300, 2);
    validation.assertError(load(spec), ML.getTask(), IssueCodes.TRAJECTORY_FILE_SHAPE, "trajectory file 'monkey.npy' has 300 "
        + "bins per trial, but the task's trial is 400 bins; write 'trial 300 bins' in the task or resample the data");
    // the same length written in time units of the network's dt (10 ms) agrees
    validation.assertNoIssues(load(spec.replace("trial 400 bins", "trial 3 s")
        .replace("go at bin 282 movement 100 bins", "go at bin 200 movement 90 bins")));
    writeNpy(project.resolve("monkey.npy"), 160, 400, 2);
    validation.assertError(load(spec), ML.getTask(), IssueCodes.TRAJECTORY_FILE_SHAPE, "trajectory file 'monkey.npy' holds 160 "
        + "trials, but the task keeps the last 160 for testing, which leaves none for training; record more trials or write a "
        + "smaller 'test' count");
    Files.writeString(project.resolve("monkey.npy"), "not numpy");
    validation.assertError(load(spec), ML.getTask(), IssueCodes.FILE_UNREADABLE, "trajectory file 'monkey.npy' is no readable "
        + ".npy array: ");
  }

  @Test
  void checkWeightFile() throws IOException {
    writeNpy(project.resolve("wrong.npy"), 10, 20);
    validation.assertError(load(weights("wrong.npy")), ML.getFileInit(), IssueCodes.WEIGHT_FILE_SHAPE, "weight file 'wrong.npy' "
        + "holds an array of shape (10, 20), but PMd -> M1 needs (40, 40) (units of M1 x units of PMd); save it with that shape");
    Files.writeString(project.resolve("text.npy"), "not numpy");
    validation.assertError(load(weights("text.npy")), ML.getFileInit(), IssueCodes.FILE_UNREADABLE, "weight file 'text.npy' is "
        + "no readable .npy array: ");
    writeNpy(project.resolve("right.npy"), 40, 40);
    validation.assertNoIssues(load(weights("right.npy")));
  }

  @Test
  void projectFolderIsTheNearestMarkedFolder() throws IOException {
    Path nested = Files.createDirectories(project.resolve("specs/vr"));
    Assertions.assertEquals(project, ProjectFolder.of(nested.resolve("a.motor")));
    Path unmarked = Files.createDirectories(root.resolve("loose"));
    Files.writeString(unmarked.resolve("pom.xml"), "<project/>");
    Assertions.assertEquals(unmarked, ProjectFolder.of(unmarked.resolve("a.motor")));
  }
}
