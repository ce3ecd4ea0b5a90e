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

  private static boolean contains(int[] values, int v) {
    for (int x : values) {
      if (x == v) {
        return true;
      }
    }
    return false;
  }
}
