package org.tieout.anomaly.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tieout.anomaly.AnomalyConfig;
import org.tieout.anomaly.AnomalyScorer;
import org.tieout.anomaly.AnomalyType;
import org.tieout.anomaly.dataset.AnomalyDatasetGenerator;
import org.tieout.anomaly.eval.AnomalyEvaluation;
import org.tieout.core.EntryId;
import org.tieout.core.LedgerEntry;

class LearnedModelTest {
  @TempDir Path dir;

  private static AnomalyDatasetGenerator.Dataset ledger(long seed) {
    return new AnomalyDatasetGenerator(
            new AnomalyDatasetGenerator.Options(seed, 20_000, LocalDate.of(2025, 1, 1), 0.02))
        .generate();
  }

  private static LearnedModel trainOn(AnomalyDatasetGenerator.Dataset d) {
    Set<EntryId> bad = new HashSet<>();
    d.truth().forEach(l -> bad.add(l.entry()));
    double[][] rows = new AnomalyScorer(AnomalyConfig.defaults(), null).features(d.ledger());
    List<Boolean> y = new ArrayList<>();
    d.ledger().forEach(e -> y.add(bad.contains(e.id())));
    return LearnedModel.train(Arrays.asList(rows), y, 17);
  }

  private static AnomalyEvaluation evaluate(
      AnomalyScorer scorer, AnomalyDatasetGenerator.Dataset d) {
    Map<EntryId, Double> scores = new HashMap<>();
    Set<EntryId> flagged = new HashSet<>();
    for (AnomalyScorer.Assessment a : scorer.assess(d.ledger())) {
      scores.put(a.entry().id(), a.score());
      if (a.flagged(scorer.config().threshold())) {
        flagged.add(a.entry().id());
      }
    }
    Map<EntryId, List<AnomalyType>> truth = new HashMap<>();
    d.truth().forEach(l -> truth.computeIfAbsent(l.entry(), k -> new ArrayList<>()).add(l.type()));
    return AnomalyEvaluation.score(
        scores, flagged, d.ledger().stream().map(LedgerEntry::id).toList(), truth);
  }

  @Test
  void aModelTrainedOnOneLedgerHelpsOnAnotherItHasNotSeen() {
    LearnedModel model = trainOn(ledger(31));
    AnomalyDatasetGenerator.Dataset unseen = ledger(32);
    AnomalyEvaluation rules = evaluate(new AnomalyScorer(AnomalyConfig.defaults(), null), unseen);
    AnomalyEvaluation both = evaluate(new AnomalyScorer(AnomalyConfig.defaults(), model), unseen);
    assertThat(both.recall()).isGreaterThanOrEqualTo(rules.recall());
    assertThat(both.averagePrecision()).isGreaterThan(rules.averagePrecision() - 0.005);
    assertThat(both.averagePrecision()).isGreaterThan(0.7);
    assertThat(both.recall()).isGreaterThan(0.8);
  }

  @Test
  void itsFlagsNameTheFeaturesBehindThem() {
    LearnedModel model = trainOn(ledger(33));
    List<AnomalyScorer.Assessment> assessed =
        new AnomalyScorer(AnomalyConfig.defaults(), model).assess(ledger(34).ledger());
    var learned =
        assessed.stream()
            .flatMap(a -> a.flags().stream())
            .filter(f -> f.type() == AnomalyType.LEARNED_PATTERN)
            .toList();
    assertThat(learned).isNotEmpty();
    assertThat(learned.get(0).explanation())
        .startsWith("the learned model gives")
        .containsPattern("(flag_|amount|posting|weekend|roundness|system)");
  }

  @Test
  void aSavedModelGivesTheSameProbabilities() {
    AnomalyDatasetGenerator.Dataset d = ledger(35);
    LearnedModel model = trainOn(d);
    Path file = dir.resolve("model.tribuo");
    model.save(file);
    LearnedModel loaded = LearnedModel.load(file);
    double[][] rows = new AnomalyScorer(AnomalyConfig.defaults(), null).features(d.ledger());
    for (int i = 0; i < rows.length; i += 997) {
      assertThat(loaded.probability(rows[i])).isEqualTo(model.probability(rows[i]));
    }
  }

  @Test
  void trainingNeedsBothKindsOfLabel() {
    double[] row = new double[EntryFeatures.NAMES.size()];
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> LearnedModel.train(List.of(row, row), List.of(false, false), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("both");
  }

  @Test
  void theBundledModelLoads() {
    LearnedModel bundled = LearnedModel.bundled();
    assertThat(bundled).isNotNull();
    assertThat(bundled.probability(new double[EntryFeatures.NAMES.size()])).isBetween(0.0, 0.5);
  }
}
