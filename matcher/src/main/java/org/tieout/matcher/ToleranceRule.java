package org.tieout.matcher;

import java.util.ArrayList;
import java.util.List;

/**
 * A bank line and an entry of the same counterparty a few cents or a bank charge apart: a fee
 * deducted by an intermediary bank, or rounding. The difference must be within the account's
 * tolerance (an amount cap and a share of the amount) and the counterparty clearly alike. A charge
 * makes money in arrive short and money out leave long, so the bank side must be the smaller one;
 * only a rounding difference of a few minor units may go either way. Counterparties with many open
 * items (processors) are left to review: some entry is always close to the amount. So is a line
 * whose counterparty has an open entry of exactly its amount, however late: that one fits better.
 */
final class ToleranceRule implements MatchPolicy {
  static final double NAME_MIN = 0.8;
  static final long ROUNDING_MINOR = 2;
  static final int CROWDED = 4;

  @Override
  public String name() {
    return "amount_within_tolerance";
  }

  @Override
  public String description() {
    return "same counterparty, amount off by no more than the bank-charge tolerance, within the date window";
  }

  @Override
  public Side side() {
    return Side.BANK;
  }

  @Override
  public Outcome evaluate(Book book, int b) {
    if (book.bankName[b].isEmpty()) {
      return Outcome.NONE;
    }
    int pool = book.bankPool[b];
    MatchingConfig.Limits limits = book.limits(pool);
    int day = book.bankDay[b];
    long amount = book.bankMinor[b];
    List<Candidate> fits = new ArrayList<>();
    int[] named =
        book.ledgerNamed(
            pool, book.bankBlock[b], day - limits.dateWindowDays(), day + limits.dateWindowDays());
    boolean crowded = named.length >= CROWDED;
    for (int e : named) {
      long entry = book.ledgerMinor[e];
      long diff = amount - entry;
      boolean charge = diff < 0 && -diff <= limits.toleranceMinor(entry, book.poolCurrency[pool]);
      if (diff == 0
          || Long.signum(entry) != Long.signum(amount)
          || !(charge || Math.abs(diff) <= ROUNDING_MINOR)) {
        continue;
      }
      double name = book.nameSimilarity(b, e);
      if (name < NAME_MIN) {
        continue;
      }
      fits.add(
          new Candidate(
              new int[] {b},
              new int[] {e},
              0.85,
              !crowded && !Evidence.namesAnotherEntry(book, b, new int[] {e}, Side.BANK),
              name(),
              () ->
                  "amounts differ by "
                      + book.money(pool, diff)
                      + " (bank charge or rounding, within tolerance); "
                      + Explain.counterparty(book, b, e, name)
                      + "; "
                      + Explain.days(day - book.ledgerDay[e])));
    }
    if (fits.isEmpty()) {
      return Outcome.NONE;
    }
    // an open entry of the counterparty with exactly the line's amount, up to the late window
    // back, is a better fit than an approximate one: the late pass weighs it, this rule does not
    // post
    int[] exact = Evidence.sameAmountOpen(book, b, book.bankBlock[b]);
    if (exact.length > 0) {
      String why =
          "but "
              + book.ledger[exact[0]].id().value()
              + " of the same counterparty has exactly the line's amount and is open, needs review";
      fits.replaceAll(c -> c.notAuto(why));
    } else if (addsUpExactly(book, b, limits)) {
      fits.replaceAll(
          c ->
              c.notAuto(
                  "but several open entries of the same counterparty add up to exactly the line's"
                      + " amount (a combined payment?), needs review"));
    }
    return Outcome.of(fits);
  }

  /**
   * Whether two or more open entries of the line's counterparty, on its side and within the subset
   * window before it, add up to exactly its amount: a combined payment the combined rule could not
   * post (too many candidates) fits better than one entry a charge away.
   */
  private static boolean addsUpExactly(Book book, int b, MatchingConfig.Limits limits) {
    int day = book.bankDay[b];
    long amount = book.bankMinor[b];
    int[] named = CombinedPaymentPolicy.window(book, b, limits);
    int[] alike =
        book.alikeLedger(
            b,
            named,
            e ->
                Long.signum(book.ledgerMinor[e]) == Long.signum(amount)
                    && Math.abs(book.ledgerMinor[e]) < Math.abs(amount),
            NAME_MIN,
            named.length);
    if (alike.length < 2) {
      return false;
    }
    int[] near = SubsetPolicy.nearest(alike, book.ledgerDay, day, limits.subsetMaxCandidates());
    long[] amounts = new long[near.length];
    for (int k = 0; k < near.length; k++) {
      amounts[k] = book.ledgerMinor[near[k]];
    }
    return !SubsetSum.find(
            amount, amounts, 2, limits.subsetMaxItems(), limits.subsetMaxIterations(), 1)
        .solutions()
        .isEmpty();
  }
}
