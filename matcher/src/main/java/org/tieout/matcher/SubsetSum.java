package org.tieout.matcher;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Bounded search for sets of amounts that add up to a target: at most {@code maxItems} items,
 * {@code maxIterations} steps, and it stops after {@code maxSolutions} solutions (two are enough to
 * know the answer is ambiguous). It never hangs: the step budget is a hard stop, reported as {@link
 * Result#exhausted()} so that the caller treats "gave up" differently from "none".
 */
final class SubsetSum {
  private SubsetSum() {}

  record Result(List<int[]> solutions, boolean exhausted) {}

  static Result find(
      long target,
      long[] amounts,
      int minItems,
      int maxItems,
      long maxIterations,
      int maxSolutions) {
    return find(target, target, amounts, minItems, maxItems, maxIterations, maxSolutions);
  }

  /** Sets whose sum lies within {@code [low, high]}. */
  static Result find(
      long low,
      long high,
      long[] amounts,
      int minItems,
      int maxItems,
      long maxIterations,
      int maxSolutions) {
    Search s = new Search(low, high, amounts, minItems, maxItems, maxIterations, maxSolutions);
    s.run(0, 0, 0);
    return new Result(s.solutions, s.steps >= maxIterations);
  }

  /** A depth-first search this long finds what most lines have; longer ones meet in the middle. */
  private static final long QUICK_STEPS = 4_000;

  /** Meeting in the middle enumerates 2^(n/2) sets a side: up to this many items. */
  static final int MEET_MAX_ITEMS = 24;

  /** More sets than this in range and the answer is noise anyway: stop collecting. */
  private static final int MEET_MAX_FOUND = 1_024;

  /**
   * The same sets, in the same order, as an unbounded {@link #find} would give (the first {@code
   * maxSolutions} by the depth-first order: items in the order given, a set before its extensions),
   * without its step budget for up to 24 items: a short depth-first search settles most inputs, and
   * the rest meet in the middle (every set of each half, one half sorted by sum) at a cost of a few
   * thousand steps however the amounts fall. More items fall back to {@link #find} with {@code
   * maxIterations}. Exhausted only when more than a thousand sets fit.
   */
  static Result complete(
      long low,
      long high,
      long[] amounts,
      int minItems,
      int maxItems,
      long maxIterations,
      int maxSolutions) {
    return new Items(amounts).complete(low, high, minItems, maxItems, maxIterations, maxSolutions);
  }

  /**
   * Several {@link SubsetSum#complete} searches over the same items (the exact sum, then the sum
   * less a fee): the halves a meeting in the middle needs are made once, when first needed.
   */
  static final class Items {
    private final long[] amounts;
    private final java.util.function.Supplier<Meeting> meetings;
    private Meeting meeting;

    Items(long[] amounts) {
      this(amounts, () -> new Meeting(amounts));
    }

    /** With the meeting of these amounts from elsewhere (a cache), asked for when first needed. */
    Items(long[] amounts, java.util.function.Supplier<Meeting> meeting) {
      this.amounts = amounts;
      this.meetings = meeting;
    }

    Result complete(
        long low, long high, int minItems, int maxItems, long maxIterations, int maxSolutions) {
      int n = amounts.length;
      long quick = n <= MEET_MAX_ITEMS ? Math.min(QUICK_STEPS, maxIterations) : maxIterations;
      Result r = find(low, high, amounts, minItems, maxItems, quick, maxSolutions);
      if (!r.exhausted() || quick == maxIterations) {
        return r;
      }
      if (meeting == null) {
        meeting = meetings.get();
      }
      return meeting.find(low, high, minItems, maxItems, maxSolutions);
    }
  }

  /**
   * Every set of each half of up to 24 items, sorted by sum, made once for several searches over
   * the same items (a payout of two sales, of three, ...): each {@link #find} gives what {@link
   * #complete} would.
   */
  static final class Meeting {
    private final int half;
    private final Sets first;
    private final Sets second;
    private final long atMost;

    Meeting(long[] amounts) {
      this(amounts, Long.MAX_VALUE);
    }

    /**
     * A meeting for searches whose sums are at most {@code atMost}: when no amount is negative, a
     * half's set above it can be in no such sum and is not kept (a payout's sales: about a third of
     * the sets are kept). With a negative amount every set is kept.
     */
    Meeting(long[] amounts, long atMost) {
      if (amounts.length > MEET_MAX_ITEMS) {
        throw new IllegalArgumentException(amounts.length + " items: at most " + MEET_MAX_ITEMS);
      }
      boolean negative = false;
      for (long a : amounts) {
        negative |= a < 0;
      }
      this.atMost = negative ? Long.MAX_VALUE : atMost;
      half = amounts.length / 2;
      first = Sets.of(amounts, 0, half, this.atMost);
      second = Sets.of(amounts, half, amounts.length, this.atMost);
    }

    /** Whether this meeting serves searches for sums up to {@code high}. */
    boolean serves(long high) {
      return high <= atMost;
    }

    /**
     * For each count of items k, the sets of k items whose sum lies in {@code ranges[k]} (null:
     * none wanted), as {@link #find} would give them for that count alone, at most {@code
     * maxSolutions} each: one pass over the halves for every count. Null when more than a thousand
     * sets fit in all.
     */
    List<List<int[]>> findEach(long[][] ranges, int maxSolutions) {
      Found f = collect(ranges);
      if (f.tooMany()) {
        return null;
      }
      List<List<int[]>> out = new ArrayList<>();
      for (int k = 0; k < ranges.length; k++) {
        out.add(new ArrayList<>());
      }
      for (long set : f.sets()) {
        List<int[]> same = out.get(Long.bitCount(set));
        if (same.size() < maxSolutions) {
          same.add(items(set));
        }
      }
      return out;
    }

    Result find(long low, long high, int minItems, int maxItems, int maxSolutions) {
      long[][] ranges = new long[Math.min(maxItems, MEET_MAX_ITEMS) + 1][];
      for (int k = Math.max(0, minItems); k < ranges.length; k++) {
        ranges[k] = new long[] {low, high};
      }
      Found f = collect(ranges);
      List<int[]> solutions = new ArrayList<>();
      for (long set : f.sets().subList(0, Math.min(maxSolutions, f.sets().size()))) {
        solutions.add(items(set));
      }
      return new Result(solutions, f.tooMany());
    }

    /** Sets as bit masks, in the depth-first order; {@code tooMany}: the first thousand only. */
    private record Found(List<Long> sets, boolean tooMany) {}

    /** The sets of k items whose sum lies in {@code ranges[k]}, for every k with a range. */
    private Found collect(long[][] ranges) {
      long low = Long.MAX_VALUE;
      long high = Long.MIN_VALUE;
      for (long[] r : ranges) {
        if (r != null) {
          low = Math.min(low, r[0]);
          high = Math.max(high, r[1]);
        }
      }
      if (!serves(high)) {
        throw new IllegalArgumentException("sums up to " + high + ": this meeting keeps " + atMost);
      }
      // the first half's sets by rising sum meet the second's in a window that only moves down
      List<Long> found = new ArrayList<>();
      boolean tooMany = false;
      int from = second.size();
      // a first-half set below the range even with the second half's largest sum meets nothing,
      // nor, from the first above it with the smallest, does any after it
      long lowest = second.sums[0];
      long largest = second.sums[second.size() - 1];
      long below = low - largest;
      int start = Bisect.first(0, first.size(), i -> first.sums[i] < below);
      for (int i = start; i < first.size() && low <= high && !tooMany; i++) {
        long sum = first.sums[i];
        if (sum > high - lowest) {
          break;
        }
        while (from > 0 && second.sums[from - 1] >= low - sum) {
          from--;
        }
        int count = Integer.bitCount(first.masks[i]);
        if (count >= ranges.length) {
          continue;
        }
        for (int at = from; at < second.size() && second.sums[at] <= high - sum; at++) {
          int total = count + Integer.bitCount(second.masks[at]);
          long[] r = total < ranges.length ? ranges[total] : null;
          long both = sum + second.sums[at];
          if (r == null || both < r[0] || both > r[1]) {
            continue;
          }
          if (found.size() == MEET_MAX_FOUND) {
            tooMany = true;
            break;
          }
          found.add((first.masks[i] & 0xffffffffL) | ((long) second.masks[at] << half));
        }
      }
      found.sort(SubsetSum::depthFirstOrder);
      return new Found(found, tooMany);
    }

    private static int[] items(long set) {
      int[] items = new int[Long.bitCount(set)];
      int k = 0;
      for (long rest = set; rest != 0; rest &= rest - 1) {
        items[k++] = Long.numberOfTrailingZeros(rest);
      }
      return items;
    }
  }

  /**
   * Sets of exactly {@code count} positive amounts whose sum lies within {@code [low, high]}, in no
   * particular order, at most {@code maxSolutions}: a depth-first search over the amounts sorted by
   * size, pruned by the least and the most the remaining picks can add, so that tens of items are
   * searched when the count is known (a payout whose fee says how many sales it nets). Exhausted
   * when it stopped after {@code maxIterations} steps.
   */
  static Result ofCount(
      long low, long high, long[] amounts, int count, long maxIterations, int maxSolutions) {
    Integer[] order = new Integer[amounts.length];
    for (int i = 0; i < order.length; i++) {
      if (amounts[i] <= 0) {
        throw new IllegalArgumentException("amounts must be positive");
      }
      order[i] = i;
    }
    java.util.Arrays.sort(order, java.util.Comparator.comparingLong((Integer i) -> amounts[i]));
    long[] sorted = new long[order.length];
    for (int i = 0; i < order.length; i++) {
      sorted[i] = amounts[order[i]];
    }
    CountSearch s = new CountSearch(low, high, sorted, count, maxIterations, maxSolutions);
    if (count > 0 && count <= sorted.length) {
      s.run(0, count, 0);
    }
    List<int[]> solutions = new ArrayList<>();
    for (int[] set : s.solutions) {
      int[] items = new int[set.length];
      for (int k = 0; k < set.length; k++) {
        items[k] = order[set[k]];
      }
      java.util.Arrays.sort(items);
      solutions.add(items);
    }
    return new Result(solutions, s.steps >= maxIterations);
  }

  private static final class CountSearch {
    final long low;
    final long high;
    final long[] sorted;
    final long[] prefix;
    final long maxIterations;
    final int maxSolutions;
    final int[] chosen;
    final List<int[]> solutions = new ArrayList<>();
    long steps;

    CountSearch(
        long low, long high, long[] sorted, int count, long maxIterations, int maxSolutions) {
      this.low = low;
      this.high = high;
      this.sorted = sorted;
      this.maxIterations = maxIterations;
      this.maxSolutions = maxSolutions;
      this.chosen = new int[count];
      prefix = new long[sorted.length + 1];
      for (int i = 0; i < sorted.length; i++) {
        prefix[i + 1] = prefix[i] + sorted[i];
      }
    }

    /** Picks {@code left} more items from position {@code from} on, {@code sum} so far. */
    void run(int from, int left, long sum) {
      int n = sorted.length;
      int last = n - left;
      int depth = chosen.length - left;
      // the first item that, with the largest picks after it, can still reach the range
      long largestRest = prefix[n] - prefix[last + 1];
      int start = firstAtLeast(from, last + 1, low - sum - largestRest);
      for (int i = start; i <= last; i++) {
        if (solutions.size() >= maxSolutions || ++steps >= maxIterations) {
          return;
        }
        // the smallest picks from here on already overshoot: so will every later start
        if (sum + prefix[i + left] - prefix[i] > high) {
          return;
        }
        chosen[depth] = i;
        if (left == 1) {
          solutions.add(chosen.clone());
        } else {
          run(i + 1, left - 1, sum + sorted[i]);
        }
      }
    }

    /**
     * The first position in {@code [from, to)} whose amount is at least {@code value} ({@code to}
     * when none): the only starts the loop above can take, so the same as searching the whole array
     * and starting no earlier than {@code from}. Written out rather than through {@link Bisect}:
     * this runs once per node of a search of up to 200,000 steps.
     */
    private int firstAtLeast(int from, int to, long value) {
      int lo = from;
      int hi = to;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (sorted[mid] < value) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }
  }

  /** Every set of a run of items, sorted by sum; masks count from the run's first item. */
  private record Sets(long[] sums, int[] masks) {
    int size() {
      return sums.length;
    }

    /** Each thread's two pairs of buffers for the merges; only the result is copied out. */
    private static final class Scratch {
      long[][] sums = {new long[0], new long[0]};
      int[][] masks = {new int[0], new int[0]};
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /**
     * Every set of {@code amounts[from, to)} whose sum is at most {@code atMost}, which must be
     * {@link Long#MAX_VALUE} unless no amount is negative (a set's sum then only grows). The merges
     * run in the thread's buffers and the result is copied out at the size kept: with a bound, a
     * payout's sales keep about a third of their sets, and a meeting is kept for later searches.
     */
    static Sets of(long[] amounts, int from, int to, long atMost) {
      int all = 1 << (to - from);
      Scratch scratch = SCRATCH.get();
      if (scratch.sums[0].length < all) {
        for (int i = 0; i < 2; i++) {
          scratch.sums[i] = new long[all];
          scratch.masks[i] = new int[all];
        }
      }
      long[] sums = scratch.sums[0];
      int[] masks = scratch.masks[0];
      long[] nextSums = scratch.sums[1];
      int[] nextMasks = scratch.masks[1];
      sums[0] = 0; // the empty set
      masks[0] = 0;
      int size = 1;
      // merging the sets without item k with the same sets plus item k keeps them sorted
      for (int k = from; k < to; k++) {
        long a = amounts[k];
        int bit = 1 << (k - from);
        // the sets with item k that stay within the bound: a prefix, as the sums rise
        int with = size;
        if (atMost != Long.MAX_VALUE) {
          while (with > 0 && sums[with - 1] + a > atMost) {
            with--;
          }
        }
        int i = 0;
        int j = 0;
        int out = 0;
        while (i < size || j < with) {
          if (j >= with || (i < size && sums[i] <= sums[j] + a)) {
            nextSums[out] = sums[i];
            nextMasks[out++] = masks[i++];
          } else {
            nextSums[out] = sums[j] + a;
            nextMasks[out++] = masks[j++] | bit;
          }
        }
        long[] ts = sums;
        sums = nextSums;
        nextSums = ts;
        int[] tm = masks;
        masks = nextMasks;
        nextMasks = tm;
        size = out;
      }
      return new Sets(Arrays.copyOf(sums, size), Arrays.copyOf(masks, size));
    }
  }

  /**
   * The order a depth-first search meets two sets of item positions in: at the lowest item only one
   * of them has, the set without it comes first if it ends there, else the one with it.
   */
  static int depthFirstOrder(long a, long b) {
    if (a == b) {
      return 0;
    }
    long differ = a ^ b;
    long lowest = differ & -differ;
    long above = ~((lowest << 1) - 1);
    boolean aHasIt = (a & lowest) != 0;
    long other = aHasIt ? b : a;
    boolean otherGoesOn = (other & above) != 0;
    // the one holding the item is first unless the other ends before it (a prefix of it)
    int holderFirst = otherGoesOn ? -1 : 1;
    return aHasIt ? holderFirst : -holderFirst;
  }

  private static final class Search {
    final long low;
    final long high;
    final long[] amounts;
    final int minItems;
    final int maxItems;
    final long maxIterations;
    final int maxSolutions;
    final int[] chosen;
    final long[] positiveSuffix;
    final long[] negativeSuffix;
    final List<int[]> solutions = new ArrayList<>();
    long steps;

    Search(
        long low,
        long high,
        long[] amounts,
        int minItems,
        int maxItems,
        long maxIterations,
        int maxSolutions) {
      this.low = low;
      this.high = high;
      this.amounts = amounts;
      this.minItems = minItems;
      this.maxItems = maxItems;
      this.maxIterations = maxIterations;
      this.maxSolutions = maxSolutions;
      this.chosen = new int[maxItems];
      // what the remaining items could still add, for pruning with mixed signs
      positiveSuffix = new long[amounts.length + 1];
      negativeSuffix = new long[amounts.length + 1];
      for (int i = amounts.length - 1; i >= 0; i--) {
        positiveSuffix[i] = positiveSuffix[i + 1] + Math.max(0, amounts[i]);
        negativeSuffix[i] = negativeSuffix[i + 1] + Math.min(0, amounts[i]);
      }
    }

    void run(int from, int depth, long sum) {
      if (solutions.size() >= maxSolutions || steps >= maxIterations) {
        return;
      }
      if (depth >= minItems && sum >= low && sum <= high) {
        int[] s = new int[depth];
        System.arraycopy(chosen, 0, s, 0, depth);
        solutions.add(s);
      }
      if (depth == maxItems) {
        return;
      }
      for (int i = from; i < amounts.length; i++) {
        if (++steps >= maxIterations) {
          return;
        }
        if (low - sum > positiveSuffix[i] || high - sum < negativeSuffix[i]) {
          return; // the rest cannot reach the target
        }
        long least = sum + amounts[i] + negativeSuffix[i + 1];
        long most = sum + amounts[i] + positiveSuffix[i + 1];
        if (least > high || most < low) {
          continue; // no set with this item can come back within the target
        }
        chosen[depth] = i;
        run(i + 1, depth + 1, sum + amounts[i]);
        if (solutions.size() >= maxSolutions) {
          return;
        }
      }
    }
  }
}
