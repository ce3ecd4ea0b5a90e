package org.tieout.matcher;

import java.util.Arrays;

/**
 * A multimap from a key within a pool to item positions, each key's positions sorted by day, then
 * position. It is a handful of flat arrays: the keys in an open-addressing table and one array of
 * all positions, each key owning a run of it. A million keys cost no node, list or array apiece,
 * which a {@code HashMap<String, int[]>} would, and which the garbage collector would then copy.
 *
 * <p>Keys are either text or numbers, one kind per index. Built by a {@link Builder}; read-only
 * afterwards, so any number of threads may look up at once, except for {@link #drop}, which the
 * caller runs with no lookup under way.
 */
final class KeyIndex {
  private final long[] table;
  private final int[] keyPool;
  private final String[] keyText;
  private final long[] keyNumber;
  private final int[] runs;

  /** Where each key's run ends now: {@link #drop} shortens runs in place. */
  private final int[] ends;

  /** All positions, grouped by key: key {@code id}'s are {@code [from(id), to(id))}. */
  final int[] positions;

  /**
   * The day of each position, beside it: a window of a busy key's run is found and walked in order,
   * without reading the items' days at scattered places.
   */
  final int[] days;

  private KeyIndex(Builder b, int[] runs, int[] positions, int[] days) {
    this.table = b.table;
    this.keyPool = Arrays.copyOf(b.keyPool, b.keys);
    this.keyText = b.keyText == null ? null : Arrays.copyOf(b.keyText, b.keys);
    this.keyNumber = b.keyNumber == null ? null : Arrays.copyOf(b.keyNumber, b.keys);
    this.runs = runs;
    this.ends = Arrays.copyOfRange(runs, 1, runs.length);
    this.positions = positions;
    this.days = days;
  }

  /** The key's id, or -1 when no item has it. */
  int find(int pool, String key) {
    return (int) table[slot(table, hash(pool, key), pool, key, keyPool, keyText)] - 1;
  }

  /** The key's id, or -1 when no item has it. */
  int find(int pool, long key) {
    return (int) table[slot(table, hash(pool, key), pool, key, keyPool, keyNumber)] - 1;
  }

  int from(int id) {
    return runs[id];
  }

  int to(int id) {
    return ends[id];
  }

