package org.tieout.matcher.text;

/** Sets (and multisets) held as sorted arrays. */
public final class SortedSets {
  private SortedSets() {}

  /**
   * How many values two sorted arrays share, in one merge of both: each value of one pairs off with
   * at most one equal value of the other (a repeated trigram counts as often as both have it).
   */
  public static int common(long[] a, long[] b) {
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        common++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return common;
  }
}
