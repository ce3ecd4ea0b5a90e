package org.tieout.matcher.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tieout.core.EntryId;
import org.tieout.core.MatchGroup;
import org.tieout.core.MatchStage;
import org.tieout.core.MatchStatus;
import org.tieout.core.TransactionId;

class EvaluationTest {
  private static MatchGroup truth(String bank, String ledger) {
    return MatchGroup.ofIds(bankIds(bank), ledgerIds(ledger));
  }

  private static MatchGroup result(
      String bank, String ledger, MatchStage stage, String rule, MatchStatus status) {
    return new MatchGroup(
        bankIds(bank), ledgerIds(ledger), stage, rule, 0.9, status, "why", List.of());
  }

  private static List<TransactionId> bankIds(String ids) {
    return ids.isEmpty()
        ? List.of()
        : Arrays.stream(ids.split(" ")).map(TransactionId::new).toList();
  }

  private static List<EntryId> ledgerIds(String ids) {
    return ids.isEmpty() ? List.of() : Arrays.stream(ids.split(" ")).map(EntryId::new).toList();
  }

  @Test
  void scoresPairsPerStatusStageAndRuleAndTheMatchableBankLinesAutoMatched() {
    List<MatchGroup> truth =
        List.of(
            truth("B1", "L1"),
            truth("B2", "L2 L3"),
            truth("B3 B4", "L4"),
            truth("B5", ""), // a bank fee with no entry: nothing to match
            truth("B2", "L3")); // a pair given twice counts once
    List<MatchGroup> run =
        List.of(
            result("B1", "L1", MatchStage.RULE, "reference", MatchStatus.AUTO_MATCHED),
            result("B2", "L2", MatchStage.RULE, "split", MatchStatus.AUTO_MATCHED),
            result("B3 B4", "L4 L9", MatchStage.LEARNED, "learned", MatchStatus.PROPOSED),
            result("B6", "L6", MatchStage.RULE, "amount", MatchStatus.AUTO_MATCHED),
            result("B4", "L5", MatchStage.RULE, "amount", MatchStatus.AUTO_MATCHED));

    Evaluation ev = Evaluation.score(run, truth);

    assertThat(ev.autoMatched()).isEqualTo(new PairMetrics(4, 2, 5));
    assertThat(ev.proposed()).isEqualTo(new PairMetrics(4, 2, 5));
    assertThat(ev.all()).isEqualTo(new PairMetrics(8, 4, 5));
    assertThat(ev.byStage())
        .containsExactly(
            java.util.Map.entry("learned/proposed", new PairMetrics(4, 2, 5)),
            java.util.Map.entry("rule/auto_matched", new PairMetrics(4, 2, 5)));
    assertThat(ev.byRule())
        .containsExactly(
            java.util.Map.entry("amount/auto_matched", new PairMetrics(2, 0, 5)),
            java.util.Map.entry("learned/proposed", new PairMetrics(4, 2, 5)),
            java.util.Map.entry("reference/auto_matched", new PairMetrics(1, 1, 5)),
            java.util.Map.entry("split/auto_matched", new PairMetrics(1, 1, 5)));
    // B1, B2, B3 and B4 have a match; B1, B2 and B4 were auto-matched, B4 wrongly
    assertThat(ev.truthBankLines()).isEqualTo(4);
    assertThat(ev.truthBankLinesAutoMatched()).isEqualTo(3);
    assertThat(ev.truthBankLinesAutoMatchedCorrectly()).isEqualTo(2);
    assertThat(ev.autoMatchedShareOfMatchableBankLines()).isEqualTo(0.75);
  }

  @Test
  void anEmptyTruthScoresNothingAsMissed() {
    Evaluation ev =
        Evaluation.score(
            List.of(result("B1", "L1", MatchStage.RULE, "reference", MatchStatus.AUTO_MATCHED)),
            List.of());
    assertThat(ev.autoMatched()).isEqualTo(new PairMetrics(1, 0, 0));
    assertThat(ev.truthBankLines()).isZero();
    assertThat(ev.autoMatchedShareOfMatchableBankLines()).isEqualTo(1.0);
  }
}
