package org.tieout.matcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;
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
  void refusesARunOfNoIndexes() {
    assertThrows(IllegalArgumentException.class, () -> Parallel.forEach(10, 0, i -> {}));
  }
}
