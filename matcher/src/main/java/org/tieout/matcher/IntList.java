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
}
