package org.tieout.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tieout.anomaly.dataset.AnomalyDatasetGenerator;
import org.tieout.anomaly.eval.AnomalyEvaluation;
import org.tieout.core.EntryId;
import org.tieout.core.LedgerEntry;
import org.tieout.core.Money;

class AnomalyScorerTest {
  private static final LocalDate DAY = LocalDate.of(2026, 3, 2); // a Monday

  private static LedgerEntry entry(
      String id,
      int day,
      String amount,
      String party,
      String ref,
      String gl,
      String user,
      int hour) {
    LocalDate d = DAY.plusDays(day);
    OffsetDateTime at = d.atTime(hour, 15).atOffset(ZoneOffset.ofHours(1));
    return new LedgerEntry(
        new EntryId(id),
        "DE01",
        d,
        Money.parse(amount, "EUR"),
        party,
        "x",
        ref,
        gl,
        "vendor_payment",
        user,
        at,
        null,
        null);
  }

  private static Map<String, List<Flag>> flags(List<LedgerEntry> entries) {
    Map<String, List<Flag>> m = new HashMap<>();
    for (AnomalyScorer.Assessment a : new AnomalyScorer(AnomalyConfig.defaults()).assess(entries)) {
      m.put(a.entry().id().value(), a.flags());
    }
    return m;
  }

  @Test
  void theSameBillPostedTwiceIsADuplicateWithItsReason() {
    Map<String, List<Flag>> f =
        flags(
            List.of(
                entry("A", 0, "-1234.56", "Acme GmbH", "BILL-0042", "2000", "clerk1", 10),
                entry("B", 3, "-1234.56", "ACME GMBH", "bill 42", "2000", "clerk2", 11)));
    assertThat(f.get("B"))
        .anySatisfy(
            flag -> {
              assertThat(flag.type()).isEqualTo(AnomalyType.DUPLICATE_PAYMENT);
              assertThat(flag.explanation()).contains("as A").contains("3 day(s) earlier");
            });
    assertThat(f).doesNotContainKey("A");
  }

  @Test
  void rentOfTheSameAmountEveryMonthIsNotADuplicate() {
    List<LedgerEntry> rent = new ArrayList<>();
    for (int m = 0; m < 6; m++) {
      rent.add(entry("R" + m, m * 30, "-5000.00", "Landlord GmbH", null, "6200", "system", 2));
    }
    assertThat(flags(rent)).isEmpty();
  }

  @Test
  void aPersonPostingAtNightIsFlaggedButTheNightlyJobIsNot() {
    Map<String, List<Flag>> f =
        flags(
            List.of(
                entry("N", 0, "-310.00", "Acme", "F-1", "2000", "clerk3", 2),
                entry("S", 0, "-310.00", "Payroll", null, "2300", "system", 2)));
    assertThat(f.get("N")).extracting(Flag::type).contains(AnomalyType.OFF_HOURS);
    assertThat(f).doesNotContainKey("S");
  }

  @Test
  void severalEntriesJustBelowTheApprovalLimitByOnePersonGrowStronger() {
    List<LedgerEntry> e = new ArrayList<>();
    for (int k = 0; k < 4; k++) {
      e.add(entry("T" + k, k, "-4950.00", "Vendor " + k, "F-" + k, "2000", "clerk5", 10));
    }
    Flag flag = flags(e).get("T3").get(0);
    assertThat(flag.type()).isEqualTo(AnomalyType.BELOW_APPROVAL_THRESHOLD);
    assertThat(flag.explanation())
        .contains("1.0% below the 5000 approval limit; 4 such entries by clerk5");
    assertThat(flag.strength()).isGreaterThan(0.85);
  }

  @Test
  void meetsTheIssueBarOnAnUnseenLabelledLedger() {
    var d =
        new AnomalyDatasetGenerator(
                new AnomalyDatasetGenerator.Options(4711, 30_000, LocalDate.of(2025, 1, 1), 0.02))
            .generate();
    AnomalyScorer scorer = new AnomalyScorer(AnomalyConfig.defaults());
    List<AnomalyScorer.Assessment> assessed = scorer.assess(d.ledger());
    Map<EntryId, Double> scores = new HashMap<>();
    Set<EntryId> flagged = new HashSet<>();
    for (AnomalyScorer.Assessment a : assessed) {
      scores.put(a.entry().id(), a.score());
      if (a.flagged(scorer.config().threshold())) {
        flagged.add(a.entry().id());
      }
    }
    Map<EntryId, List<AnomalyType>> truth = new HashMap<>();
    d.truth().forEach(l -> truth.computeIfAbsent(l.entry(), k -> new ArrayList<>()).add(l.type()));
    AnomalyEvaluation ev =
        AnomalyEvaluation.score(
            scores, flagged, d.ledger().stream().map(LedgerEntry::id).toList(), truth);
    assertThat(ev.averagePrecision()).isGreaterThanOrEqualTo(0.7);
    assertThat(ev.recall()).isGreaterThanOrEqualTo(0.8);
    assertThat(ev.recallByType().get("duplicate_payment")[2]).isGreaterThanOrEqualTo(0.95);
    // and clearly better than an isolation forest on simple features over the same file
    AnomalyEvaluation forest =
        AnomalyEvaluation.score(
            org.tieout.anomaly.eval.IsolationForestBaseline.scores(d.ledger(), 42),
            Set.of(),
            d.ledger().stream().map(LedgerEntry::id).toList(),
            truth);
    assertThat(ev.averagePrecision()).isGreaterThan(forest.averagePrecision() + 0.3);
    assertThat(ev.rocAuc()).isGreaterThan(forest.rocAuc());
  }

  @Test
  void theIsolationForestBaselineIsolatesAnObviousOutlierFirst() {
    List<LedgerEntry> e = new ArrayList<>();
    for (int k = 0; k < 300; k++) {
      e.add(
          entry(
              "O" + k,
              k % 20,
              "-" + (100 + k % 50) + ".25",
              "Acme",
              null,
              "2000",
              "clerk1",
              10 + k % 6));
    }
    e.add(entry("X", 3, "-987654.00", "Strange Co", null, "9999", "clerk1", 3));
    Map<EntryId, Double> s = org.tieout.anomaly.eval.IsolationForestBaseline.scores(e, 1);
    double x = s.get(new EntryId("X"));
    assertThat(s.values().stream().filter(v -> v >= x).count()).isEqualTo(1);
  }

  @Test
  void aReviewersDecisionSuppressesAPatternUntilItExpiresAndSaysSo() {
    List<LedgerEntry> e =
        List.of(
            entry("N1", 0, "-310.00", "Night Courier", "F-1", "2000", "clerk3", 2),
            entry("N2", 10, "-320.00", "Night Courier", "F-2", "2000", "clerk3", 2));
    Expected decision =
        new Expected(
            AnomalyType.OFF_HOURS,
            "NIGHT COURIER",
            null,
            DAY.plusDays(5),
            "courier books at night",
            "alice");
    Map<String, AnomalyScorer.Assessment> byId = new HashMap<>();
    new AnomalyScorer(AnomalyConfig.defaults())
        .assess(e, List.of(decision))
        .forEach(a -> byId.put(a.entry().id().value(), a));
    assertThat(byId.get("N1").flags()).extracting(Flag::type).doesNotContain(AnomalyType.OFF_HOURS);
    assertThat(byId.get("N1").suppressed())
        .singleElement()
        .asString()
        .contains("decided by alice")
        .contains("courier books at night");
    // posted after the decision expired: flagged again
    assertThat(byId.get("N2").flags()).extracting(Flag::type).contains(AnomalyType.OFF_HOURS);
  }
}
