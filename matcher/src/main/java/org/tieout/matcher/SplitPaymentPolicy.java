package org.tieout.matcher;

/**
 * Several bank lines of one counterparty add up to one ledger entry (N:1): instalments, split
 * transfers. A set is not posted when one of its lines has exactly the amount of another open entry
 * of the counterparty, up to the late window before it: that line may pay that entry alone, late
 * (customers paying last month's invoices add up to this month's by chance), and the late pass
 * weighs it.
 */
final class SplitPaymentPolicy extends SubsetPolicy {
  @Override
  public String name() {
    return "split_payment";
  }

  @Override
  public String description() {
    return "several bank lines of the same counterparty add up to one entry (N:1, partial payments)";
  }

  @Override
  public Side side() {
    return Side.LEDGER;
  }

  @Override
  int poolOf(Book book, int e) {
    return book.ledgerPool[e];
  }

  @Override
  int[] pool(Book book, int e, MatchingConfig.Limits limits) {
    if (book.ledgerName[e].isEmpty()) {
      return Book.EMPTY;
    }
    int day = book.ledgerDay[e];
    // one more than a pool may hold says it is too large: the rest need not be compared
    return book.bankNamedAlike(
        e,
        day - limits.dateWindowDays(),
        day + limits.subsetWindowDays(),
        limits.nameSimilarityMin(),
        limits.subsetAutoMaxCandidates() + 1);
  }

  @Override
  int[] days(Book book) {
    return book.bankDay;
  }

  @Override
  int dayOf(Book book, int e) {
    return book.ledgerDay[e];
  }

  @Override
  long target(Book book, int e) {
    return book.ledgerMinor[e];
  }

  @Override
  long amountOf(Book book, int b) {
    return book.bankMinor[b];
  }

  @Override
  Candidate group(Book book, int e, int[] lines, boolean auto) {
    Candidate c = candidate(book, e, lines, auto);
    if (!auto) {
      return c;
    }
    for (int b : lines) {
      for (int other : Evidence.sameAmountOpen(book, b, book.ledgerBlock[e])) {
        if (other != e) {
          return c.notAuto(
              "but bank line "
                  + book.bank[b].id().value()
                  + " has exactly the amount of open entry "
                  + book.ledger[other].id().value()
                  + " of the same counterparty and may pay it alone, needs review");
        }
      }
    }
    return c;
  }

  private Candidate candidate(Book book, int e, int[] lines, boolean auto) {
    return new Candidate(
        lines,
        new int[] {e},
        0.9,
        auto,
        name(),
        () ->
            lines.length
                + " bank lines from "
                + book.ledger[e].counterpartyName()
                + " add up to entry "
                + book.ledger[e].id().value()
                + " ("
                + book.money(book.ledgerPool[e], book.ledgerMinor[e])
                + ")"
                + (auto
                    ? ""
                    : "; many candidates or a search cut short: other sets may fit too, needs review"));
  }
}
