package org.tieout.review.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tieout.anomaly.AnomalyScorer;
import org.tieout.core.format.BadInputException;
import org.tieout.core.format.mapping.CsvMapping;
import org.tieout.matcher.MatchingConfig;
import org.tieout.matcher.Progress;
import org.tieout.matcher.Reconciler;
import org.tieout.matcher.Reconciliation;
import org.tieout.review.Background;

/**
 * The main job, file to file: import, match, write the results and the report. Bad rows stop the
 * run before anything is written unless the caller asked to skip them.
 */
public final class BatchRun {

  /** What to run on. {@code asOf} may be null: then the latest date in the data. */
  public record Request(
      List<Path> bankFiles,
      List<Path> ledgerFiles,
      Path outDir,
      CsvMapping mapping,
      MatchingConfig config,
      boolean skipInvalid,
      LocalDate asOf,
      String jdbcUrl,
      boolean scoreAnomalies) {}

  /** What came of it, for the caller to print; {@code stored} says what the database made of it. */
  public record Result(
      Inputs inputs, Reconciliation reconciliation, RunSummary summary, List<String> stored) {}

  private final Progress progress;

  private final org.tieout.review.residue.LlmProposer.Listener llmListener;

  public BatchRun(Progress progress) {
    this(progress, org.tieout.review.residue.LlmProposer.Listener.NONE);
  }

  /** With a listener told about every LLM call (the service counts them as metrics). */
  public BatchRun(Progress progress, org.tieout.review.residue.LlmProposer.Listener llmListener) {
    this.progress = progress;
    this.llmListener = llmListener;
  }

  public Result run(Request request) {
    Laps laps = new Laps();
    progress.update("importing", 0, 1);
    Inputs inputs = Inputs.read(request.bankFiles(), request.ledgerFiles(), request.mapping());
    progress.update("importing", 1, 1);
    if (!inputs.problems().isEmpty() && !request.skipInvalid()) {
      throw new BadInputException(inputs.problems());
    }
    laps.lap("import");
    DatabaseRun db = null;
    if (request.jdbcUrl() != null) {
      db = DatabaseRun.begin(request, inputs, progress);
      laps.lap("store_inputs");
    }
    Reconciliation rules =
        new Reconciler(request.config(), progress).run(inputs.bank(), inputs.ledger());
    laps.lap("rules");
    org.tieout.review.residue.ResidueConfig.Outcome residue =
        org.tieout.review.residue.ResidueConfig.apply(
            rules,
            inputs.bank(),
            inputs.ledger(),
            request.config(),
            progress,
            llmListener,
            request.jdbcUrl());
    Reconciliation rec = residue.reconciliation();
    laps.lap("residue");
    // the summary is worked out in the background while the large files are written
    java.util.concurrent.CompletableFuture<RunSummary> summarising =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> RunSummary.of(inputs, rec, request.asOf(), laps.phases()));
    writeResults(request.outDir(), rec);
    RunSummary summary = Background.join(summarising);
    List<AnomalyScorer.Assessment> flagged =
        writeReports(request, inputs, rec, summary, residue.note());
    List<String> stored = db == null ? List.of() : db.complete(rec, summary, flagged);
    return new Result(inputs, rec, summary, stored);
  }

  /**
   * The run's phases, each timed from the end of the one before: together they are the run's
   * duration up to its results (writing them is not counted).
   */
  private static final class Laps {
    private final Map<String, Duration> phases = new LinkedHashMap<>();
    private long last = System.nanoTime();

    void lap(String phase) {
      long now = System.nanoTime();
      phases.put(phase, Duration.ofNanos(now - last));
      last = now;
    }

    Map<String, Duration> phases() {
      return phases;
    }
  }

  /** Writes the matches and the open items. */
  private void writeResults(Path out, Reconciliation rec) {
    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + out, e);
    }
    progress.update("writing", 0, 5);
    // the three large files are independent: the two of open items in the background while the
    // matches, the largest, are formatted in chunks side by side
    java.util.concurrent.CompletableFuture<Void> open =
        java.util.concurrent.CompletableFuture.runAsync(
            () -> {
              OutputFiles.unmatchedBank(out, rec.unmatchedBank());
              OutputFiles.unmatchedLedger(out, rec.unmatchedLedger());
            });
    OutputFiles.matches(out, rec.groups());
    Background.join(open);
    progress.update("writing", 3, 5);
  }

  /**
   * Writes the rejects, the summary, the report and (if asked) the anomalies; returns the open
   * entries flagged as anomalies, if scored.
   */
  private List<AnomalyScorer.Assessment> writeReports(
      Request request, Inputs inputs, Reconciliation rec, RunSummary summary, String residueNote) {
    Path out = request.outDir();
    if (!inputs.problems().isEmpty()) {
      OutputFiles.rejects(out, inputs.problems());
    }
    List<String> stageNotes = new ArrayList<>();
    stageNotes.add(residueNote);
    Map<String, Object> extra = new LinkedHashMap<>();
    List<AnomalyScorer.Assessment> flagged = List.of();
    if (request.scoreAnomalies()) {
      List<org.tieout.anomaly.Expected> decisions = List.of();
      if (request.jdbcUrl() != null) {
        try {
          decisions = org.tieout.review.store.ReconciliationStore.expectations(request.jdbcUrl());
        } catch (java.sql.SQLException e) {
          throw new DatabaseRun.DatabaseException(e);
        }
      }
      flagged = ResidueAnomalies.write(out, inputs, rec, progress, decisions);
      extra.put("open_ledger_entries_flagged_as_anomalies", flagged.size());
      stageNotes.add(
          flagged.size() + " open ledger entries are flagged as anomalies: see anomalies.html.");
    }
    extra.put("configuration", request.config().describe());
    extra.put("stage_notes", stageNotes);
    OutputFiles.json(out.resolve("summary.json"), OutputFiles.summaryMap(summary, inputs, extra));
    OutputFiles.text(
        out.resolve("report.html"),
        HtmlReport.render(summary, inputs, Reconciler.ruleDescriptions(), stageNotes));
    progress.update("writing", 5, 5);
    return flagged;
  }
}
