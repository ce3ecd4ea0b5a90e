package org.tieout.core.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BinaryModelTest {
  private static final List<String> NAMES = List.of("signal", "noise");

  /** "yes" when signal + small noise is above 0.5; noise alone says nothing. */
  private static BinaryModel train(boolean balance, double positiveShare) {
    SplittableRandom r = new SplittableRandom(3);
    List<double[]> rows = new ArrayList<>();
    List<Boolean> labels = new ArrayList<>();
    for (int i = 0; i < 4000; i++) {
      boolean yes = r.nextDouble() < positiveShare;
      double signal = yes ? 0.6 + r.nextDouble() * 0.4 : r.nextDouble() * 0.55;
      rows.add(new double[] {signal, r.nextDouble()});
      labels.add(yes);
    }
    return BinaryModel.train("test", NAMES, "yes", "no", rows, labels, balance, 1);
  }

  @Test
  void learnsWhichFeatureMattersAndSaysSo() {
    BinaryModel m = train(false, 0.5);
    assertThat(m.probability(new double[] {0.95, 0.5})).isGreaterThan(0.8);
    assertThat(m.probability(new double[] {0.05, 0.5})).isLessThan(0.2);
    assertThat(m.reasons(new double[] {0.95, 0.5}, 1)).startsWith("signal 0.95");
  }

  @Test
  void directProbabilityAgreesWithTribuosPrediction() {
    BinaryModel m = train(false, 0.3);
    SplittableRandom r = new SplittableRandom(9);
    for (int i = 0; i < 200; i++) {
      double[] row = {r.nextDouble() * 2 - 0.5, r.nextDouble()};
      assertThat(m.probability(row)).isCloseTo(m.tribuoProbability(row), within(1e-9));
    }
  }

  @Test
  void balancingRaisesTheRareClassAndUnbalancedKeepsTheMix() {
    double[] doubtful = {0.58, 0.5};
    double unbalanced = train(false, 0.05).probability(doubtful);
    double balanced = train(true, 0.05).probability(doubtful);
    assertThat(balanced).isGreaterThan(unbalanced);
  }

  @Test
  void savedModelPredictsTheSame(@TempDir Path dir) {
    BinaryModel m = train(false, 0.5);
    Path file = dir.resolve("m.tribuo");
    m.save(file);
    BinaryModel back = BinaryModel.load(file, NAMES, "yes", "no");
    double[] row = {0.7, 0.2};
    assertThat(back.probability(row)).isEqualTo(m.probability(row));
    assertThatThrownBy(() -> BinaryModel.load(file, NAMES, "anomaly", "normal"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a model of 'anomaly'");
  }

  @Test
  void refusesLabelsOfOneKind() {
    assertThatThrownBy(
            () ->
                BinaryModel.train(
                    "test",
                    NAMES,
                    "yes",
                    "no",
                    List.of(new double[] {1, 0}, new double[] {0, 1}),
                    List.of(true, true),
                    false,
                    1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs both");
  }
}
