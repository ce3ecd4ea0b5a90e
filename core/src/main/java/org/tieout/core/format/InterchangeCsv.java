package org.tieout.core.format;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.tieout.core.BankLine;
import org.tieout.core.EntryId;
import org.tieout.core.LedgerEntry;
import org.tieout.core.MatchGroup;
import org.tieout.core.MatchStage;
import org.tieout.core.MatchStatus;
import org.tieout.core.Money;
import org.tieout.core.Provenance;
import org.tieout.core.SourceFile;
import org.tieout.core.TransactionId;

/**
 * The interchange format of {@code spec/interchange.md}: bank.csv, ledger.csv and matches.csv.
 * Columns are found by header name, in any order; unknown columns become attributes.
 */
public final class InterchangeCsv {
  public static final List<String> BANK_COLUMNS =
      List.of(
          "transaction_id",
          "account_id",
          "booking_date",
          "value_date",
          "amount",
          "currency",
          "counterparty_name",
          "counterparty_account",
          "description",
          "bank_reference");
  public static final List<String> LEDGER_COLUMNS =
      List.of(
          "entry_id",
          "account_id",
          "posting_date",
          "amount",
          "currency",
          "counterparty_name",
          "description",
          "document_ref",
          "gl_account",
          "entry_type",
          "created_by",
          "created_at");
  public static final List<String> MATCH_COLUMNS =
      List.of(
          "bank_transaction_ids",
          "ledger_entry_ids",
          "stage",
          "rule",
          "confidence",
          "status",
          "explanation");

  private static final List<String> BANK_REQUIRED =
      List.of("transaction_id", "account_id", "booking_date", "amount", "currency");
  private static final List<String> LEDGER_REQUIRED =
      List.of("entry_id", "account_id", "posting_date", "amount", "currency");

  private InterchangeCsv() {}

  /** True when the header row names the interchange bank columns. */
  public static boolean looksLikeBank(List<String> headerNames) {
    return hasAll(headerNames, BANK_REQUIRED);
  }

  public static boolean looksLikeLedger(List<String> headerNames) {
    return hasAll(headerNames, LEDGER_REQUIRED);
  }

  private static boolean hasAll(List<String> headerNames, List<String> required) {
    Set<String> names = new HashSet<>();
    headerNames.forEach(h -> names.add(CsvRows.normalise(h)));
    return names.containsAll(required);
  }

  public static ImportResult<BankLine> readBank(Path file) {
    SourceFile source = ContentHash.sourceOf(file);
    try (CsvRows rows = CsvRows.open(file, StandardCharsets.UTF_8, ',', 0)) {
      int[] c = columns(rows, BANK_COLUMNS, BANK_REQUIRED);
      List<ImportProblem> problems = RowReader.newProblemList();
      RowReader r = new RowReader(rows.fileName(), problems);
      List<BankLine> lines = new ArrayList<>();
      Map<String, Set<String>> seen = new HashMap<>(); // ids by account
      Extras extras = new Extras(rows, BANK_COLUMNS);
      // one interner per column: the few accounts stay in a small, cache-resident table instead of
      // sharing one with hundreds of thousands of names
      Interner accounts = new Interner();
      Interner names = new Interner();
      for (CsvRows.Row row : rows) {
        r.start(row);
        String id = r.required("transaction_id", c[0]);
        String account = r.required("account_id", c[1]);
        var booking = r.date("booking_date", c[2], true);
        var value = r.date("value_date", c[3], false);
        String currency = r.currency("currency", c[5]);
        Money amount = r.money("amount", c[4], currency);
        if (id != null
            && !r.bad()
            && !seen.computeIfAbsent(accounts.of(account), a -> new HashSet<>()).add(id)) {
          r.fail(
              "transaction_id",
              "duplicate_id",
              "transaction_id '" + id + "' appears twice in the file");
        }
        if (r.bad()) {
          continue;
        }
        lines.add(
            new BankLine(
                new TransactionId(id),
                accounts.of(account),
                booking,
                value,
                amount,
                names.of(r.optional(c[6])),
                r.optional(c[7]),
                r.optional(c[8]),
                r.optional(c[9]),
                Provenance.atLine(source, row.line()),
                extras.of(row)));
      }
      return new ImportResult<>(source, lines, problems, List.of());
    }
  }

