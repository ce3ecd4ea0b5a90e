package org.tieout.matcher;

import java.util.Arrays;

/** A growable list of ints, for indexes over millions of items without boxing. */
final class IntList {
  private int[] values = new int[2];
  private int size;

  void add(int v) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = v;
  }

  int size() {
    return size;
  }

  int[] toArray() {
    return Arrays.copyOf(values, size);
  }

  /** The values sorted by their day, as a compact array. */
  int[] sortedBy(int[] day) {
    int[] out = Arrays.copyOf(values, size);
    if (size > 1) {
      // insertion sort for the short lists most keys have; a boxed sort only for long ones
      if (size <= 32) {
        for (int i = 1; i < size; i++) {
          int v = out[i];
          int j = i - 1;
          while (j >= 0 && day[out[j]] > day[v]) {
            out[j + 1] = out[j];
            j--;
          }
          out[j + 1] = v;
        }
      } else {
        out =
            Arrays.stream(out)
                .boxed()
                .sorted((a, b) -> Integer.compare(day[a], day[b]))
                .mapToInt(Integer::intValue)
                .toArray();
      }
    }
    return out;
  }
}
