package org.tieout.matcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class ParallelTest {

  @Test
  void visitsEveryIndexExactlyOnceWhateverTheRunSize() {
    int[][] cases = {{0, 1}, {1, 1}, {1, 64}, {7, 3}, {64, 64}, {65, 64}, {10_000, 16}, {999, 1}};
    for (int[] c : cases) {
      int n = c[0];
      AtomicIntegerArray visits = new AtomicIntegerArray(n);
      Parallel.forEach(n, c[1], visits::incrementAndGet);
      for (int i = 0; i < n; i++) {
        assertEquals(1, visits.get(i), "index " + i + " of " + n + " in runs of " + c[1]);
      }
    }
  }

  @Test
  void aFailureInTheBodyReachesTheCaller() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                Parallel.forEach(
                    1_000,
                    8,
                    i -> {
                      if (i == 777) {
                        throw new IllegalStateException("line 777");
                      }
                    }));
    // thrown on another thread, the pool rethrows a copy with the original as its cause
    Throwable original = e.getCause() instanceof IllegalStateException cause ? cause : e;
    assertEquals("line 777", original.getMessage());
  }

  @Test
  void afterAFailureNoThreadTakesANewRun() {
    int n = 100_000;
    java.util.concurrent.atomic.AtomicInteger calls =
        new java.util.concurrent.atomic.AtomicInteger();
    assertThrows(
        IllegalStateException.class,
        () ->
            Parallel.forEach(
                n,
                1,
                i -> {
                  calls.incrementAndGet();
                  if (i == 0) {
                    throw new IllegalStateException("the first line");
                  }
                  // each other call takes a while: all of them would take seconds
                  LockSupport.parkNanos(10_000);
                }));
    // the caller has the failure; a thread still in a run finishes it and takes no other (a
    // pool's worker is not stopped by the caller's exception, and would work on unseen)
    LockSupport.parkNanos(300_000_000L);
    int settled = calls.get();
    LockSupport.parkNanos(300_000_000L);
    assertEquals(settled, calls.get(), "calls went on after the failure");
    assertTrue(settled < n / 2, settled + " calls of " + n);
  }

  @Test
  void refusesARunOfNoIndexes() {
    assertThrows(IllegalArgumentException.class, () -> Parallel.forEach(10, 0, i -> {}));
  }
}
