package org.tieout.anomaly.eval;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.tieout.anomaly.AnomalyType;
import org.tieout.core.EntryId;

/**
 * Flags scored against labelled truth, per entry: an entry is anomalous in truth when any label
 * names it. The flagged set is judged by precision and recall; the ranking by every entry's score
 * (0 when unflagged) by ROC-AUC, average precision and precision at k; and recall per type counts a
 * labelled entry as found when it is flagged at all.
 */
public record AnomalyEvaluation(
    int entries,
    int truthEntries,
    int flaggedEntries,
    int flaggedCorrect,
    double rocAuc,
    double averagePrecision,
    Map<Integer, Double> precisionAtK,
    Map<String, double[]> recallByType) {

  public double precision() {
    return flaggedEntries == 0 ? 1 : (double) flaggedCorrect / flaggedEntries;
  }

  public double recall() {
    return truthEntries == 0 ? 1 : (double) flaggedCorrect / truthEntries;
  }

  /**
   * @param scores every entry's score; entries missing here score 0
   * @param allEntries every entry of the ledger
   * @param truth labelled entries with their types
   */
  public static AnomalyEvaluation score(
      Map<EntryId, Double> scores,
      Set<EntryId> flagged,
      Collection<EntryId> allEntries,
      Map<EntryId, List<AnomalyType>> truth) {
    List<EntryId> ranked = new ArrayList<>(allEntries);
    ranked.sort(
        Comparator.comparingDouble((EntryId id) -> -scores.getOrDefault(id, 0.0))
            .thenComparing(EntryId::value));
    int positives = truth.size();
    int negatives = ranked.size() - positives;
    // average precision over the ranking
    double ap = 0;
    int hits = 0;
    for (int k = 0; k < ranked.size(); k++) {
      if (truth.containsKey(ranked.get(k))) {
        hits++;
        ap += (double) hits / (k + 1);
      }
    }
    ap = positives == 0 ? 1 : ap / positives;
    Map<Integer, Double> atK = new LinkedHashMap<>();
    for (int k : new int[] {50, 100, Math.max(1, positives)}) {
      int found = 0;
      for (int i = 0; i < Math.min(k, ranked.size()); i++) {
        if (truth.containsKey(ranked.get(i))) {
          found++;
        }
      }
      atK.put(k, (double) found / k);
    }
    int correct = 0;
    for (EntryId id : flagged) {
      if (truth.containsKey(id)) {
        correct++;
      }
    }
    Map<String, double[]> byType = new TreeMap<>();
    truth.forEach(
        (id, types) -> {
          for (AnomalyType t : new HashSet<>(types)) {
            double[] c = byType.computeIfAbsent(t.code(), k -> new double[3]);
            c[1]++;
            if (flagged.contains(id)) {
              c[0]++;
            }
            c[2] = c[0] / c[1];
          }
        });
    return new AnomalyEvaluation(
        ranked.size(),
        positives,
        flagged.size(),
        correct,
        rocAuc(scores, ranked, truth, positives, negatives),
        ap,
        atK,
        byType);
  }

  /**
   * Mann-Whitney: the chance a random anomaly scores above a random normal entry, ties counting
   * half.
   */
  private static double rocAuc(
      Map<EntryId, Double> scores,
      List<EntryId> ranked,
      Map<EntryId, ?> truth,
      int positives,
      int negatives) {
    if (positives == 0 || negatives == 0) {
      return 1;
    }
    Map<Double, int[]> byScore = new HashMap<>();
    for (EntryId id : ranked) {
      int[] c = byScore.computeIfAbsent(scores.getOrDefault(id, 0.0), k -> new int[2]);
      c[truth.containsKey(id) ? 0 : 1]++;
    }
    List<Double> levels = new ArrayList<>(byScore.keySet());
    levels.sort(Comparator.naturalOrder());
    double below = 0;
    double sum = 0;
    for (double level : levels) {
      int[] c = byScore.get(level);
      sum += c[0] * (below + c[1] / 2.0);
      below += c[1];
    }
    return sum / ((double) positives * negatives);
  }

  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("entries", entries);
    m.put("anomalous_entries_in_truth", truthEntries);
    m.put("flagged_entries", flaggedEntries);
    m.put("precision", round(precision()));
    m.put("recall", round(recall()));
    m.put("roc_auc", round(rocAuc));
    m.put("average_precision", round(averagePrecision));
    Map<String, Object> k = new LinkedHashMap<>();
    precisionAtK.forEach((kk, v) -> k.put("p@" + kk, round(v)));
    m.put("precision_at_k", k);
    Map<String, Object> t = new LinkedHashMap<>();
    recallByType.forEach(
        (kk, v) ->
            t.put(kk, Map.of("found", (int) v[0], "labelled", (int) v[1], "recall", round(v[2]))));
    m.put("recall_by_type", t);
    return m;
  }

  private static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }
}