  public static ImportResult<LedgerEntry> readLedger(Path file) {
    SourceFile source = ContentHash.sourceOf(file);
    try (CsvRows rows = CsvRows.open(file, StandardCharsets.UTF_8, ',', 0)) {
      int[] c = columns(rows, LEDGER_COLUMNS, LEDGER_REQUIRED);
      List<ImportProblem> problems = RowReader.newProblemList();
      RowReader r = new RowReader(rows.fileName(), problems);
      List<LedgerEntry> entries = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      Extras extras = new Extras(rows, LEDGER_COLUMNS);
      Interner accounts = new Interner();
      Interner names = new Interner();
      Interner glAccounts = new Interner();
      Interner types = new Interner();
      Interner users = new Interner();
      for (CsvRows.Row row : rows) {
        r.start(row);
        String id = r.required("entry_id", c[0]);
        String account = r.required("account_id", c[1]);
        var posting = r.date("posting_date", c[2], true);
        String currency = r.currency("currency", c[4]);
        Money amount = r.money("amount", c[3], currency);
        var createdAt = r.timestamp("created_at", c[11]);
        if (id != null && !r.bad() && !seen.add(id)) {
          r.fail("entry_id", "duplicate_id", "entry_id '" + id + "' appears twice in the file");
        }
        if (r.bad()) {
          continue;
        }
        entries.add(
            new LedgerEntry(
                new EntryId(id),
                accounts.of(account),
                posting,
                amount,
                names.of(r.optional(c[5])),
                r.optional(c[6]),
                r.optional(c[7]),
                glAccounts.of(r.optional(c[8])),
                types.of(r.optional(c[9])),
                users.of(r.optional(c[10])),
                createdAt,
                Provenance.atLine(source, row.line()),
                extras.of(row)));
      }
      return new ImportResult<>(source, entries, problems, List.of());
    }
  }

  /** Reads match groups (ground truth or a run's result); bad rows are an error. */
  public static List<MatchGroup> readMatches(Path file) {
    try (CsvRows rows = CsvRows.open(file, StandardCharsets.UTF_8, ',', 0)) {
      int[] c = columns(rows, MATCH_COLUMNS, MATCH_COLUMNS.subList(0, 2));
      List<ImportProblem> problems = RowReader.newProblemList();
      RowReader r = new RowReader(rows.fileName(), problems);
      List<MatchGroup> groups = new ArrayList<>();
      for (CsvRows.Row row : rows) {
        r.start(row);
        List<TransactionId> bank = splitIds(r.optional(c[0]), TransactionId::new);
        List<EntryId> ledger = splitIds(r.optional(c[1]), EntryId::new);
        if (bank.isEmpty() && ledger.isEmpty()) {
          r.fail(null, "empty_group", "a match group needs at least one id");
          continue;
        }
        try {
          String stage = r.optional(c[2]);
          String status = r.optional(c[5]);
          String confidence = r.optional(c[4]);
          groups.add(
              new MatchGroup(
                  bank,
                  ledger,
                  stage == null ? null : MatchStage.fromCode(stage),
                  r.optional(c[3]),
                  confidence == null ? 1.0 : Double.parseDouble(confidence),
                  status == null ? null : MatchStatus.fromCode(status),
                  r.optional(c[6]),
                  List.of()));
        } catch (IllegalArgumentException e) {
          r.fail(null, "bad_match_row", e.getMessage());
        }
      }
      if (!problems.isEmpty()) {
        throw new BadInputException(problems);
      }
      return groups;
    }
  }

  private static <T> List<T> splitIds(String joined, Function<String, T> factory) {
    if (joined == null) {
      return List.of();
    }
    return Arrays.stream(joined.split(";"))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .map(factory)
        .toList();
  }

  private static int[] columns(CsvRows rows, List<String> all, List<String> required) {
    List<String> missing = required.stream().filter(n -> rows.column(n) < 0).toList();
    if (!missing.isEmpty()) {
      throw BadInputException.of(
          rows.fileName(),
          1,
          String.join(",", missing),
          "missing_column",
          "header lacks required column(s) " + missing + "; found " + rows.headerNames());
    }
    return all.stream().mapToInt(rows::column).toArray();
  }

  /** Columns the format does not name, kept per row as attributes. */
  private static final class Extras {
    private final Map<Integer, String> unknown = new LinkedHashMap<>();

    Extras(CsvRows rows, List<String> known) {
      List<String> names = rows.headerNames();
      for (int i = 0; i < names.size(); i++) {
        String n = CsvRows.normalise(names.get(i));
        if (!n.isEmpty() && !known.contains(n)) {
          unknown.put(i, names.get(i).strip());
        }
      }
    }

    Map<String, String> of(CsvRows.Row row) {
      if (unknown.isEmpty()) {
        return Map.of();
      }
      Map<String, String> m = new HashMap<>();
      unknown.forEach(
          (i, name) -> {
            String v = row.get(i);
            if (v != null && !v.isEmpty()) {
              m.put(name, v);
            }
          });
      return m;
    }
  }

