package org.tieout.review.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.tieout.anomaly.AnomalyConfig;
import org.tieout.anomaly.AnomalyFiles;
import org.tieout.anomaly.AnomalyScorer;
import org.tieout.anomaly.eval.AnomalyEvaluation;
import org.tieout.anomaly.eval.IsolationForestBaseline;
import org.tieout.core.EntryId;
import org.tieout.core.LedgerEntry;
import org.tieout.core.format.BadInputException;
import org.tieout.core.format.ImportResult;
import org.tieout.core.format.InterchangeCsv;
import org.tieout.review.batch.AnomalyReport;
import org.tieout.review.batch.OutputFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tieout anomalies}: flags ledger entries for review, each with its reasons. */
@Command(
    name = "anomalies",
    mixinStandardHelpOptions = true,
    description =
        "Scores ledger entries for anomalies; writes anomalies.csv and anomalies.html (and evaluation.json with --truth).")
final class AnomaliesCommand implements Callable<Integer> {
  @Option(
      names = "--ledger",
      required = true,
      arity = "1..*",
      description = "ledger exports (interchange ledger.csv)")
  List<Path> ledger;

  @Option(names = "--out", required = true, description = "output directory")
  Path out;

  @Option(
      names = "--threshold",
      description = "score from which an entry is flagged (default ${DEFAULT-VALUE})",
      defaultValue = "0.5")
  double threshold;

  @Option(
      names = "--truth",
      description =
          "labelled anomalies.csv: also score the flags (precision, recall, AP, ROC-AUC, recall per type)")
  Path truth;

  @Option(
      names = "--expected",
      description =
          "reviewers' decisions that patterns are expected (CSV: anomaly_type, counterparty_name, gl_account, until, reason, decided_by)")
  Path expected;

  @Option(
      names = "--db",
      description =
          "JDBC URL: also import the ledger (once) and add the flags to the review queue (TIEOUT_DB_USER/PASSWORD)")
  String db;

  @Option(
      names = "--model",
      description =
          "a model from anomalies-train (default: the model that ships with Tieout); 'none' for the detectors alone")
  String model;

  @Option(names = "--min-average-precision", description = "with --truth: exit 5 below this")
  Double minAveragePrecision;

  @Override
  public Integer call() throws Exception {
    List<LedgerEntry> entries = new ArrayList<>();
    List<ImportResult<LedgerEntry>> files = new ArrayList<>();
    for (Path p : ledger) {
      ImportResult<LedgerEntry> r = InterchangeCsv.readLedger(p);
      if (r.hasProblems()) {
        throw new BadInputException(r.problems());
      }
      files.add(r);
      entries.addAll(r.items());
    }
    long started = System.nanoTime();
    AnomalyScorer scorer =
        model == null
            ? new AnomalyScorer(AnomalyConfig.defaults())
            : new AnomalyScorer(
                AnomalyConfig.defaults(),
                model.equals("none")
                    ? null
                    : org.tieout.anomaly.model.LearnedModel.load(Path.of(model)));
    List<org.tieout.anomaly.Expected> decisions = new ArrayList<>();
    if (expected != null) {
      decisions.addAll(org.tieout.anomaly.Expected.read(expected));
    }
    if (db != null) {
      decisions.addAll(org.tieout.review.store.ReconciliationStore.expectations(db));
    }
    List<AnomalyScorer.Assessment> assessed = scorer.assess(entries, decisions);
    List<AnomalyScorer.Assessment> flagged =
        assessed.stream().filter(a -> a.flagged(threshold)).toList();
    double seconds = (System.nanoTime() - started) / 1e9;
    Files.createDirectories(out);
    AnomalyFiles.write(out.resolve("anomalies.csv"), flagged);
    OutputFiles.text(
        out.resolve("anomalies.html"),
        AnomalyReport.render(flagged, entries.size(), threshold, assessed));
    if (db != null) {
      try (org.tieout.review.store.ReconciliationStore store =
          org.tieout.review.store.ReconciliationStore.open(db)) {
        for (ImportResult<LedgerEntry> f : files) {
          store.importLedger(f);
        }
        int added = store.storeFlags(flagged, "anomalies");
        System.out.printf(Locale.ROOT, "%d new flag(s) added to the review queue%n", added);
      }
    }
    long suppressed = assessed.stream().mapToLong(a -> a.suppressed().size()).sum();
    System.out.printf(
        Locale.ROOT,
        "%d entries scored in %.1f s: %d flagged for review; %d flag(s) suppressed by %d decision(s). Report: %s%n",
        entries.size(),
        seconds,
        flagged.size(),
        suppressed,
        decisions.size(),
        out.resolve("anomalies.html").toAbsolutePath());
    if (truth == null) {
      return ExitCodes.OK;
    }
    Map<EntryId, Double> scores = new HashMap<>();
    assessed.forEach(a -> scores.put(a.entry().id(), a.score()));
    Set<EntryId> flaggedIds = new HashSet<>();
    flagged.forEach(a -> flaggedIds.add(a.entry().id()));
    AnomalyEvaluation ev =
        AnomalyEvaluation.score(
            scores,
            flaggedIds,
            entries.stream().map(LedgerEntry::id).toList(),
            AnomalyFiles.readTruth(truth));
    // the yardstick: an isolation forest over simple features of the same file
    Map<EntryId, Double> forest = IsolationForestBaseline.scores(entries, 42);
    AnomalyEvaluation baseline =
        AnomalyEvaluation.score(
            forest,
            Set.of(),
            entries.stream().map(LedgerEntry::id).toList(),
            AnomalyFiles.readTruth(truth));
    Map<String, Object> report = new java.util.LinkedHashMap<>(ev.toMap());
    report.put(
        "isolation_forest_baseline",
        Map.of(
            "average_precision",
            Math.round(baseline.averagePrecision() * 10_000) / 10_000.0,
            "roc_auc",
            Math.round(baseline.rocAuc() * 10_000) / 10_000.0));
    OutputFiles.json(out.resolve("evaluation.json"), report);
    System.out.printf(
        Locale.ROOT,
        "isolation forest on simple features, same file: average precision %.3f, ROC-AUC %.3f%n",
        baseline.averagePrecision(),
        baseline.rocAuc());
    System.out.printf(
        Locale.ROOT,
        "precision %.3f, recall %.3f, average precision %.3f, ROC-AUC %.3f%n",
        ev.precision(),
        ev.recall(),
        ev.averagePrecision(),
        ev.rocAuc());
    ev.recallByType()
        .forEach(
            (t, v) ->
                System.out.printf(
                    Locale.ROOT,
                    "  %-26s recall %.3f (%d of %d)%n",
                    t,
                    v[2],
                    (int) v[0],
                    (int) v[1]));
    boolean below = minAveragePrecision != null && ev.averagePrecision() < minAveragePrecision;
    return below ? ExitCodes.BELOW_THRESHOLD : ExitCodes.OK;
  }
}
