package org.tieout.core.format.mapping;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tieout.core.BankLine;
import org.tieout.core.Money;
import org.tieout.core.Provenance;
import org.tieout.core.SourceFile;
import org.tieout.core.TransactionId;
import org.tieout.core.format.BadInputException;
import org.tieout.core.format.ContentHash;
import org.tieout.core.format.ImportProblem;
import org.tieout.core.format.ImportResult;
import org.tieout.core.format.MappedRows;

/** Reads a bank's own CSV layout through a {@link CsvMapping}. */
public final class MappedCsvReader {
  private MappedCsvReader() {}

  public static ImportResult<BankLine> read(Path file, CsvMapping mapping) {
    SourceFile source = ContentHash.sourceOf(file);
    DateTimeFormatter dates =
        DateTimeFormatter.ofPattern(
                mapping.dateFormat().replace("yyyy", "uuuu").replace("yy", "uu"), Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
    List<BankLine> lines = new ArrayList<>();
    List<ImportProblem> problems = new ArrayList<>();
    Map<String, Integer> idCounts = new HashMap<>();
    try (MappedRows rows =
        MappedRows.open(
            file,
            Charset.forName(mapping.encoding()),
            mapping.delimiter().charAt(0),
            mapping.skipLines())) {
      List<String> missing = rows.missing(mapping.requiredHeaders());
      if (!missing.isEmpty()) {
        throw BadInputException.of(
            source.name(),
            mapping.skipLines() + 1L,
            String.join(",", missing),
            "missing_column",
            "mapping '"
                + mapping.name()
                + "' needs column(s) "
                + missing
                + "; found "
                + rows.headerNames());
      }
      CsvMapping.Columns c = mapping.columns();
      for (MappedRows.Row row : rows) {
        String account = c.accountId() != null ? row.required(c.accountId()) : mapping.accountId();
        String currency = c.currency() != null ? row.currency(c.currency()) : mapping.currency();
        LocalDate booking = date(row, c.bookingDate(), true, dates);
        LocalDate value = c.valueDate() == null ? null : date(row, c.valueDate(), false, dates);
        Money amount = currency == null ? null : amount(row, mapping, currency);
        String description = description(row, c.description());
        if (row.bad() || account == null || currency == null) {
          continue;
        }
        String idText = c.transactionId() == null ? null : row.optional(c.transactionId());
        String id = idText != null ? idText : derivedId(account, row.raw(), idCounts);
        lines.add(
            new BankLine(
                new TransactionId(id),
                account,
                booking,
                value,
                amount,
                c.counterpartyName() == null ? null : row.optional(c.counterpartyName()),
                c.counterpartyAccount() == null ? null : row.optional(c.counterpartyAccount()),
                description,
                c.bankReference() == null ? null : row.optional(c.bankReference()),
                Provenance.atLine(source, row.line()),
                Map.of("mapping", mapping.name())));
      }
      problems.addAll(rows.problems());
    }
    return new ImportResult<>(source, lines, problems, List.of());
  }

  /** Files without ids get one from the row's text: the same file always gets the same ids. */
  private static String derivedId(String account, String raw, Map<String, Integer> counts) {
    String base = "ROW-" + ContentHash.sha256(account + '|' + raw).substring(0, 16);
    int n = counts.merge(base, 1, Integer::sum);
    return n == 1 ? base : base + "-" + n;
  }

  private static LocalDate date(
      MappedRows.Row row, String column, boolean required, DateTimeFormatter f) {
    String v = required ? row.required(column) : row.optional(column);
    if (v == null) {
      return null;
    }
    try {
      return LocalDate.parse(v, f);
    } catch (DateTimeParseException e) {
      row.fail(column, "bad_date", "'" + v + "' does not match the date format of this mapping");
      return null;
    }
  }

  private static Money amount(MappedRows.Row row, CsvMapping m, String currency) {
    CsvMapping.Columns c = m.columns();
    try {
      switch (m.sign()) {
        case "signed", "inverted" -> {
          String v = row.required(c.amount());
          if (v == null) {
            return null;
          }
          Money money =
              Money.ofMinor(
                  AmountText.parse(v, m.decimalSeparator(), m.thousandsSeparator(), currency),
                  currency);
          return m.sign().equals("inverted") ? money.negate() : money;
        }
        case "debit_credit" -> {
          String debit = row.optional(c.debit());
          String credit = row.optional(c.credit());
          if ((debit == null) == (credit == null)) {
            row.fail(
                c.debit() + "/" + c.credit(),
                "bad_amount",
                "exactly one of debit and credit must have a value");
            return null;
          }
          String v = debit != null ? debit : credit;
          long minor =
              Math.abs(AmountText.parse(v, m.decimalSeparator(), m.thousandsSeparator(), currency));
          return Money.ofMinor(debit != null ? -minor : minor, currency);
        }
        case "indicator" -> {
          String v = row.required(c.amount());
          String ind = row.required(c.indicator());
          if (v == null || ind == null) {
            return null;
          }
          long minor =
              Math.abs(AmountText.parse(v, m.decimalSeparator(), m.thousandsSeparator(), currency));
          String key = ind.strip().toUpperCase(Locale.ROOT);
          if (m.debitValues().contains(key)) {
            return Money.ofMinor(-minor, currency);
          }
          if (m.creditValues().contains(key)) {
            return Money.ofMinor(minor, currency);
          }
          row.fail(
              c.indicator(),
              "bad_indicator",
              "'"
                  + ind
                  + "' is neither a debit "
                  + m.debitValues()
                  + " nor a credit "
                  + m.creditValues()
                  + " value");
          return null;
        }
        default -> throw new IllegalStateException("validated mapping has sign " + m.sign());
      }
    } catch (NumberFormatException e) {
      row.fail(
          c.amount() != null ? c.amount() : c.debit() + "/" + c.credit(),
          "bad_amount",
          e.getMessage());
      return null;
    }
  }

  private static String description(MappedRows.Row row, List<String> columns) {
    if (columns == null || columns.isEmpty()) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    for (String col : columns) {
      String v = row.optional(col);
      if (v != null) {
        if (!sb.isEmpty()) {
          sb.append(' ');
        }
        sb.append(v);
      }
    }
    return sb.isEmpty() ? null : sb.toString();
  }
}
