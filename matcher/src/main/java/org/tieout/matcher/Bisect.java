package org.tieout.matcher;

import java.util.function.IntPredicate;

/** Binary search over positions for where a sorted run stops being "before" a value. */
final class Bisect {
  private Bisect() {}

  /**
   * The first position in {@code [from, to)} for which {@code before} is false ({@code to} when
   * there is none); {@code before} must hold for a prefix of the range and not after it.
   */
  static int first(int from, int to, IntPredicate before) {
    int lo = from;
    int hi = to;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (before.test(mid)) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