  /** The first place in the key's run dated on or after the day ({@link #to} when none). */
  int start(int id, int day) {
    int lo = runs[id];
    int hi = ends[id];
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (days[mid] < day) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** How many items were filed under the key, dropped or not. */
  int filed(int id) {
    return runs[id + 1] - runs[id];
  }

  /**
   * Removes the items marked in {@code gone} from every key's run, keeping the order of the rest:
   * lookups that want open items only then walk those. Not thread-safe, not even with readers.
   */
  void drop(boolean[] gone) {
    for (int k = 0; k < ends.length; k++) {
      int out = runs[k];
      for (int p = runs[k]; p < ends[k]; p++) {
        int i = positions[p];
        if (!gone[i]) {
          positions[out] = i;
          days[out] = days[p];
          out++;
        }
      }
      ends[k] = out;
    }
  }

  int keys() {
    return runs.length - 1;
  }

  private static int hash(int pool, String key) {
    return mix(pool, key.hashCode());
  }

  private static int hash(int pool, long key) {
    return mix(pool, Long.hashCode(key * 0x9E3779B97F4A7C15L));
  }

  private static int mix(int pool, int keyHash) {
    int h = (keyHash + pool * 0x61C88647) * 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  /**
   * The table slot that holds the key (its cell: hash in the high half, id + 1 in the low), or the
   * empty slot (cell 0) where it would go. The table always has empty slots.
   */
  private static int slot(
      long[] table, int h, int pool, String key, int[] keyPool, String[] keyText) {
    int mask = table.length - 1;
    for (int s = h & mask; ; s = (s + 1) & mask) {
      long cell = table[s];
      if (cell == 0) {
        return s;
      }
      int id = (int) cell - 1;
      if ((int) (cell >>> 32) == h && keyPool[id] == pool && key.equals(keyText[id])) {
        return s;
      }
    }
  }

  private static int slot(
      long[] table, int h, int pool, long key, int[] keyPool, long[] keyNumber) {
    int mask = table.length - 1;
    for (int s = h & mask; ; s = (s + 1) & mask) {
      long cell = table[s];
      if (cell == 0) {
        return s;
      }
      int id = (int) cell - 1;
      if ((int) (cell >>> 32) == h && keyPool[id] == pool && keyNumber[id] == key) {
        return s;
      }
    }
  }

  /**
   * Collects (key, position) pairs, positions in ascending order, then groups them. Not
   * thread-safe.
   */
  static final class Builder {
    private long[] table = new long[1 << 10];
    private int keys;
    private int[] keyPool = new int[1 << 9];
    private String[] keyText;
    private long[] keyNumber;
    private int[] pairKey = new int[1 << 10];
    private int[] pairPosition = new int[1 << 10];
    private int pairs;

    /** A builder of text keys. */
    static Builder ofText() {
      Builder b = new Builder();
      b.keyText = new String[b.keyPool.length];
      return b;
    }

    /** A builder of number keys. */
    static Builder ofNumbers() {
      Builder b = new Builder();
      b.keyNumber = new long[b.keyPool.length];
      return b;
    }

    /** Files the item at {@code position} under the key; positions must not decrease. */
    void add(int pool, String key, int position) {
      int h = hash(pool, key);
      int s = slot(table, h, pool, key, keyPool, keyText);
      int id = (int) table[s] - 1;
      if (id < 0) {
        id = newKey(s, h, pool);
        keyText[id] = key;
      }
      pair(id, position);
    }

    /** Files the item at {@code position} under the key; positions must not decrease. */
    void add(int pool, long key, int position) {
      int h = hash(pool, key);
      int s = slot(table, h, pool, key, keyPool, keyNumber);
      int id = (int) table[s] - 1;
      if (id < 0) {
        id = newKey(s, h, pool);
        keyNumber[id] = key;
      }
      pair(id, position);
    }

    private int newKey(int slot, int h, int pool) {
      int id = keys++;
      if (id == keyPool.length) {
        keyPool = Arrays.copyOf(keyPool, id * 2);
        if (keyText != null) {
          keyText = Arrays.copyOf(keyText, id * 2);
        } else {
          keyNumber = Arrays.copyOf(keyNumber, id * 2);
        }
      }
      keyPool[id] = pool;
      table[slot] = ((long) h << 32) | (id + 1L);
      if (keys * 3L > table.length * 2L) {
        grow();
      }
      return id;
    }

    /** Twice the slots, at most two in three used: probes stay short. */
    private void grow() {
      long[] old = table;
      table = new long[old.length * 2];
      int mask = table.length - 1;
      for (long cell : old) {
        if (cell != 0) {
          int s = (int) (cell >>> 32) & mask;
          while (table[s] != 0) {
            s = (s + 1) & mask;
          }
          table[s] = cell;
        }
      }
    }

    private void pair(int id, int position) {
      if (pairs == pairKey.length) {
        pairKey = Arrays.copyOf(pairKey, pairs * 2);
        pairPosition = Arrays.copyOf(pairPosition, pairs * 2);
      }
      pairKey[pairs] = id;
      pairPosition[pairs] = position;
      pairs++;
    }

    /** The index, each key's positions sorted by {@code day[position]}, then position. */
    KeyIndex build(int[] day) {
      // a counting sort by key keeps the positions of a key in the order they came: ascending
      int[] runs = new int[keys + 1];
      for (int p = 0; p < pairs; p++) {
        runs[pairKey[p] + 1]++;
      }
      for (int k = 0; k < keys; k++) {
        runs[k + 1] += runs[k];
      }
      int[] next = Arrays.copyOf(runs, keys);
      int[] positions = new int[pairs];
      for (int p = 0; p < pairs; p++) {
        positions[next[pairKey[p]]++] = pairPosition[p];
      }
      pairKey = null;
      pairPosition = null;
      for (int k = 0; k < keys; k++) {
        sortByDay(positions, runs[k], runs[k + 1], day);
      }
      int[] days = new int[pairs];
      for (int p = 0; p < pairs; p++) {
        days[p] = day[positions[p]];
      }
      return new KeyIndex(this, runs, positions, days);
    }

    /** A stable sort of an ascending run by day: ties keep ascending positions. */
    private static void sortByDay(int[] a, int from, int to, int[] day) {
      if (to - from <= 32) {
        for (int i = from + 1; i < to; i++) {
          int v = a[i];
          int j = i - 1;
          while (j >= from && day[a[j]] > day[v]) {
            a[j + 1] = a[j];
            j--;
          }
          a[j + 1] = v;
        }
        return;
      }
      long[] packed = new long[to - from];
      for (int i = from; i < to; i++) {
        packed[i - from] = ((long) day[a[i]] << 32) | a[i];
      }
      Arrays.sort(packed);
      for (int i = from; i < to; i++) {
        a[i] = (int) packed[i - from];
      }
    }
  }
}
