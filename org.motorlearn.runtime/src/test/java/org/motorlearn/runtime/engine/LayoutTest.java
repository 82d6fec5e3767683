package org.motorlearn.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** How the time loops' work is cut into shares for a team of threads. */
class LayoutTest {

  private static Layout paper(int units) {
    return new Layout(PaperNetwork.of(units));
  }

  @Test
  void paperScaleSharesBalanceTheGemmWorkOnCacheLineBoundaries() {
    Layout layout = paper(400);
    // Forward, per unit and row: U 400 + 64 (element-wise), PMd and M1 800 + 64 multiply-adds.
    // Half of 400 * 464 + 800 * 864 is reached 292.6 units into PMd: cut at 688 (a multiple of 16).
    assertArrayEquals(new int[] {0, 688, 1200}, layout.shares(2, true));
    // Backward, the mirror image: U and PMd feed 800 columns each, M1 400.
    assertArrayEquals(new int[] {0, 512, 1200}, layout.shares(2, false));
    for (int members = 1; members <= 4; members++) {
      for (boolean forward : new boolean[] {true, false}) {
        int[] cuts = layout.shares(members, forward);
        double[] cost = new double[members];
        for (int k = 0; k < members; k++) {
          assertTrue(cuts[k] < cuts[k + 1], "increasing");
          assertEquals(0, cuts[k] % 16, "aligned");
          for (int j = cuts[k]; j < cuts[k + 1]; j++) {
            cost[k] += j < 400 ? (forward ? 464 : 864) : j < 800 ? 864 : (forward ? 864 : 464);
          }
        }
        double mean = java.util.Arrays.stream(cost).average().orElseThrow();
        for (double c : cost) {
          assertEquals(mean, c, 0.03 * mean, members + " members, forward " + forward);
        }
      }
    }
  }

  @Test
  void tinyNetworksStillGetOneColumnPerMemberAndTeamsOnlyWhereTheyPay() {
    Layout tiny = paper(3);
    int[] cuts = tiny.shares(4, true);
    assertEquals(5, cuts.length);
    for (int k = 0; k < 4; k++) {
      assertTrue(cuts[k] < cuts[k + 1], java.util.Arrays.toString(cuts));
    }
    assertEquals(9, cuts[4]);
    assertEquals(1, tiny.teamSize(8), "9 units: one thread");
    assertEquals(1, paper(48).teamSize(2), "the quickstart's size: one thread");
    assertEquals(2, paper(400).teamSize(2));
    assertEquals(4, paper(400).teamSize(16), "at most one thread per 256 units");
    assertEquals(1, paper(400).teamSize(1));
  }
}
