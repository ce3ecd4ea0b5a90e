package org.tieout.matcher;

import static org.assertj.core.api.Assertions.assertThat;

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
}
