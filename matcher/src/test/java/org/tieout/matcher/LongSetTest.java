package org.tieout.matcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LongSetTest {

  @Test
  void agreesWithAHashSetThroughGrowth() {
    Random random = new Random(42);
    LongSet set = new LongSet();
    Set<Long> expected = new HashSet<>();
    for (int i = 0; i < 20_000; i++) {
      // a narrow range, so that values repeat, and sums of amounts as the residue makes them
      long v = random.nextInt(5_000) * 4099L + random.nextInt(3) - 2_000 * 4099L;
      assertEquals(expected.add(v), set.add(v), "add " + v);
    }
    for (long v = -3_000 * 4099L; v < 3_500 * 4099L; v += 1_367) {
      assertEquals(expected.contains(v), set.contains(v), "contains " + v);
    }
  }

  @Test
  void holdsTheValueItUsesToMarkAFreeSlot() {
    LongSet set = new LongSet();
    assertTrue(set.isEmpty());
    assertFalse(set.contains(Long.MIN_VALUE));
    assertTrue(set.add(Long.MIN_VALUE));
    assertFalse(set.add(Long.MIN_VALUE));
    assertTrue(set.contains(Long.MIN_VALUE));
    assertFalse(set.isEmpty());
    assertFalse(set.contains(0));
  }
}
