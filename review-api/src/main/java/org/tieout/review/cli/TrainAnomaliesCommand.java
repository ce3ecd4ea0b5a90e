package org.tieout.review.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.tieout.anomaly.AnomalyConfig;
import org.tieout.anomaly.AnomalyFiles;
import org.tieout.anomaly.AnomalyScorer;
import org.tieout.anomaly.model.LearnedModel;
import org.tieout.core.EntryId;
import org.tieout.core.LedgerEntry;
import org.tieout.core.format.BadInputException;
import org.tieout.core.format.ImportResult;
import org.tieout.core.format.InterchangeCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tieout anomalies-train}: (re)trains the learned anomaly model from labels: a labelled
 * anomalies.csv, and/or reviewers' decisions in the database (confirmed flags are anomalies,
 * dismissed ones are not). Every other entry of the ledger counts as normal.
 */
@Command(
    name = "anomalies-train",
    mixinStandardHelpOptions = true,
    description = "Trains the learned anomaly model from labels; use it with anomalies --model.")
final class TrainAnomaliesCommand implements Callable<Integer> {
  @Option(names = "--ledger", required = true, arity = "1..*", description = "ledger exports")
  List<Path> ledger;

  @Option(names = "--labels", description = "labelled anomalies.csv (entry_id, anomaly_type)")
  Path labels;

  @Option(
      names = "--db",
      description = "JDBC URL: also learn from reviewers' confirmed and dismissed flags")
  String db;

  @Option(names = "--out", required = true, description = "the model file to write")
  Path out;

  @Option(
      names = "--seed",
      defaultValue = "17",
      description = "training seed (default ${DEFAULT-VALUE})")
  long seed;

  @Override
  public Integer call() throws Exception {
    if (labels == null && db == null) {
      System.err.println("tieout anomalies-train: give --labels, --db or both");
      return ExitCodes.USAGE;
    }
    List<LedgerEntry> entries = new ArrayList<>();
    for (Path p : ledger) {
      ImportResult<LedgerEntry> r = InterchangeCsv.readLedger(p);
      if (r.hasProblems()) {
        throw new BadInputException(r.problems());
      }
      entries.addAll(r.items());
    }
    Set<EntryId> anomalies = new HashSet<>();
    Set<EntryId> normal = new HashSet<>();
    if (labels != null) {
      anomalies.addAll(AnomalyFiles.readTruth(labels).keySet());
    }
    if (db != null) {
      try (Connection c = DriverManager.getConnection(db);
          PreparedStatement ps =
              c.prepareStatement(
                  "select l.entry_id, a.state from anomaly_flag a join ledger_entry l on l.id = a.ledger_entry_id"
                      + " where a.state in ('confirmed', 'dismissed')");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          (rs.getString(2).equals("confirmed") ? anomalies : normal)
              .add(new EntryId(rs.getString(1)));
        }
      }
    }
    anomalies.removeAll(normal); // a reviewer's dismissal outranks a label
    double[][] rows = new AnomalyScorer(AnomalyConfig.defaults(), null).features(entries);
    List<Boolean> y = new ArrayList<>(entries.size());
    for (LedgerEntry e : entries) {
      y.add(anomalies.contains(e.id()));
    }
    long started = System.nanoTime();
    LearnedModel model = LearnedModel.train(Arrays.asList(rows), y, seed);
    if (out.getParent() != null) {
      Files.createDirectories(out.getParent());
    }
    model.save(out);
    System.out.printf(
        Locale.ROOT,
        "trained on %d entries (%d anomalies, %d dismissed by reviewers) in %.1f s: %s%n",
        entries.size(),
        y.stream().filter(b -> b).count(),
        normal.size(),
        (System.nanoTime() - started) / 1e9,
        out.toAbsolutePath());
    return ExitCodes.OK;
  }
}
