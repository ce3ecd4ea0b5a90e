package org.tieout.matcher;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Several bank lines name the same ledger reference and together pay it (N:1): instalments or a
 * payment split by the payer's bank.
 */
final class PartialPaymentPolicy implements MatchPolicy {
  private static final int MAX_LINES = 16;

  @Override
  public String name() {
    return "reference_partial_payments";
  }

  @Override
  public String description() {
    return "several bank lines name one ledger reference and add up to it (N:1)";
  }

  @Override
  public Side side() {
    return Side.LEDGER;
  }

  @Override
  public Outcome evaluate(Book book, int e) {
    String[] keys = book.ledgerRefs[e];
    if (keys == null) {
      return Outcome.NONE;
    }
    int pool = book.ledgerPool[e];
    MatchingConfig.Limits limits = book.limits(pool);
    long amount = book.ledgerMinor[e];
    // a line may name the reference in its compact and its segmented form: found once
    Set<Integer> found = new LinkedHashSet<>();
    for (String key : keys) {
      for (int b : book.bankWithRef(pool, key)) {
        if (Math.abs(book.bankDay[b] - book.ledgerDay[e]) <= limits.referenceWindowDays()
            && Long.signum(book.bankMinor[b]) == Long.signum(amount)) {
          found.add(b);
        }
      }
    }
    List<Integer> lines = new ArrayList<>(found);
    if (lines.size() < 2 || lines.size() > MAX_LINES) {
      return Outcome.NONE;
    }
    long[] amounts = lines.stream().mapToLong(b -> book.bankMinor[b]).toArray();
    SubsetSum.Result r =
        SubsetSum.find(amount, amounts, 2, lines.size(), limits.subsetMaxIterations(), 2);
    List<Candidate> options = new ArrayList<>();
    for (int[] s : r.solutions()) {
      int[] chosen = new int[s.length];
      for (int k = 0; k < s.length; k++) {
        chosen[k] = lines.get(s[k]);
      }
      options.add(
          new Candidate(
              chosen,
              new int[] {e},
              0.97,
              !r.exhausted(),
              name(),
              () ->
                  chosen.length
                      + " bank lines name reference "
                      + book.ledger[e].documentRef()
                      + " and together pay its "
                      + book.money(pool, amount)));
    }
    return Outcome.of(options);
  }
}
