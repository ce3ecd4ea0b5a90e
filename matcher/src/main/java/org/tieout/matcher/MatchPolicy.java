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

  /**
   * Told of each group the {@link Reconciler} posted from this rule's fits, once taken: what the
   * book may learn from it for the rules after. Nothing by default.
   */
  default void posted(Book book, Candidate c) {}
}
