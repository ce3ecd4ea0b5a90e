package org.tieout.matcher;

import java.util.Arrays;

/** The few smallest of many keys, without sorting them all. */
final class Smallest {
  private Smallest() {}

  /**
   * The {@code k} smallest of {@code keys[0..n)}, in rising order (all {@code n} when fewer): a
   * bounded max-heap, {@code n log k} instead of a sort's {@code n log n} when a busy day has
   * hundreds of entries and a line wants thirty.
   */
  static long[] of(long[] keys, int n, int k) {
    if (k >= n) {
      long[] all = Arrays.copyOf(keys, n);
      Arrays.sort(all);
      return all;
    }
    if (k <= 0) {
      return new long[0];
    }
    long[] heap = Arrays.copyOf(keys, k);
    for (int i = k / 2 - 1; i >= 0; i--) {
      down(heap, i);
    }
    for (int i = k; i < n; i++) {
      if (keys[i] < heap[0]) {
        heap[0] = keys[i];
        down(heap, 0);
      }
    }
    Arrays.sort(heap);
    return heap;
  }

  /** Sifts the key at {@code i} down a max-heap. */
  private static void down(long[] heap, int i) {
    int n = heap.length;
    long v = heap[i];
    while (true) {
      int child = 2 * i + 1;
      if (child >= n) {
        break;
      }
      if (child + 1 < n && heap[child + 1] > heap[child]) {
        child++;
      }
      if (heap[child] <= v) {
        break;
      }
      heap[i] = heap[child];
      i = child;
    }
    heap[i] = v;
  }
}
