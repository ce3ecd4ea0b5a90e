package org.tieout.review.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.tieout.core.BankLine;
import org.tieout.core.LedgerEntry;
import org.tieout.core.MatchGroup;
import org.tieout.core.Money;
import org.tieout.core.SourceFile;
import org.tieout.core.format.ImportProblem;
import org.tieout.core.format.InterchangeCsv;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a run's files. Each file is written to a temporary name and moved into place, so a run
 * killed half-way never leaves a truncated file that looks complete.
 */
public final class OutputFiles {
  public static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private OutputFiles() {}

  public static void matches(Path dir, List<MatchGroup> groups) {
    atomically(dir.resolve("matches.csv"), p -> InterchangeCsv.writeMatches(p, groups));
  }

  /** The interchange columns plus {@code source}: where each line came from. */
  public static void unmatchedBank(Path dir, List<BankLine> lines) {
    List<String> header = new ArrayList<>(InterchangeCsv.BANK_COLUMNS);
    header.add("source");
    atomically(
        dir.resolve("unmatched_bank.csv"),
        p ->
            InterchangeCsv.write(
                p,
                header,
                lines,
                b -> {
                  List<Object> row = InterchangeCsv.bankRow(b);
                  row.add(b.provenance() == null ? null : b.provenance().location());
                  return row;
                }));
  }

  public static void unmatchedLedger(Path dir, List<LedgerEntry> entries) {
    List<String> header = new ArrayList<>(InterchangeCsv.LEDGER_COLUMNS);
    header.add("source");
    atomically(
        dir.resolve("unmatched_ledger.csv"),
        p ->
            InterchangeCsv.write(
                p,
                header,
                entries,
                e -> {
                  List<Object> row = InterchangeCsv.ledgerRow(e);
                  row.add(e.provenance() == null ? null : e.provenance().location());
                  return row;
                }));
  }

  public static void rejects(Path dir, List<ImportProblem> problems) {
    atomically(
        dir.resolve("rejects.csv"),
        p ->
            InterchangeCsv.write(
                p,
                List.of("file", "line", "column", "code", "message", "raw"),
                problems,
                r ->
                    Arrays.asList(r.file(), r.line(), r.column(), r.code(), r.message(), r.raw())));
  }

  public static void json(Path file, Object value) {
    atomically(
        file,
        p -> {
          try {
            Files.writeString(p, JSON.writeValueAsString(value), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  public static void text(Path file, String content) {
    atomically(
        file,
        p -> {
          try {
            Files.writeString(p, content, StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  static void atomically(Path target, Consumer<Path> writer) {
    Path tmp = target.resolveSibling("." + target.getFileName() + ".partial");
    writer.accept(tmp);
    try {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move " + tmp + " to " + target, e);
    }
  }

  /** summary.json: figures only, amounts as decimal strings. */
  public static Map<String, Object> summaryMap(
      RunSummary s, Inputs inputs, Map<String, Object> extra) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("as_of", s.asOf().toString());
    m.put("bank_lines", s.bankLines());
    m.put("ledger_entries", s.ledgerEntries());
    m.put("auto_matched_bank_lines", s.autoMatchedBankLines());
    m.put("proposed_bank_lines", s.proposedBankLines());
    m.put("unmatched_bank_lines", s.bankLines() - s.autoMatchedBankLines() - s.proposedBankLines());
    m.put("auto_matched_ledger_entries", s.autoMatchedLedgerEntries());
    m.put("proposed_ledger_entries", s.proposedLedgerEntries());
    m.put(
        "unmatched_ledger_entries",
        s.ledgerEntries() - s.autoMatchedLedgerEntries() - s.proposedLedgerEntries());
    m.put("auto_match_rate", Math.round(s.autoMatchRate() * 10_000) / 10_000.0);
    m.put("auto_matched_groups", s.autoMatchedGroups());
    m.put("proposed_groups", s.proposedGroups());
    Map<String, Object> rules = new LinkedHashMap<>();
    s.byRule()
        .forEach(
            (k, v) -> {
              // ordered maps only: Map.of's order changes from one JVM to the next
              Map<String, Object> counts = new LinkedHashMap<>();
              counts.put("auto_matched", v.autoMatched());
              counts.put("proposed", v.proposed());
              rules.put(k, counts);
            });
    m.put("groups_by_rule", rules);
    m.put("open_bank_by_account_and_age", amounts(s.openBankByAccountAndAge()));
    m.put("open_ledger_by_account_and_age", amounts(s.openLedgerByAccountAndAge()));
    m.put("duration_ms", s.duration().toMillis());
    Map<String, Object> phases = new LinkedHashMap<>();
    s.phases().forEach((phase, took) -> phases.put(phase, took.toMillis()));
    m.put("phases_ms", phases);
    m.put("inputs", inputFiles(inputs.files()));
    m.put("rejected_rows", inputs.problems().size());
    m.put("notes", inputs.notes());
    m.putAll(extra);
    return m;
  }

  /**
   * Each input file's name and SHA-256, in the order given, for summary.json and the run record.
   */
  public static List<Map<String, String>> inputFiles(List<SourceFile> sources) {
    List<Map<String, String>> files = new ArrayList<>();
    for (SourceFile f : sources) {
      Map<String, String> file = new LinkedHashMap<>();
      file.put("name", f.name());
      file.put("sha256", f.contentHash());
      files.add(file);
    }
    return files;
  }

  private static Map<String, Map<String, String>> amounts(Map<String, Map<String, Money>> sums) {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    sums.forEach(
        (acct, buckets) -> {
          Map<String, String> b = new LinkedHashMap<>();
          buckets.forEach((k, v) -> b.put(k, v.toPlainString()));
          out.put(acct, b);
        });
    return out;
  }
}
