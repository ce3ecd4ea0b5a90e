package org.tieout.matcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ChanceSumsTest {

  /**
   * The number of {@code k}-sets of the amounts whose total is within [low, high], by brute force.
   */
  private static int count(long[] amounts, int k, int from, long sum, long low, long high) {
    if (k == 0) {
      return sum >= low && sum <= high ? 1 : 0;
    }
    int n = 0;
    for (int i = from; i <= amounts.length - k; i++) {
      n += count(amounts, k - 1, i + 1, sum + amounts[i], low, high);
    }
    return n;
  }

  @Test
  void estimatesHowManySetsReachATotalAsCountingThemDoes() {
    Random random = new Random(5);
    for (int trial = 0; trial < 20; trial++) {
      long[] amounts = new long[18];
      for (int i = 0; i < amounts.length; i++) {
        amounts[i] = 500 + random.nextInt(30_000); // 5.00 to 305.00
      }
      int k = 3 + random.nextInt(4);
      // a total some set has, and a window of 2,000 cents around it
      long target = 0;
      for (int i = 0; i < k; i++) {
        target += amounts[random.nextInt(amounts.length)];
      }
      long width = 2_001;
      int counted = count(amounts, k, 0, 0, target - 1_000, target + 1_000);
      double estimated = ChanceSums.expected(amounts, amounts.length, k, target, width);
      assertThat(estimated)
          .as("trial %d: %d of %d sets of %d near %d", trial, counted, amounts.length, k, target)
          .isCloseTo(counted, within(Math.max(6, 0.2 * counted)));
    }
  }

  @Test
  void aSumOfTheOnlySetOfItsSizeOrOfAFewSpreadAmountsIsTelling() {
    long[] five = {12_000, 89_950, 4_310, 250_000, 61_775};
    assertThat(ChanceSums.expected(five, 5, 5, 418_035, 1)).isZero();
    assertThat(ChanceSums.expected(five, 5, 2, 12_000 + 61_775, 1)).isLessThan(0.001);
  }

  @Test
  void aSumOfTenOfAProcessorsManySmallSalesIsNot() {
    Random random = new Random(7);
    long[] sales = new long[60];
    long total = 0;
    for (int i = 0; i < sales.length; i++) {
      sales[i] = 1_000 + random.nextInt(18_000);
      if (i < 10) {
        total += sales[i];
      }
    }
    assertThat(ChanceSums.expected(sales, sales.length, 10, total, 1)).isGreaterThan(1_000);
  }

  @Test
  void equalAmountsMakeEverySetOfTheSizeReachTheirTotal() {
    long[] rents = {150_000, 150_000, 150_000, 150_000};
    assertThat(ChanceSums.expected(rents, 4, 2, 300_000, 1)).isCloseTo(5, within(1e-9));
    assertThat(ChanceSums.expected(rents, 4, 2, 300_001, 1)).isZero();
  }
}
