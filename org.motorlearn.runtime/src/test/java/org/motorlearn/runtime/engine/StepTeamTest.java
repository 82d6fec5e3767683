package org.motorlearn.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** The threads that share a time loop: every member runs, the barrier orders the steps, failures surface. */
class StepTeamTest {

  @Test
  void everyMemberRunsOnItsOwnThreadAndTheBarrierSeparatesTheSteps() {
    StepTeam team = StepTeam.of(3);
    assertSame(team, StepTeam.of(3), "one shared team per size");
    int steps = 2000;
    int[][] written = new int[steps][3];
    AtomicInteger errors = new AtomicInteger();
    Set<Thread> threads = ConcurrentHashMap.newKeySet();
    team.run(member -> {
      threads.add(Thread.currentThread());
      for (int t = 0; t < steps; t++) {
        written[t][member] = t + 1;
        team.await();
        // after the barrier, every member's write of this step is visible
        for (int other = 0; other < 3; other++) {
          if (written[t][other] != t + 1) {
            errors.incrementAndGet();
          }
        }
        team.await(); // nobody writes step t + 1 before all have read step t (a fresh row, so not needed; cheap)
      }
    });
    assertEquals(0, errors.get(), "writes missing after the barrier");
    assertEquals(3, threads.size(), "three threads");
    assertTrue(threads.contains(Thread.currentThread()), "member 0 is the caller");
    for (int[] row : written) {
      assertArrayEquals(new int[] {row[0], row[0], row[0]}, row);
    }
  }

  @Test
  void aFailingMemberEndsTheLoopForAllAndItsExceptionReachesTheCaller() {
    StepTeam team = StepTeam.of(2);
    AtomicInteger stepsOfMember0 = new AtomicInteger();
    IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> team.run(member -> {
      for (int t = 0; t < 100; t++) {
        if (member == 1 && t == 10) {
          throw new IllegalStateException("member 1 fails at step 10");
        }
        if (member == 0) {
          stepsOfMember0.incrementAndGet();
        }
        team.await();
      }
    }));
    assertEquals("member 1 fails at step 10", thrown.getMessage());
    assertEquals(11, stepsOfMember0.get(), "member 0 left at the barrier of step 10");
    // the team is usable again afterwards
    AtomicInteger ran = new AtomicInteger();
    team.run(member -> {
      team.await();
      ran.incrementAndGet();
    });
    assertEquals(2, ran.get());
  }

  @Test
  void blasRunsSingleThreadedInsideALoopAndItsThreadCountIsRestored() {
    int before = Nd4j.factory().blas().getMaxThreads();
    int[] inside = new int[2];
    StepTeam.of(2).run(member -> inside[member] = Nd4j.factory().blas().getMaxThreads());
    assertArrayEquals(new int[] {1, 1}, inside);
    assertEquals(before, Nd4j.factory().blas().getMaxThreads());
    int[] alone = new int[1];
    StepTeam.of(1).run(member -> alone[member] = Nd4j.factory().blas().getMaxThreads());
    assertEquals(before, alone[0], "a team of one leaves BLAS alone");
  }
}
