package org.tieout.matcher;

/**
 * One bank line pays several ledger entries of the same counterparty (1:N): a customer settling
 * several invoices at once, or a processor payout netting its charges and fee entries (N:M when the
 * payout is split over bank lines is left to review).
 */
final class CombinedPaymentPolicy extends SubsetPolicy {
  @Override
  public String name() {
    return "combined_payment";
  }

  @Override
  public String description() {
    return "one bank line equals the sum of several entries of the same counterparty (1:N, payouts with fees)";
  }

  @Override
  public Side side() {
    return Side.BANK;
  }

  @Override
  int poolOf(Book book, int b) {
    return book.bankPool[b];
  }

  @Override
  int[] pool(Book book, int b, MatchingConfig.Limits limits) {
    if (book.bankName[b].isEmpty()) {
      return Book.EMPTY;
    }
    int day = book.bankDay[b];
    long target = book.bankMinor[b];
    // one more than a pool may hold says it is too large: the rest need not be compared
    return book.ledgerNamedAlike(
        b,
        day - limits.subsetWindowDays(),
        day + limits.dateWindowDays(),
        e -> signFits(target, book.ledgerMinor[e]),
        limits.nameSimilarityMin(),
        limits.subsetAutoMaxCandidates() + 1);
  }

  /**
   * The open entries of the line's counterparty that a combined payment may settle: from the subset
   * window before the line to the date window after it.
   */
  static int[] window(Book book, int b, MatchingConfig.Limits limits) {
    int day = book.bankDay[b];
    return book.ledgerNamed(
        book.bankPool[b],
        book.bankBlock[b],
        day - limits.subsetWindowDays(),
        day + limits.dateWindowDays());
  }

  @Override
  int[] days(Book book) {
    return book.ledgerDay;
  }

  @Override
  int dayOf(Book book, int b) {
    return book.bankDay[b];
  }

  @Override
  long target(Book book, int b) {
    return book.bankMinor[b];
  }

  @Override
  long amountOf(Book book, int e) {
    return book.ledgerMinor[e];
  }

  @Override
  Candidate group(Book book, int b, int[] entries, boolean auto) {
    return new Candidate(
        new int[] {b},
        entries,
        0.9,
        auto,
        name(),
        () ->
            entries.length
                + " entries of "
                + book.bank[b].counterpartyName()
                + " ("
                + Explain.ids(book, entries)
                + ") add up to the bank line's "
                + book.money(book.bankPool[b], book.bankMinor[b])
                + (auto
                    ? ""
                    : "; many candidates or a search cut short: other sets may fit too, needs review"));
  }
}
