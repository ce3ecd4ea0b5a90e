package org.tieout.review.batch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.tieout.core.BankLine;
import org.tieout.core.LedgerEntry;
import org.tieout.core.SourceFile;
import org.tieout.core.format.BankStatementFiles;
import org.tieout.core.format.ImportProblem;
import org.tieout.core.format.ImportResult;
import org.tieout.core.format.InterchangeCsv;
import org.tieout.core.format.mapping.CsvMapping;

/**
 * Everything a run reads: the bank and ledger files, imported in parallel, with each file's hash,
 * its problems and notes. The same file given twice (same content hash) is read once, and a bank
 * line already seen in an earlier file (same account and transaction id, as overlapping statements
 * have) is kept once: importing twice changes nothing.
 */
public record Inputs(
    List<BankLine> bank,
    List<LedgerEntry> ledger,
    List<SourceFile> files,
    List<ImportProblem> problems,
    List<String> notes,
    List<ImportResult<BankLine>> bankFiles,
    List<ImportResult<LedgerEntry>> ledgerFiles) {

  public static Inputs read(List<Path> bankFiles, List<Path> ledgerFiles, CsvMapping mapping) {
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
    try {
      List<Future<ImportResult<BankLine>>> bankResults = new ArrayList<>();
      for (Path p : bankFiles) {
        bankResults.add(pool.submit(() -> BankStatementFiles.read(p, mapping)));
      }
      List<Future<ImportResult<LedgerEntry>>> ledgerResults = new ArrayList<>();
      for (Path p : ledgerFiles) {
        ledgerResults.add(pool.submit(() -> InterchangeCsv.readLedger(p)));
      }
      List<SourceFile> files = new ArrayList<>();
      List<ImportProblem> problems = new ArrayList<>();
      List<String> notes = new ArrayList<>();
      Set<String> hashes = new HashSet<>();
      List<ImportResult<BankLine>> bankImports = new ArrayList<>();
      List<ImportResult<LedgerEntry>> ledgerImports = new ArrayList<>();
      List<BankLine> bank = new ArrayList<>();
      // transaction ids seen, by account (the importers share one string per account)
      Map<String, Set<String>> bankKeys = new java.util.HashMap<>();
      int duplicateLines = 0;
      for (Future<ImportResult<BankLine>> f : bankResults) {
        ImportResult<BankLine> r = get(f);
        if (!hashes.add(r.source().contentHash())) {
          notes.add(r.source().name() + " has the same content as a file already read; read once");
          continue;
        }
        files.add(r.source());
        bankImports.add(r);
        problems.addAll(r.problems());
        notes.addAll(r.notes());
        for (BankLine b : r.items()) {
          if (bankKeys.computeIfAbsent(b.accountId(), a -> new HashSet<>()).add(b.id().value())) {
            bank.add(b);
          } else {
            duplicateLines++;
          }
        }
      }
      if (duplicateLines > 0) {
        notes.add(
            duplicateLines
                + " bank line(s) appeared in more than one file (same account and transaction id) and were kept once");
      }
      List<LedgerEntry> ledger = new ArrayList<>();
      Map<String, String> entryFile = new LinkedHashMap<>();
      for (Future<ImportResult<LedgerEntry>> f : ledgerResults) {
        ImportResult<LedgerEntry> r = get(f);
        if (!hashes.add(r.source().contentHash())) {
          notes.add(r.source().name() + " has the same content as a file already read; read once");
          continue;
        }
        files.add(r.source());
        ledgerImports.add(r);
        problems.addAll(r.problems());
        notes.addAll(r.notes());
        if (ledgerResults.size() == 1) {
          // one ledger file: its reader has already refused an entry id it holds twice
          ledger.addAll(r.items());
          continue;
        }
        for (LedgerEntry e : r.items()) {
          String earlier = entryFile.putIfAbsent(e.id().value(), r.source().name());
          if (earlier == null) {
            ledger.add(e);
          } else {
            problems.add(
                new ImportProblem(
                    r.source().name(),
                    e.provenance().line(),
                    "entry_id",
                    "duplicate_id",
                    "entry_id '" + e.id().value() + "' is also in " + earlier,
                    null));
          }
        }
      }
      return new Inputs(bank, ledger, files, problems, notes, bankImports, ledgerImports);
    } finally {
      pool.shutdownNow();
    }
  }

  private static <T> T get(Future<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while importing", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
