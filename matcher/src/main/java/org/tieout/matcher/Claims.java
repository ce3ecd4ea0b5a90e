package org.tieout.matcher;

import java.util.Arrays;

/**
 * For each item in one pass of a rule: the best score any line's fit gave it, whose fit that was,
 * and the best score from any other line. A fit is contested on an item when another line's fit for
 * it is about as good.
 */
final class Claims {
  private static final double NONE = -1;
  private final double[] best;
  private final int[] bestOwner;
  private final double[] second;

  Claims(int size) {
    best = new double[size];
    bestOwner = new int[size];
    second = new double[size];
    reset();
  }

  void reset() {
    Arrays.fill(best, NONE);
    Arrays.fill(second, NONE);
    Arrays.fill(bestOwner, -1);
  }

  void offer(int item, int owner, double score) {
    if (owner == bestOwner[item]) {
      best[item] = Math.max(best[item], score);
    } else if (score > best[item]) {
      second[item] = best[item];
      best[item] = score;
      bestOwner[item] = owner;
    } else if (score > second[item]) {
      second[item] = score;
    }
  }

  /** The best score another owner's fit gave this item, or -1. */
  double strongestOther(int item, int owner) {
    return bestOwner[item] == owner ? second[item] : best[item];
  }
}
