package org.tieout.matcher.eval;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.tieout.core.EntryId;
import org.tieout.core.MatchGroup;
import org.tieout.core.MatchStatus;
import org.tieout.core.TransactionId;

/**
 * A run's match groups scored against the truth, pair by pair: for auto-matched groups, for
 * proposed groups, for both together, per stage and per rule; and the share of bank lines that
 * truly have a match which were auto-matched.
 */
public record Evaluation(
    PairMetrics autoMatched,
    PairMetrics proposed,
    PairMetrics all,
    Map<String, PairMetrics> byStage,
    Map<String, PairMetrics> byRule,
    long truthBankLines,
    long truthBankLinesAutoMatched,
    long truthBankLinesAutoMatchedCorrectly) {

  public double autoMatchedShareOfMatchableBankLines() {
    return truthBankLines == 0 ? 1.0 : (double) truthBankLinesAutoMatched / truthBankLines;
  }

  public static Evaluation score(List<MatchGroup> result, List<MatchGroup> truth) {
    // each matchable bank line's true entries: the truth's pairs, without a key string per pair
    // (a million-line truth has more than a million pairs)
    Map<TransactionId, Set<EntryId>> truthOf = new java.util.HashMap<>();
    for (MatchGroup g : truth) {
      if (g.ledgerIds().isEmpty()) {
        continue;
      }
      for (TransactionId b : g.bankIds()) {
        truthOf.computeIfAbsent(b, x -> new HashSet<>(4)).addAll(g.ledgerIds());
      }
    }
    Set<TransactionId> truthBank = truthOf.keySet();
    long t = 0;
    for (Set<EntryId> entries : truthOf.values()) {
      t += entries.size();
    }
    PairMetrics auto = new PairMetrics(0, 0, t);
    PairMetrics proposed = new PairMetrics(0, 0, t);
    Map<String, PairMetrics> byStage = new TreeMap<>();
    Map<String, PairMetrics> byRule = new TreeMap<>();
    Set<TransactionId> autoBank = new HashSet<>();
    long autoBankCorrect = 0;
    for (MatchGroup g : result) {
      long predicted = (long) g.bankIds().size() * g.ledgerIds().size();
      long correct = 0;
      for (TransactionId b : g.bankIds()) {
        Set<EntryId> known = truthOf.get(b);
        if (known == null) {
          continue;
        }
        for (EntryId e : g.ledgerIds()) {
          if (known.contains(e)) {
            correct++;
          }
        }
      }
      if (g.status() == MatchStatus.AUTO_MATCHED) {
        auto = auto.plus(predicted, correct);
        for (TransactionId b : g.bankIds()) {
          if (truthBank.contains(b)
              && autoBank.add(b)
              && truthOf.get(b).containsAll(g.ledgerIds())) {
            autoBankCorrect++;
          }
        }
      } else {
        proposed = proposed.plus(predicted, correct);
      }
      String stage = g.stage() == null ? "unknown" : g.stage().code();
      String rule = g.rule() == null ? "unknown" : g.rule();
      String status = g.status() == null ? "unknown" : g.status().code();
      byStage.merge(stage + "/" + status, new PairMetrics(predicted, correct, t), Evaluation::add);
      byRule.merge(rule + "/" + status, new PairMetrics(predicted, correct, t), Evaluation::add);
    }
    long autoMatchedTruthBank = autoBank.stream().filter(truthBank::contains).count();
    PairMetrics all =
        new PairMetrics(
            auto.predicted() + proposed.predicted(), auto.correct() + proposed.correct(), t);
    return new Evaluation(
        auto,
        proposed,
        all,
        byStage,
        byRule,
        truthBank.size(),
        autoMatchedTruthBank,
        autoBankCorrect);
  }

  private static PairMetrics add(PairMetrics a, PairMetrics b) {
    return new PairMetrics(a.predicted() + b.predicted(), a.correct() + b.correct(), a.truth());
  }

  /** The figures as a map, for summary.json and the report. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("auto_matched", metrics(autoMatched));
    m.put("proposed", metrics(proposed));
    m.put("auto_and_proposed", metrics(all));
    m.put("matchable_bank_lines", truthBankLines);
    m.put("matchable_bank_lines_auto_matched", truthBankLinesAutoMatched);
    m.put("auto_matched_share_of_matchable_bank_lines", autoMatchedShareOfMatchableBankLines());
    Map<String, Object> stages = new LinkedHashMap<>();
    byStage.forEach((k, v) -> stages.put(k, metrics(v)));
    m.put("by_stage", stages);
    Map<String, Object> rules = new LinkedHashMap<>();
    byRule.forEach((k, v) -> rules.put(k, metrics(v)));
    m.put("by_rule", rules);
    return m;
  }

  static Map<String, Object> metrics(PairMetrics p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("pairs_predicted", p.predicted());
    m.put("pairs_correct", p.correct());
    m.put("pairs_in_truth", p.truth());
    m.put("precision", round(p.precision()));
    m.put("recall", round(p.recall()));
    m.put("f1", round(p.f1()));
    return m;
  }

  private static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }
}
