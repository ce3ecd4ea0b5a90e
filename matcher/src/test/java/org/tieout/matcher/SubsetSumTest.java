package org.tieout.matcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SubsetSumTest {
  @Test
  void findsTheOnlySetThatAddsUp() {
    SubsetSum.Result r = SubsetSum.find(700, new long[] {100, 250, 450, 999}, 2, 4, 10_000, 2);
    assertThat(r.solutions()).singleElement().satisfies(s -> assertThat(s).containsExactly(1, 2));
    assertThat(r.exhausted()).isFalse();
  }

  @Test
  void stopsAtTheStepBudgetOnAHugeInputAndSaysSo() {
    // even amounts of both signs and an odd target: no set can add up, and no bound prunes
    long[] amounts = new long[60];
    for (int i = 0; i < amounts.length; i++) {
      amounts[i] = i % 2 == 0 ? 2 * (i + 1) : -2 * i;
    }
    long started = System.nanoTime();
    SubsetSum.Result r = SubsetSum.find(1, amounts, 2, 30, 50_000, 2);
    assertThat(r.solutions()).isEmpty();
    assertThat(r.exhausted()).isTrue();
    assertThat(System.nanoTime() - started).isLessThan(5_000_000_000L);
  }

  @Test
  void handlesAFeeOfTheOppositeSign() {
    SubsetSum.Result r = SubsetSum.find(970, new long[] {500, 500, -30}, 2, 3, 10_000, 2);
    assertThat(r.solutions())
        .singleElement()
        .satisfies(s -> assertThat(s).containsExactly(0, 1, 2));
  }

  @Test
  void completeGivesWhatAnUnboundedSearchGivesInTheSameOrder() {
    java.util.Random random = new java.util.Random(7);
    int withMeeting = 0;
    for (int round = 0; round < 300; round++) {
      int n = 8 + random.nextInt(17);
      long[] amounts = new long[n];
      for (int i = 0; i < n; i++) {
        // round prices and odd amounts, a few small ones of the other sign (fees)
        amounts[i] =
            random.nextInt(5) == 0
                ? -(100 + random.nextInt(400))
                : random.nextBoolean() ? 100L * (1 + random.nextInt(60)) : 1 + random.nextInt(9000);
      }
      long target = 0;
      for (int i = 0; i < n; i++) {
        target += random.nextInt(3) == 0 ? amounts[i] : 0;
      }
      long high = target + (round % 3 == 0 ? Math.abs(target) / 20 : 0);
      int maxItems = 2 + random.nextInt(9);
      SubsetSum.Result full = SubsetSum.find(target, high, amounts, 2, maxItems, Long.MAX_VALUE, 8);
      SubsetSum.Result quick = SubsetSum.find(target, high, amounts, 2, maxItems, 4_000, 8);
      withMeeting += quick.exhausted() ? 1 : 0;
      SubsetSum.Result complete = SubsetSum.complete(target, high, amounts, 2, maxItems, 40_000, 8);
      assertThat(complete.exhausted()).isFalse();
      // the halves made once answer each search the same way, unless too many sets fit
      SubsetSum.Result met = new SubsetSum.Meeting(amounts).find(target, high, 2, maxItems, 8);
      if (!met.exhausted()) {
        assertThat(met.solutions())
            .usingElementComparator(java.util.Arrays::compare)
            .containsExactlyElementsOf(full.solutions());
      }
      assertThat(complete.solutions())
          .as("round %d", round)
          .usingElementComparator(java.util.Arrays::compare)
          .containsExactlyElementsOf(full.solutions());
    }
    // the comparison covers inputs a short search cannot finish, which meet in the middle
    assertThat(withMeeting).isGreaterThan(20);
  }

  @Test
  void findEachGivesPerCountWhatASearchPerCountGives() {
    java.util.Random random = new java.util.Random(11);
    for (int round = 0; round < 200; round++) {
      int n = 13 + random.nextInt(10);
      long[] amounts = new long[n];
      for (int i = 0; i < n; i++) {
        amounts[i] =
            random.nextBoolean() ? 100L * (1 + random.nextInt(40)) : 1 + random.nextInt(9000);
      }
      long[][] ranges = rangesAroundSums(random, amounts, 9, 4, 2);
      java.util.List<java.util.List<int[]>> each =
          new SubsetSum.Meeting(amounts).findEach(ranges, 8);
      if (each == null) {
        continue;
      }
      for (int k = 2; k < ranges.length; k++) {
        java.util.List<int[]> expected =
            ranges[k] == null
                ? java.util.List.of()
                : SubsetSum.find(ranges[k][0], ranges[k][1], amounts, k, k, Long.MAX_VALUE, 8)
                    .solutions();
        assertThat(each.get(k))
            .as("round %d, %d items", round, k)
            .usingElementComparator(java.util.Arrays::compare)
            .containsExactlyElementsOf(expected);
      }
    }
  }

  /**
   * A narrow range per count of items below {@code counts}, as a fee schedule gives: around the sum
   * of that many random amounts, or none (one time in {@code noneOneIn}).
   */
  private static long[][] rangesAroundSums(
      java.util.Random random, long[] amounts, int counts, int noneOneIn, long width) {
    long[][] ranges = new long[counts][];
    for (int k = 2; k < counts; k++) {
      if (random.nextInt(noneOneIn) > 0) {
        long sum = 0;
        for (int i = 0; i < k; i++) {
          sum += amounts[random.nextInt(amounts.length)];
        }
        ranges[k] = new long[] {sum - width, sum + width};
      }
    }
    return ranges;
  }

  @Test
  void aMeetingBoundedByTheLargestSumWantedFindsWhatAWholeOneFinds() {
    java.util.Random random = new java.util.Random(29);
    int compared = 0;
    for (int round = 0; round < 300; round++) {
      int n = 13 + random.nextInt(10);
      boolean withNegative = round % 5 == 0;
      long[] amounts = new long[n];
      for (int i = 0; i < n; i++) {
        amounts[i] = 1 + random.nextInt(5000);
      }
      if (withNegative) {
        amounts[random.nextInt(n)] = -1 - random.nextInt(500);
      }
      long[][] ranges = rangesAroundSums(random, amounts, 11, 3, 3);
      long high = Long.MIN_VALUE;
      for (long[] r : ranges) {
        high = r == null ? high : Math.max(high, r[1]);
      }
      if (high == Long.MIN_VALUE) {
        continue;
      }
      SubsetSum.Meeting whole = new SubsetSum.Meeting(amounts);
      SubsetSum.Meeting bounded = new SubsetSum.Meeting(amounts, high);
      assertThat(bounded.serves(high)).isTrue();
      assertThat(bounded.serves(high + 1)).isEqualTo(withNegative);
      java.util.List<java.util.List<int[]>> expected = whole.findEach(ranges, 8);
      java.util.List<java.util.List<int[]>> actual = bounded.findEach(ranges, 8);
      if (expected == null) {
        assertThat(actual).isNull();
        continue;
      }
      for (int k = 0; k < ranges.length; k++) {
        assertThat(actual.get(k))
            .as("round %d, %d items", round, k)
            .usingElementComparator(java.util.Arrays::compare)
            .containsExactlyElementsOf(expected.get(k));
      }
      SubsetSum.Result one = bounded.find(high - 6, high, 1, 10, 8);
      SubsetSum.Result all = whole.find(high - 6, high, 1, 10, 8);
      assertThat(one.solutions())
          .usingElementComparator(java.util.Arrays::compare)
          .containsExactlyElementsOf(all.solutions());
      assertThat(one.exhausted()).isEqualTo(all.exhausted());
      compared++;
    }
    assertThat(compared).isGreaterThan(200);
    long[] positive = {100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 1100, 1200, 1300};
    SubsetSum.Meeting bounded = new SubsetSum.Meeting(positive, 1000);
    assertThatThrownBy(() -> bounded.find(900, 1001, 2, 5, 8))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void ofCountFindsEverySetOfThatCountAnUnboundedSearchFinds() {
    java.util.Random random = new java.util.Random(23);
    for (int round = 0; round < 300; round++) {
      int n = 1 + random.nextInt(18);
      long[] amounts = new long[n];
      for (int i = 0; i < n; i++) {
        // round prices repeat, as in a shop's card sales
        amounts[i] = random.nextInt(4) == 0 ? 4_990 : 100 + random.nextInt(20_000);
      }
      int count = 1 + random.nextInt(Math.min(n, 7));
      long low = 0;
      for (int i = 0; i < count; i++) {
        low += amounts[random.nextInt(n)];
      }
      long high = low + random.nextInt(3);
      java.util.Set<String> expected = new java.util.TreeSet<>();
      for (int[] set :
          SubsetSum.find(low, high, amounts, count, count, Long.MAX_VALUE, Integer.MAX_VALUE)
              .solutions()) {
        expected.add(java.util.Arrays.toString(set));
      }
      SubsetSum.Result r = SubsetSum.ofCount(low, high, amounts, count, Long.MAX_VALUE, 10_000);
      java.util.Set<String> found = new java.util.TreeSet<>();
      for (int[] set : r.solutions()) {
        found.add(java.util.Arrays.toString(set));
      }
      assertThat(r.exhausted()).isFalse();
      assertThat(found).as("round %d", round).isEqualTo(expected);
    }
  }

  @Test
  void ofCountSearchesFortyItemsForAKnownCountAndStopsAtItsBudget() {
    long[] amounts = new long[40];
    for (int i = 0; i < amounts.length; i++) {
      amounts[i] = 1_000 + 37L * i * i % 30_011;
    }
    long target = amounts[3] + amounts[17] + amounts[25] + amounts[31] + amounts[39];
    SubsetSum.Result r = SubsetSum.ofCount(target, target, amounts, 5, 2_000_000, 1_000);
    assertThat(r.exhausted()).isFalse();
    assertThat(r.solutions())
        .anySatisfy(s -> assertThat(s).containsExactly(3, 17, 25, 31, 39))
        .allSatisfy(
            s ->
                assertThat(java.util.Arrays.stream(s).mapToLong(i -> amounts[i]).sum())
                    .isEqualTo(target));
    SubsetSum.Result stopped = SubsetSum.ofCount(target, target, amounts, 5, 50, 1_000);
    assertThat(stopped.exhausted()).isTrue();
  }

  @Test
  void theDepthFirstOrderPutsASetBeforeItsExtensionsAndLowItemsFirst() {
    long a = 0b0011; // items 0, 1
    long abc = 0b0111; // items 0, 1, 2
    long ad = 0b1001; // items 0, 3
    assertThat(SubsetSum.depthFirstOrder(a, abc)).isNegative();
    assertThat(SubsetSum.depthFirstOrder(abc, ad)).isNegative();
    assertThat(SubsetSum.depthFirstOrder(ad, a)).isPositive();
    assertThat(SubsetSum.depthFirstOrder(ad, ad)).isZero();
  }
}
