package org.tieout.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class SmallestTest {
  @Property(tries = 2000)
  void givesWhatSortingAllAndTakingTheFirstKGives(
      @ForAll @Size(max = 200) List<@IntRange(min = -50, max = 50) Integer> values,
      @ForAll @IntRange(min = 0, max = 40) int k,
      @ForAll @IntRange(min = 0, max = 10) int unused) {
    long[] keys = new long[values.size() + unused];
    for (int i = 0; i < values.size(); i++) {
      keys[i] = values.get(i);
    }
    for (int i = values.size(); i < keys.length; i++) {
      keys[i] = Long.MIN_VALUE; // past n: must be ignored
    }
    long[] sorted = Arrays.copyOf(keys, values.size());
    Arrays.sort(sorted);
    long[] expected = Arrays.copyOf(sorted, Math.min(k, sorted.length));
    long[] before = keys.clone();
    assertThat(Smallest.of(keys, values.size(), k)).containsExactly(expected);
    assertThat(keys).containsExactly(before); // the input is left as it was
  }

  @Test
  void keepsDuplicatesAndExtremes() {
    long[] keys = {5, Long.MAX_VALUE, 1, 1, Long.MIN_VALUE, 7, 1};
    assertThat(Smallest.of(keys, keys.length, 3)).containsExactly(Long.MIN_VALUE, 1, 1);
    assertThat(Smallest.of(keys, keys.length, 1)).containsExactly(Long.MIN_VALUE);
    assertThat(Smallest.of(keys, 2, 5)).containsExactly(5, Long.MAX_VALUE);
  }
}
