package org.tieout.matcher;

import java.util.ArrayList;
import java.util.List;

/**
 * Gathering several items of one counterparty that add up to one item of the other side: one bank
 * line paying several entries (1:N, combined payments, processor payouts with their fee entries) or
 * several bank lines paying one entry (N:1, split payments). The search is bounded by the account's
 * limits: items, candidates, date span and steps.
 */
abstract class SubsetPolicy implements MatchPolicy {

  /**
   * Candidate items on the other side, already filtered by name, before any cut to the nearest; it
   * may stop at one more than {@code subset_auto_max_candidates}, as a pool that large is not
   * searched.
   */
  abstract int[] pool(Book book, int position, MatchingConfig.Limits limits);

  abstract int[] days(Book book);

  abstract int dayOf(Book book, int position);

  abstract long target(Book book, int position);

  abstract long amountOf(Book book, int other);

  abstract Candidate group(Book book, int position, int[] others, boolean auto);

  /** Whether an item of the other side may join: same sign, or a small opposite-sign fee. */
  static boolean signFits(long target, long amount) {
    if (Long.signum(target) == Long.signum(amount)) {
      return true;
    }
    return Math.abs(amount) * 10 <= Math.abs(target);
  }

  @Override
  public Outcome evaluate(Book book, int position) {
    MatchingConfig.Limits limits = book.limits(poolOf(book, position));
    int[] fitting = pool(book, position, limits);
    if (fitting.length < 2) {
      return Outcome.NONE;
    }
    // Among many candidates some set adds up by chance: on the 1M-line benchmark, sets found in
    // pools larger than this were right for fewer than one pair in ten, noise for a reviewer.
    if (fitting.length > limits.subsetAutoMaxCandidates()) {
      return Outcome.NONE;
    }
    int[] others =
        nearest(fitting, days(book), dayOf(book, position), limits.subsetMaxCandidates());
    long target = target(book, position);
    long[] amounts = new long[others.length];
    for (int k = 0; k < others.length; k++) {
      amounts[k] = amountOf(book, others[k]);
    }
    SubsetSum.Result r =
        SubsetSum.find(
            target, amounts, 2, limits.subsetMaxItems(), limits.subsetMaxIterations(), 2);
    List<Candidate> options = new ArrayList<>();
    for (int[] s : r.solutions()) {
      int[] chosen = new int[s.length];
      for (int k = 0; k < s.length; k++) {
        chosen[k] = others[s[k]];
      }
      // a search that ran out of steps cannot know the solution it found is the only one
      boolean auto = !r.exhausted() && !Evidence.namesAnotherEntry(book, position, chosen, side());
      options.add(group(book, position, chosen, auto));
    }
    return Outcome.of(options);
  }

  abstract int poolOf(Book book, int position);

  /** The nearest {@code max} positions by date to {@code day}. */
  static int[] nearest(int[] positions, int[] days, int day, int max) {
    if (positions.length <= max) {
      return positions;
    }
    Integer[] boxed = new Integer[positions.length];
    for (int k = 0; k < positions.length; k++) {
      boxed[k] = positions[k];
    }
    java.util.Arrays.sort(
        boxed, (a, c) -> Integer.compare(Math.abs(days[a] - day), Math.abs(days[c] - day)));
    int[] out = new int[max];
    for (int k = 0; k < max; k++) {
      out[k] = boxed[k];
    }
    return out;
  }
}
