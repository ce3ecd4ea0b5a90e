package org.tieout.review.batch;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tieout.anomaly.AnomalyConfig;
import org.tieout.anomaly.AnomalyFiles;
import org.tieout.anomaly.AnomalyScorer;
import org.tieout.core.EntryId;
import org.tieout.matcher.Progress;
import org.tieout.matcher.Reconciliation;

/**
 * After matching, the ledger entries left open are the ones most worth an auditor's look: they are
 * scored against the whole ledger's patterns, and those flagged go to {@code anomalies.csv} and
 * {@code anomalies.html} beside the run's other files.
 */
final class ResidueAnomalies {
  private ResidueAnomalies() {}

  static List<AnomalyScorer.Assessment> write(
      java.nio.file.Path out,
      Inputs inputs,
      Reconciliation rec,
      Progress progress,
      List<org.tieout.anomaly.Expected> decisions) {
    progress.update("scoring open entries for anomalies", 0, 1);
    Set<EntryId> open = new HashSet<>();
    rec.unmatchedLedger().forEach(e -> open.add(e.id()));
    AnomalyScorer scorer = new AnomalyScorer(AnomalyConfig.defaults());
    double threshold = scorer.config().threshold();
    List<AnomalyScorer.Assessment> flagged =
        scorer.assess(inputs.ledger(), decisions).stream()
            .filter(a -> a.flagged(threshold) && open.contains(a.entry().id()))
            .toList();
    OutputFiles.atomically(out.resolve("anomalies.csv"), p -> AnomalyFiles.write(p, flagged));
    OutputFiles.text(
        out.resolve("anomalies.html"), AnomalyReport.render(flagged, open.size(), threshold));
    progress.update("scoring open entries for anomalies", 1, 1);
    return flagged;
  }
}
