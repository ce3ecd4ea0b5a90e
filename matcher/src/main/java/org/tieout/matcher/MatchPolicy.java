package org.tieout.matcher;

/**
 * One named matching rule. It looks at one open item at a time (a bank line, or a ledger entry for
 * rules that gather several bank lines) and says what group it would make and why; it never changes
 * the book. The {@link Reconciler} decides which groups are taken.
 */
interface MatchPolicy {
  enum Side {
    BANK,
    LEDGER
  }

  String name();

  /** One line for the documentation and the report. */
  String description();

  Side side();

  Outcome evaluate(Book book, int position);
}
