package org.tieout.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.tieout.matcher.dataset.DatasetGenerator;
import org.tieout.matcher.eval.Evaluation;

/**
 * The bar, on generated datasets whose seeds were never used while tuning the rules:
 * auto-matched pair precision at least 0.995, and at least 80% of the bank lines that truly have a
 * match auto-matched.
 */
class MatcherQualityTest {
  @Test
  void meetsThePrecisionAndCoverageBarOnUnseenData() {
    for (long seed : new long[] {901, 902}) {
      DatasetGenerator.Dataset d =
          new DatasetGenerator(
                  new DatasetGenerator.Options(seed, 4000, LocalDate.of(2025, 10, 1), 120))
              .generate(Progress.NONE);
      Reconciliation r =
          new Reconciler(MatchingConfig.defaultConfig(), Progress.NONE).run(d.bank(), d.ledger());
      Evaluation e = Evaluation.score(r.groups(), d.truth());
      assertThat(e.autoMatched().precision())
          .as("auto precision, seed %d", seed)
          .isGreaterThanOrEqualTo(0.995);
      assertThat(e.autoMatchedShareOfMatchableBankLines())
          .as("auto share, seed %d", seed)
          .isGreaterThanOrEqualTo(0.80);
    }
  }
}
