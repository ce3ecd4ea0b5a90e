package org.tieout.review.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tieout.core.format.mapping.CsvMapping;
import org.tieout.matcher.MatchingConfig;
import org.tieout.matcher.eval.Evaluation;
import org.tieout.review.batch.BatchRun;
import org.tieout.review.batch.OutputFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tieout reconcile}: the main job. */
@Command(
    name = "reconcile",
    mixinStandardHelpOptions = true,
    description = {
      "Matches bank statements against ledger entries and writes matches.csv, unmatched_bank.csv,",
      "unmatched_ledger.csv, summary.json and report.html to the output directory."
    })
final class ReconcileCommand implements Callable<Integer> {
  @Option(
      names = "--bank",
      required = true,
      arity = "1..*",
      description = "bank statement files: interchange CSV, a mapped bank CSV, CAMT.053 or MT940")
  List<Path> bank;

  @Option(
      names = "--ledger",
      required = true,
      arity = "1..*",
      description = "ledger exports in the interchange CSV format")
  List<Path> ledger;

  @Option(names = "--out", required = true, description = "output directory (created if missing)")
  Path out;

  @Option(names = "--config", description = "matching configuration YAML (limits per account)")
  Path config;

  @Option(
      names = "--mapping",
      description =
          "CSV mapping for the bank files: a YAML file or a built-in name (${COMPLETION-CANDIDATES})",
      completionCandidates = MappingNames.class)
  String mapping;

  @Option(
      names = "--skip-invalid",
      description = "import the valid rows and write bad ones to rejects.csv instead of stopping")
  boolean skipInvalid;

  @Option(
      names = "--as-of",
      description = "date to age open items to (default: the latest date in the data)")
  LocalDate asOf;

  @Option(
      names = "--truth",
      description = "ground-truth matches.csv: also score this run (pair precision and recall)")
  Path truth;

  @Option(
      names = "--db",
      description =
          "JDBC URL of PostgreSQL: store imports, the run and its results (default: $TIEOUT_DB_URL)",
      defaultValue = "${env:TIEOUT_DB_URL}")
  String db;

  @Option(
      names = "--anomalies",
      description =
          "also score the ledger entries left open for anomalies (anomalies.csv, anomalies.html)")
  boolean anomalies;

  @Option(
      names = {"-q", "--quiet"},
      description = "no progress output")
  boolean quiet;

  @Override
  public Integer call() {
    MatchingConfig cfg =
        config == null ? MatchingConfig.defaultConfig() : MatchingConfig.load(config);
    CsvMapping m = mapping == null ? null : CsvMapping.resolve(mapping);
    BatchRun.Result r =
        new BatchRun(new ConsoleProgress(System.err, quiet))
            .run(
                new BatchRun.Request(
                    bank,
                    ledger,
                    out,
                    m,
                    cfg,
                    skipInvalid,
                    asOf,
                    db == null || db.isBlank() ? null : db,
                    anomalies));
    var s = r.summary();
    System.out.printf(
        Locale.ROOT,
        "%d bank lines, %d ledger entries: %d bank lines auto-matched (%.1f%%), %d proposed for review, %d left open.%n",
        s.bankLines(),
        s.ledgerEntries(),
        s.autoMatchedBankLines(),
        s.autoMatchRate() * 100,
        s.proposedBankLines(),
        s.bankLines() - s.autoMatchedBankLines() - s.proposedBankLines());
    if (!r.inputs().problems().isEmpty()) {
      System.out.printf(
          Locale.ROOT,
          "%d invalid row(s) skipped: see %s%n",
          r.inputs().problems().size(),
          out.resolve("rejects.csv"));
    }
    r.stored().forEach(line -> System.out.println("Database: " + line));
    System.out.println("Report: " + out.resolve("report.html").toAbsolutePath());
    if (truth != null) {
      Evaluation ev =
          Evaluation.score(
              r.reconciliation().groups(),
              org.tieout.core.format.InterchangeCsv.readMatches(truth));
      OutputFiles.json(out.resolve("evaluation.json"), ev.toMap());
      EvalCommand.print(ev);
    }
    return ExitCodes.OK;
  }

  static final class MappingNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return CsvMapping.BUILT_IN.iterator();
    }
  }
}
