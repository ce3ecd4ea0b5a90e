package org.tieout.core.learn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TwoPlacesTest {
  private static String formatted(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  @Test
  void writesWhatTheFormatterWrites() {
    Random random = new Random(11);
    for (int k = 0; k < 200_000; k++) {
      double v =
          switch (k % 5) {
            case 0 -> random.nextDouble(); // probabilities and similarities
            case 1 -> (random.nextInt(20_001) - 10_000) / 1000.0; // three decimals: halfway cases
            case 2 -> (random.nextInt(2_001) - 1_000) / 200.0; // .005 steps: exactly halfway
            case 3 -> random.nextGaussian() * Math.pow(10, random.nextInt(16) - 6);
            default -> Math.log1p(random.nextInt(1_000)) * (random.nextBoolean() ? 1 : -1);
          };
      assertThat(TwoPlaces.of(v)).as("%s", v).isEqualTo(formatted(v));
    }
    for (double v :
        List.of(
            0.0,
            -0.0,
            -0.001,
            0.005,
            0.015,
            0.125,
            1.005,
            2.675,
            -2.675,
            1e7,
            1.5e-10,
            -1.5e-10,
            123456789.125,
            Double.MAX_VALUE,
            Double.MIN_VALUE,
            Double.NaN,
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY)) {
      assertThat(TwoPlaces.of(v)).as("%s", v).isEqualTo(formatted(v));
    }
  }
}