  // ---- writers ----

  public static void writeBank(Path file, List<BankLine> lines) {
    write(file, BANK_COLUMNS, lines, InterchangeCsv::bankRow);
  }

  /** A bank line's values in {@link #BANK_COLUMNS} order. */
  public static List<Object> bankRow(BankLine b) {
    return new java.util.ArrayList<>(
        Arrays.asList(
            b.id().value(),
            b.accountId(),
            b.bookingDate().toString(),
            b.valueDate() == null ? "" : b.valueDate().toString(),
            b.amount().toPlainString(),
            b.amount().currencyCode(),
            b.counterpartyName(),
            b.counterpartyAccount(),
            b.description(),
            b.bankReference()));
  }

  public static void writeLedger(Path file, List<LedgerEntry> entries) {
    write(file, LEDGER_COLUMNS, entries, InterchangeCsv::ledgerRow);
  }

  /** A ledger entry's values in {@link #LEDGER_COLUMNS} order. */
  public static List<Object> ledgerRow(LedgerEntry e) {
    return new java.util.ArrayList<>(
        Arrays.asList(
            e.id().value(),
            e.accountId(),
            e.postingDate().toString(),
            e.amount().toPlainString(),
            e.amount().currencyCode(),
            e.counterpartyName(),
            e.description(),
            e.documentRef(),
            e.glAccount(),
            e.entryType(),
            e.createdBy(),
            e.createdAt() == null ? "" : e.createdAt().toString()));
  }

  public static void writeMatches(Path file, List<MatchGroup> groups) {
    write(
        file,
        MATCH_COLUMNS,
        groups,
        g ->
            Arrays.asList(
                joinIds(g.bankIds()),
                joinIds(g.ledgerIds()),
                g.stage() == null ? "" : g.stage().code(),
                g.rule(),
                g.stage() == null ? "" : confidence(g.confidence()),
                g.status() == null ? "" : g.status().code(),
                g.explanation()));
  }

  private static String joinIds(List<?> ids) {
    if (ids.size() == 1) {
      return ids.get(0).toString();
    }
    StringBuilder sb = new StringBuilder(ids.size() * 10);
    for (Object id : ids) {
      if (!sb.isEmpty()) {
        sb.append(';');
      }
      sb.append(id);
    }
    return sb.toString();
  }

  /** 0..1 with three decimals, e.g. {@code 0.950}; by hand, as it runs once per group. */
  static String confidence(double c) {
    long milli = Math.round(c * 1000);
    String digits = Long.toString(milli % 1000 + 1000).substring(1);
    return (milli / 1000) + "." + digits;
  }

  /** Rows formatted together: a chunk is one task of the parallel formatting in {@link #write}. */
  private static final int CHUNK_ROWS = 4096;

  /** Chunks formatted side by side before they are written: bounds the text held at once. */
  private static final int CHUNKS_AT_ONCE = 16;

  /**
   * Writes a CSV with one header row; values may be null (written empty). Rows are formatted in
   * chunks side by side and written in their order, so the file is the same as one printer's.
   */
  public static <T> void write(
      Path file, List<String> header, List<T> items, Function<T, List<?>> toRow) {
    try (BufferedWriter w =
        new BufferedWriter(
            new java.io.OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8),
            1 << 20)) {
      w.write(rows(header.size(), List.of(header), x -> x));
      int chunks = (items.size() + CHUNK_ROWS - 1) / CHUNK_ROWS;
      for (int first = 0; first < chunks; first += CHUNKS_AT_ONCE) {
        List<String> texts =
            java.util.stream.IntStream.range(first, Math.min(chunks, first + CHUNKS_AT_ONCE))
                .parallel()
                .mapToObj(
                    c ->
                        rows(
                            header.size(),
                            items.subList(
                                c * CHUNK_ROWS, Math.min(items.size(), (c + 1) * CHUNK_ROWS)),
                            toRow))
                .toList();
        for (String text : texts) {
          w.write(text);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    } catch (UncheckedIOException e) {
      throw new UncheckedIOException("cannot write " + file, e.getCause());
    }
  }

  /** The rows as CSV text, one printer (and format) of their own: formats lock while printing. */
  private static <T> String rows(int columns, List<T> items, Function<T, List<?>> toRow) {
    StringBuilder out = new StringBuilder(items.size() * columns * 16);
    try (CSVPrinter p =
        new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get())) {
      for (T item : items) {
        p.printRecord(toRow.apply(item));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
