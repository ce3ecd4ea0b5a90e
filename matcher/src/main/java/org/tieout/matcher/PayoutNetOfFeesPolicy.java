package org.tieout.matcher;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A processor payout: one bank line that is the sum of several entries of the processor less a fee
 * the ledger does not hold yet. The fee must be within the tolerance. Always proposed: a sum within
 * a range is found by chance too often to post on its own.
 */
final class PayoutNetOfFeesPolicy implements MatchPolicy {
  @Override
  public String name() {
    return "payout_net_of_fees";
  }

  @Override
  public String description() {
    return "one bank line is several entries of the same counterparty less a fee within tolerance (N:1 payouts)";
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
    // one more than a pool may hold says it is too large: the rest need not be compared
    int[] fitting =
        book.ledgerNamedAlike(
            b,
            day - limits.subsetWindowDays(),
            day,
            e -> Long.signum(book.ledgerMinor[e]) == Long.signum(amount),
            limits.nameSimilarityMin(),
            limits.subsetAutoMaxCandidates() + 1);
    // a range of sums is met by chance even more often than one sum: small pools only
    if (fitting.length < 2 || fitting.length > limits.subsetAutoMaxCandidates()) {
      return Outcome.NONE;
    }
    long tolerance = limits.toleranceMinor(amount, book.poolCurrency[pool]);
    // money in arrives short of the entries by the fee; money out leaves with the fee added
    long low = amount > 0 ? amount + 1 : amount - tolerance;
    long high = amount > 0 ? amount + tolerance : amount - 1;
    long[] amounts = Arrays.stream(fitting).mapToLong(e -> book.ledgerMinor[e]).toArray();
    SubsetSum.Result r =
        SubsetSum.find(
            low, high, amounts, 2, limits.subsetMaxItems(), limits.subsetMaxIterations(), 2);
    List<Candidate> options = new ArrayList<>();
    for (int[] s : r.solutions()) {
      int[] chosen = new int[s.length];
      for (int k = 0; k < s.length; k++) {
        chosen[k] = fitting[s[k]];
      }
      long fee = book.sumLedger(chosen) - amount;
      options.add(
          new Candidate(
              new int[] {b},
              chosen,
              0.8,
              false,
              name(),
              () ->
                  chosen.length
                      + " entries of "
                      + book.bank[b].counterpartyName()
                      + " ("
                      + Explain.ids(book, chosen)
                      + ") less a fee of "
                      + book.money(pool, Math.abs(fee))
                      + " give the bank line's "
                      + book.money(pool, amount)));
    }
    return Outcome.of(options);
  }
}
