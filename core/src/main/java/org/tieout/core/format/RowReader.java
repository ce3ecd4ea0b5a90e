package org.tieout.core.format;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.tieout.core.Money;

/**
 * Reads the fields of one row and collects what is wrong with them, so that a row with three bad
 * fields reports all three. A row with any problem yields no item: never a zero amount or a default
 * date in its place.
 */
final class RowReader {
  private final String file;
  private final List<ImportProblem> problems;
  private CsvRows.Row row;
  private boolean bad;

  RowReader(String file, List<ImportProblem> problems) {
    this.file = file;
    this.problems = problems;
  }

  void start(CsvRows.Row newRow) {
    this.row = newRow;
    this.bad = false;
  }

  boolean bad() {
    return bad;
  }

  long line() {
    return row.line();
  }

  void fail(String column, String code, String message) {
    bad = true;
    problems.add(new ImportProblem(file, row.line(), column, code, message, row.raw()));
  }

  String optional(int index) {
    return Fields.blankToNull(row.get(index));
  }

  String required(String column, int index) {
    String v = optional(index);
    if (v == null) {
      fail(column, "missing_value", column + " is required but empty");
    }
    return v;
  }

  LocalDate date(String column, int index, boolean isRequired) {
    String v = isRequired ? required(column, index) : optional(index);
    if (v == null) {
      return null;
    }
    try {
      return Fields.isoDate(v);
    } catch (IllegalArgumentException e) {
      fail(column, "bad_date", e.getMessage());
      return null;
    }
  }

  OffsetDateTime timestamp(String column, int index) {
    String v = optional(index);
    if (v == null) {
      return null;
    }
    try {
      return Fields.timestamp(v);
    } catch (IllegalArgumentException e) {
      fail(column, "bad_timestamp", e.getMessage());
      return null;
    }
  }

  /** Validates the currency code; null (with a problem recorded) when it is missing or unknown. */
  String currency(String column, int index) {
    String v = required(column, index);
    if (v == null) {
      return null;
    }
    try {
      return Money.currency(v).getCurrencyCode();
    } catch (IllegalArgumentException e) {
      fail(column, "bad_currency", e.getMessage());
      return null;
    }
  }

  Money money(String column, int index, String currencyCode) {
    String v = required(column, index);
    if (v == null || currencyCode == null) {
      return null;
    }
    try {
      return Money.parse(v, currencyCode);
    } catch (NumberFormatException | ArithmeticException e) {
      fail(column, "bad_amount", e.getMessage());
      return null;
    }
  }

  static List<ImportProblem> newProblemList() {
    return new ArrayList<>();
  }
}
