package org.motorlearn.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The progress display: redrawn in place on terminals, sparse plain lines elsewhere. */
class ProgressBarTest {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  private final AtomicLong clock = new AtomicLong();

  private String printed() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void lineShowsPhaseCounterLossElapsedAndTimeLeft() {
    // 125 of 500 updates in 62 s: 375 more at 0.496 s each = 186 s left
    assertEquals("initial [######------------------]  125/500  loss 0.012346  elapsed 1m02s  left 3m06s",
        ProgressBar.line("initial", 125, 500, 0.0123456, 62));
  }

  @Test
  void durations() {
    assertEquals("0s", ProgressBar.duration(0.2));
    assertEquals("59s", ProgressBar.duration(59.4));
    assertEquals("1m00s", ProgressBar.duration(59.6));
    assertEquals("2h07m", ProgressBar.duration(2 * 3600 + 7 * 60 + 30));
  }

  @Test
  void terminalRedrawsOneLineWithCarriageReturns() {
    ProgressBar bar = new ProgressBar(err, true, clock::get, 10);
    bar.phaseStarted("p", 2);
    bar.updateFinished("p", 0, 2, 1.0, 1);
    bar.updateFinished("p", 1, 2, 0.5, 2);
    bar.phaseFinished("p");
    assertEquals("phase p: 2 updates\n"
        + "\r" + ProgressBar.line("p", 1, 2, 1.0, 1)
        + "\r" + ProgressBar.line("p", 2, 2, 0.5, 2) + "\n"
        + "phase p: done in 2s\n", printed());
  }

  @Test
  void elsewherePlainLinesAtMostOncePerIntervalPlusFirstAndLast() {
    ProgressBar bar = new ProgressBar(err, false, clock::get, 10);
    bar.phaseStarted("p", 5);
    for (int k = 0; k < 5; k++) {
      clock.set(k * 6_000_000_000L); // an update every 6 s: lines at 0 s, 12 s and the last at 24 s
      bar.updateFinished("p", k, 5, 1.0 / (k + 1), k * 6);
    }
    bar.message("checkpoint: phase p, update 5");
    bar.phaseStarted("null", 0);
    bar.phaseFinished("null");
    assertEquals("phase p: 5 updates\n"
        + ProgressBar.line("p", 1, 5, 1.0, 0) + "\n"
        + ProgressBar.line("p", 3, 5, 1.0 / 3, 12) + "\n"
        + ProgressBar.line("p", 5, 5, 0.2, 24) + "\n"
        + "checkpoint: phase p, update 5\n"
        + "phase null: evaluating\n"
        + "phase null: done\n", printed());
  }
}
