package org.tieout.matcher;

/**
 * How telling a sum is: among {@code n} open entries, how many sets of {@code k} of them other than
 * the one found would add up to the same total by chance. A customer's two invoices adding up to a
 * payment are telling when the customer has five open items; ten of a card processor's eighty sales
 * of a day adding up to a payout are not, since thousands of such sets exist and dozens of them
 * reach any total in between.
 *
 * <p>The totals of the {@code C(n, k)} sets are taken as normally distributed, with mean {@code
 * k·μ} and variance {@code k·σ²·(n−k)/(n−1)} (drawing without replacement from amounts of mean μ
 * and variance σ²); the expected number of other sets whose total falls in a window of {@code
 * width} minor units at the target is {@code (C(n, k) − 1)} times that density times the width.
 * Amounts are minor units; the estimate is a statistic about them, not money.
 */
final class ChanceSums {
  private ChanceSums() {}

  /**
   * The expected number of other {@code k}-sets of {@code amounts[0..n)} whose total falls in a
   * window of {@code width} minor units around {@code target} (1: exactly the target).
   */
  static double expected(long[] amounts, int n, int k, long target, long width) {
    if (k < 1 || n <= k) {
      return 0; // the only set of its size, or none
    }
    double mean = 0;
    double m2 = 0;
    for (int i = 0; i < n; i++) {
      double a = amounts[i];
      double d = a - mean;
      mean += d / (i + 1);
      m2 += d * (a - mean);
    }
    double logChoose = 0;
    for (int i = 0; i < k; i++) {
      logChoose += Math.log(n - i) - Math.log(i + 1);
    }
    double others = Math.max(0, Math.expm1(logChoose));
    double sd = Math.sqrt(k * (m2 / (n - 1)) * (n - k) / (n - 1));
    if (sd < 1) {
      // all amounts equal: every set of the size has the same total
      return Math.abs(target - k * mean) < 0.5 ? others : 0;
    }
    double z = (target - k * mean) / sd;
    return others * Math.exp(-z * z / 2) / (Math.sqrt(2 * Math.PI) * sd) * Math.max(1, width);
  }
}
