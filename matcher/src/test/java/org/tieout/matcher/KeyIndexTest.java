package org.tieout.matcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class KeyIndexTest {

  /** What the index must hold: per (pool, key), positions sorted by day, ties by position. */
  private static Map<String, List<Integer>> expected(
      int[] pool, Object[] key, int[] day, int items) {
    Map<String, List<Integer>> m = new TreeMap<>();
    for (int i = 0; i < items; i++) {
      m.computeIfAbsent(pool[i] + "|" + key[i], k -> new ArrayList<>()).add(i);
    }
    m.values()
        .forEach(l -> l.sort(Comparator.comparingInt((Integer i) -> day[i]).thenComparing(i -> i)));
    return m;
  }

  private static int[] run(KeyIndex index, int id) {
    return Arrays.copyOfRange(index.positions, index.from(id), index.to(id));
  }

  @Test
  void textKeysGroupEachPoolsPositionsInDayOrderWithTiesByPosition() {
    Random r = new Random(7);
    int n = 50_000;
    int[] pool = new int[n];
    String[] key = new String[n];
    int[] day = new int[n];
    KeyIndex.Builder b = KeyIndex.Builder.ofText();
    for (int i = 0; i < n; i++) {
      pool[i] = r.nextInt(3);
      // a few keys with long runs (sorted through the packed path), most with one or two items
      key[i] = r.nextInt(10) == 0 ? "COMMON" + r.nextInt(4) : "REF" + r.nextInt(30_000);
      day[i] = 19_000 + r.nextInt(40); // many equal days: ties must keep position order
      b.add(pool[i], key[i], i);
    }
    KeyIndex index = b.build(day);

    Map<String, List<Integer>> want = expected(pool, key, day, n);
    assertEquals(want.size(), index.keys());
    want.forEach(
        (k, positions) -> {
          int p = Integer.parseInt(k.substring(0, k.indexOf('|')));
          int id = index.find(p, k.substring(k.indexOf('|') + 1));
          assertArrayEquals(
              positions.stream().mapToInt(Integer::intValue).toArray(), run(index, id), k);
        });
    assertEquals(-1, index.find(0, "REF30001"));
    assertEquals(-1, index.find(7, "COMMON1"), "a key is found only in its own pool");
  }

  @Test
  void numberKeysAreExactIncludingNegativeAmountsAndNegativeDays() {
    int[] pool = {0, 0, 1, 0, 0, 0};
    long[] amount = {-1_250, 1_250, 1_250, -1_250, Long.MIN_VALUE, 0};
    int[] day = {5, 3, 3, -2, 0, 0};
    KeyIndex.Builder b = KeyIndex.Builder.ofNumbers();
    for (int i = 0; i < pool.length; i++) {
      b.add(pool[i], amount[i], i);
    }
    KeyIndex index = b.build(day);

    assertArrayEquals(new int[] {3, 0}, run(index, index.find(0, -1_250L)));
    assertArrayEquals(new int[] {1}, run(index, index.find(0, 1_250L)));
    assertArrayEquals(new int[] {2}, run(index, index.find(1, 1_250L)));
    assertArrayEquals(new int[] {4}, run(index, index.find(0, Long.MIN_VALUE)));
    assertArrayEquals(new int[] {5}, run(index, index.find(0, 0L)));
    assertEquals(-1, index.find(1, -1_250L));
    assertEquals(5, index.keys());
  }

  @Test
  void anItemMayBeFiledUnderSeveralKeys() {
    KeyIndex.Builder b = KeyIndex.Builder.ofText();
    b.add(0, "ACME", 0);
    b.add(0, "ACME TRADING", 0);
    b.add(0, "ACME", 1);
    KeyIndex index = b.build(new int[] {10, 9});

    assertArrayEquals(new int[] {1, 0}, run(index, index.find(0, "ACME")));
    assertArrayEquals(new int[] {0}, run(index, index.find(0, "ACME TRADING")));
  }

  @Test
  void droppingTakenItemsKeepsTheRestInDayOrderWithTheirDaysAndFiledCounts() {
    Random r = new Random(11);
    int n = 20_000;
    int[] day = new int[n];
    String[] key = new String[n];
    boolean[] gone = new boolean[n];
    KeyIndex.Builder b = KeyIndex.Builder.ofText();
    for (int i = 0; i < n; i++) {
      key[i] = "PARTY" + r.nextInt(50);
      day[i] = 19_000 + r.nextInt(365);
      gone[i] = r.nextInt(5) > 0;
      b.add(0, key[i], i);
    }
    KeyIndex index = b.build(day);
    int id = index.find(0, "PARTY7");
    int[] before = run(index, id);
    index.drop(gone);

    int[] open = Arrays.stream(before).filter(i -> !gone[i]).toArray();
    assertArrayEquals(open, run(index, id), "the open items, in the same order");
    for (int k = index.from(id); k < index.to(id); k++) {
      assertEquals(day[index.positions[k]], index.days[k], "each position keeps its own day");
    }
    assertEquals(before.length, index.filed(id), "filed counts every item, dropped or not");
    // the window's start: the first open item on or after the day
    int at = index.start(id, 19_200);
    assertEquals(Arrays.stream(open).filter(i -> day[i] < 19_200).count(), at - index.from(id));
    assertEquals(index.to(id), index.start(id, 20_000), "no item that late: the run's end");
  }
}
