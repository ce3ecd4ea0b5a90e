package org.tieout.matcher;

import org.tieout.matcher.text.References;

/** Evidence against a fit that several rules check. */
final class Evidence {
  private Evidence() {}

  /**
   * Whether the bank lines' text names the reference of an open ledger entry that is not in the
   * group: then the payer meant that entry, and a fit on amount alone must not be posted.
   */
  static boolean namesAnotherEntry(Book book, int position, int[] others, MatchPolicy.Side side) {
    int[] lines = side == MatchPolicy.Side.BANK ? new int[] {position} : others;
    int[] entries = side == MatchPolicy.Side.BANK ? others : new int[] {position};
    for (int b : lines) {
      for (String key : book.bankRefs[b]) {
        if (References.isWeak(key)) {
          continue;
        }
        for (int e : book.ledgerWithRef(book.bankPool[b], key)) {
          if (!contains(entries, e)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * The open entries of the name block with exactly the bank line's amount, from {@code
   * late_window_days} before the line to {@code date_window_days} after it: an entry the line may
   * pay alone, however late, which fits it better than an approximate fit or a part of a set.
   */
  static int[] sameAmountOpen(Book book, int b, String block) {
    MatchingConfig.Limits limits = book.limits(book.bankPool[b]);
    int day = book.bankDay[b];
    return book.ledgerNamedWithAmount(
        book.bankPool[b],
        block,
        book.bankMinor[b],
        day - limits.lateWindowDays(),
        day + limits.dateWindowDays());
  }

  private static boolean contains(int[] values, int v) {
    for (int x : values) {
      if (x == v) {
        return true;
      }
    }
    return false;
  }
}
