package org.motorlearn.runtime.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motorlearn.runtime.io.Npy;
import org.motorlearn.runtime.rng.RandomStreams;
import org.motorlearn.runtime.spec.SpecException;
import org.motorlearn.runtime.spec.TaskSpec.Profile;
import org.motorlearn.runtime.spec.TaskSpec.Recorded;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class RecordedTrajectoriesTest {

  @TempDir
  Path dir;

  /** 12 synthetic trials of 120 bins, inputs with gain 2 and hold 1.5 (as TasksTest.task). */
  final TrialSet original = Tasks.generate(TasksTest.task(Profile.MINIMUM_JERK, 5, 12, 8), new RandomStreams(9), Path.of(".")).train();

  Recorded spec(String file, int testTrials) {
    return new Recorded("monkey", Path.of(file), 8, 120, testTrials, 2, 1.5);
  }

  TaskData load(String file) {
    return Tasks.generate(spec(file, 4), new RandomStreams(0), dir);
  }

  void assertSameTrials(TrialSet expected, TrialSet actual) {
    assertEquals(expected.targets(), actual.targets());
    assertEquals(expected.inputs(), actual.inputs());
    assertArrayEquals(expected.targetIds(), actual.targetIds());
    assertArrayEquals(expected.cueBins(), actual.cueBins());
    assertArrayEquals(expected.goBins(), actual.goBins());
  }

  TrialSet slice(TrialSet s, int from, int to) {
    return new TrialSet(s.inputs().get(NDArrayIndex.interval(from, to)).dup(), s.targets().get(NDArrayIndex.interval(from, to)).dup(),
        Arrays.copyOfRange(s.targetIds(), from, to), Arrays.copyOfRange(s.cueBins(), from, to), Arrays.copyOfRange(s.goBins(), from, to));
  }

  @Test
  void npyLayoutRoundTripsAndTheLastTrialsAreTheTestSet() {
    RecordedTrajectories.writeNpy(dir.resolve("reaches.npy"), original);
    assertEquals("target,cue_bin,go_bin", firstLine(dir.resolve("reaches.trials.csv")));
    TaskData data = load("reaches.npy");
    assertSameTrials(slice(original, 0, 8), data.train());
    assertSameTrials(slice(original, 8, 12), data.test());
  }

  @Test
  void csvLayoutRoundTripsInAnyRowOrder() throws IOException {
    RecordedTrajectories.writeCsv(dir.resolve("reaches.csv"), original);
    TaskData data = load("reaches.csv");
    assertSameTrials(slice(original, 0, 8), data.train());
    assertSameTrials(slice(original, 8, 12), data.test());

    List<String> lines = new ArrayList<>(Files.readAllLines(dir.resolve("reaches.csv")));
    String header = lines.remove(0);
    java.util.Collections.reverse(lines);
    lines.add(0, header);
    Files.write(dir.resolve("reversed.csv"), lines);
    assertSameTrials(slice(original, 8, 12), load("reversed.csv").test());
  }

  @Test
  void float32PositionsAreAccepted() {
    Npy.write(dir.resolve("single.npy"), original.targets().castTo(DataType.FLOAT));
    RecordedTrajectories.writeNpy(dir.resolve("tmp.npy"), original);
    copy(dir.resolve("tmp.trials.csv"), dir.resolve("single.trials.csv"));
    assertEquals(original.targets().castTo(DataType.FLOAT).castTo(DataType.DOUBLE).get(NDArrayIndex.interval(8, 12)),
        load("single.npy").test().targets());
  }

  @Test
  void npyErrorsNameTheFileTheTrialAndTheFix() throws IOException {
    RecordedTrajectories.writeNpy(dir.resolve("reaches.npy"), original);
    Path table = dir.resolve("reaches.trials.csv");
    List<String> rows = Files.readAllLines(table);

    rows.set(3, "8,25,55");
    Files.write(table, rows);
    assertMessage("task monkey: " + table + ":4 (trial 2): target 8 is outside 0..7; target ids are 0-based and the task"
        + " declares 8 targets", "reaches.npy");

    rows.set(3, "1,60,55");
    Files.write(table, rows);
    assertMessage("task monkey: " + table + ":4 (trial 2): cue bin 60 and go bin 55 must satisfy 0 <= cue < go < 120"
        + " (the trial length)", "reaches.npy");

    Files.write(table, rows.subList(0, 5));
    assertMessage("task monkey: " + table + " has 4 trial rows, but reaches.npy holds 12 trials; give one row per trial,"
        + " in the same order", "reaches.npy");

    Files.delete(table);
    assertMessage("task monkey: the trial table " + table + " is missing; beside reaches.npy put a CSV with header"
        + " target,cue_bin,go_bin and one row per trial", "reaches.npy");

    Npy.write(dir.resolve("short.npy"), Nd4j.zeros(DataType.DOUBLE, 3, 100, 2));
    assertMessage("task monkey: " + dir.resolve("short.npy") + " has 100 bins per trial, but the task declares 120;"
        + " set the trial length to 100 bins or resample the data", "short.npy");

    Npy.write(dir.resolve("flat.npy"), Nd4j.zeros(DataType.DOUBLE, 3, 120));
    assertMessage("task monkey: " + dir.resolve("flat.npy") + " has shape [3, 120]; expected [trials, bins, 2] hand"
        + " positions (x, y in cm)", "flat.npy");

    assertMessage("task monkey: trajectories file " + dir.resolve("absent.npy") + " does not exist (relative paths are"
        + " resolved against the spec's folder " + dir + ")", "absent.npy");

    Files.writeString(dir.resolve("reaches.mat"), "x");
    assertMessage("task monkey: trajectories file " + dir.resolve("reaches.mat") + " must end in .npy (with a .trials.csv"
        + " sidecar) or .csv; see docs/trajectory-format.md", "reaches.mat");
  }

  @Test
  void csvErrorsNameTheLineAndTheFix() throws IOException {
    Path file = dir.resolve("reaches.csv");
    RecordedTrajectories.writeCsv(file, original);
    List<String> rows = Files.readAllLines(file);

    List<String> inconsistent = new ArrayList<>(rows);
    String[] cells = inconsistent.get(5).split(",");
    cells[6] = "99";
    inconsistent.set(5, String.join(",", cells));
    Files.write(file, inconsistent);
    assertMessage("task monkey: " + file + ":6: trial 0 has target,cue_bin,go_bin = " + cells[4] + "," + cells[5]
        + ",99 but line 2 says " + cells[4] + "," + cells[5] + "," + original.goBins()[0]
        + "; these columns must be equal on every row of a trial", "reaches.csv");

    List<String> missing = new ArrayList<>(rows);
    missing.remove(1 + 120 + 7);
    Files.write(file, missing);
    assertMessage("task monkey: " + file + ": trial 1 has 119 of 120 bins (bin 7 is missing); trials are numbered 0..11"
        + " and each needs every bin 0..119", "reaches.csv");

    List<String> wrongHeader = new ArrayList<>(rows);
    wrongHeader.set(0, "trial,bin,x,y");
    Files.write(file, wrongHeader);
    assertMessage("task monkey: " + file + ":1: the header is 'trial,bin,x,y' but must be"
        + " 'trial,bin,x,y,target,cue_bin,go_bin'", "reaches.csv");

    List<String> text = new ArrayList<>(rows);
    text.set(3, text.get(3).replaceFirst("^0,2,", "0,2,left,"));
    Files.write(file, text);
    assertMessage("task monkey: " + file + ":4: 8 values, but the header has 7 columns", "reaches.csv");

    RecordedTrajectories.writeCsv(file, original);
    SpecException e = assertThrows(SpecException.class, () -> Tasks.generate(spec("reaches.csv", 12), new RandomStreams(0), dir));
    assertEquals("task monkey: " + file + " holds 12 trials, but 12 are set aside for testing; lower the test trials so"
        + " that some remain for training", e.getMessage());
  }

  void assertMessage(String expected, String file) {
    SpecException e = assertThrows(SpecException.class, () -> load(file));
    assertEquals(expected, e.getMessage());
  }

  static String firstLine(Path file) {
    try {
      return Files.readAllLines(file).get(0);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  static void copy(Path from, Path to) {
    try {
      Files.copy(from, to);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
