package org.tieout.review.batch;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tieout.core.BankLine;
import org.tieout.core.LedgerEntry;
import org.tieout.core.SourceFile;
import org.tieout.core.format.ContentHash;
import org.tieout.core.format.ImportResult;
import org.tieout.matcher.Progress;
import org.tieout.matcher.Reconciliation;
import org.tieout.review.store.ReconciliationStore;

/**
 * The database side of a batch run: imports the files (each once), records the run before matching
 * so that a crash is visible, and stores the result when matching is done.
 */
final class DatabaseRun {
  private final ReconciliationStore store;
  private final ReconciliationStore.RunRecord run;
  private final Inputs inputs;
  private final List<String> log = new ArrayList<>();

  private DatabaseRun(ReconciliationStore store, ReconciliationStore.RunRecord run, Inputs inputs) {
    this.store = store;
    this.run = run;
    this.inputs = inputs;
  }

  static DatabaseRun begin(BatchRun.Request request, Inputs inputs, Progress progress) {
    try {
      ReconciliationStore store = ReconciliationStore.open(request.jdbcUrl());
      List<String> log = new ArrayList<>();
      int done = 0;
      int total = inputs.bankFiles().size() + inputs.ledgerFiles().size();
      for (ImportResult<BankLine> f : inputs.bankFiles()) {
        log.add(describe(store.importBank(f)));
        progress.update("storing imports", ++done, total);
      }
      for (ImportResult<LedgerEntry> f : inputs.ledgerFiles()) {
        log.add(describe(store.importLedger(f)));
        progress.update("storing imports", ++done, total);
      }
      String config = OutputFiles.JSON.writeValueAsString(request.config().describe());
      String inputsJson =
          OutputFiles.JSON.writeValueAsString(OutputFiles.inputFiles(inputs.files()));
      String key =
          ContentHash.sha256(
              inputs.files().stream().map(SourceFile::contentHash).sorted().toList()
                  + "|"
                  + config
                  + "|skip_invalid="
                  + request.skipInvalid());
      ReconciliationStore.RunRecord run = store.beginRun(key, inputsJson, config);
      DatabaseRun db = new DatabaseRun(store, run, inputs);
      db.log.addAll(log);
      if (run.alreadyCompleted()) {
        db.log.add(
            "run "
                + run.id()
                + " with these inputs and configuration is already stored; nothing written");
      } else if (run.attempts() > 1) {
        db.log.add(
            "run "
                + run.id()
                + " had not finished before (attempt "
                + run.attempts()
                + "); finishing it now");
      }
      return db;
    } catch (SQLException e) {
      throw new DatabaseException(e);
    }
  }

  List<String> complete(
      Reconciliation rec,
      RunSummary summary,
      List<org.tieout.anomaly.AnomalyScorer.Assessment> flagged) {
    try (store) {
      if (!run.alreadyCompleted()) {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("bank_lines", summary.bankLines());
        counts.put("ledger_entries", summary.ledgerEntries());
        counts.put("auto_matched_groups", summary.autoMatchedGroups());
        counts.put("proposed_groups", summary.proposedGroups());
        counts.put("auto_matched_bank_lines", summary.autoMatchedBankLines());
        counts.put("proposed_bank_lines", summary.proposedBankLines());
        counts.put("auto_matched_ledger_entries", summary.autoMatchedLedgerEntries());
        counts.put("proposed_ledger_entries", summary.proposedLedgerEntries());
        Map<String, Object> open = new LinkedHashMap<>();
        summary
            .openBankByAccountAndAge()
            .forEach(
                (account, byAge) -> {
                  Map<String, String> ages = new LinkedHashMap<>();
                  byAge.forEach(
                      (age, m) -> ages.put(age, m.currencyCode() + " " + m.toPlainString()));
                  open.put(account, ages);
                });
        counts.put("open_bank_by_account_and_age", open);
        Map<org.tieout.core.TransactionId, String> accountOf = new java.util.HashMap<>();
        for (BankLine b : inputs.bank()) {
          accountOf.put(b.id(), b.accountId());
        }
        store.completeRun(
            run.id(),
            rec.groups(),
            accountOf,
            OutputFiles.JSON.writeValueAsString(counts),
            summary.duration());
        log.add("run " + run.id() + " stored: " + rec.groups().size() + " groups");
      }
      if (!flagged.isEmpty()) {
        int added = store.storeFlags(flagged, "reconciliation");
        log.add(added + " anomaly flag(s) added to the review queue");
      }
      return log;
    } catch (SQLException e) {
      throw new DatabaseException(e);
    }
  }

  private static String describe(ReconciliationStore.ImportOutcome o) {
    if (o.fileAlreadyImported()) {
      return o.file() + ": already imported (same content hash); nothing stored";
    }
    return o.file()
        + ": "
        + o.inserted()
        + " rows stored"
        + (o.alreadyStored() > 0 ? ", " + o.alreadyStored() + " already there" : "");
  }

  /** The database failed; what was committed before stays consistent. Retrying may help. */
  static final class DatabaseException extends RuntimeException {
    DatabaseException(SQLException cause) {
      super(cause.getMessage(), cause);
    }
  }
}
