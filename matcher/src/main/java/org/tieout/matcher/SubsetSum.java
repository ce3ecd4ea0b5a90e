package org.tieout.matcher;

import java.util.ArrayList;
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
