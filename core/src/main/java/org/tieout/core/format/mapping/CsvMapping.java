package org.tieout.core.format.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * How a bank's own CSV layout maps onto bank lines: which columns hold what, how dates and amounts
 * are written, and how the sign is expressed. Loaded from YAML; see {@code docs/csv-mappings.md}
 * for how to write one.
 *
 * @param sign {@code signed} (one signed amount column), {@code inverted} (one column, positive
 *     means money out), {@code debit_credit} (separate debit and credit columns) or {@code
 *     indicator} (an unsigned amount and a debit/credit indicator column)
 * @param accountId constant account id when the file has no account column
 * @param currency constant currency when the file has no currency column
 */
public record CsvMapping(
    String name,
    String description,
    String encoding,
    String delimiter,
    Integer skipLines,
    String dateFormat,
    String decimalSeparator,
    String thousandsSeparator,
    String sign,
    String accountId,
    String currency,
    List<String> debitValues,
    List<String> creditValues,
    Columns columns) {

  public static final List<String> BUILT_IN =
      List.of("de-semicolon", "us-debit-credit", "uk-indicator");

  /** Column names in the bank's file. {@code description} may join several columns. */
  public record Columns(
      String transactionId,
      String accountId,
      String bookingDate,
      String valueDate,
      String amount,
      String debit,
      String credit,
      String indicator,
      String currency,
      String counterpartyName,
      String counterpartyAccount,
      List<String> description,
      String bankReference) {}

  public CsvMapping {
    encoding = encoding == null ? "UTF-8" : encoding;
    delimiter = delimiter == null ? "," : delimiter;
    skipLines = skipLines == null ? 0 : skipLines;
    dateFormat = dateFormat == null ? "yyyy-MM-dd" : dateFormat;
    decimalSeparator = decimalSeparator == null ? "." : decimalSeparator;
    thousandsSeparator = thousandsSeparator == null ? "" : thousandsSeparator;
    sign = sign == null ? "signed" : sign.toLowerCase(Locale.ROOT);
    debitValues = debitValues == null ? List.of("D", "DR", "DEBIT", "S") : List.copyOf(debitValues);
    creditValues =
        creditValues == null ? List.of("C", "CR", "CREDIT", "H") : List.copyOf(creditValues);
  }

  /** What is wrong with this mapping, or an empty list. */
  public List<String> validate() {
    List<String> errors = new ArrayList<>();
    if (columns == null) {
      errors.add("columns: missing");
      return errors;
    }
    if (columns.bookingDate() == null) {
      errors.add("columns.booking_date: missing");
    }
    switch (sign) {
      case "signed", "inverted" -> require(errors, columns.amount(), "columns.amount");
      case "debit_credit" -> {
        require(errors, columns.debit(), "columns.debit");
        require(errors, columns.credit(), "columns.credit");
      }
      case "indicator" -> {
        require(errors, columns.amount(), "columns.amount");
        require(errors, columns.indicator(), "columns.indicator");
      }
      default ->
          errors.add(
              "sign: must be signed, inverted, debit_credit or indicator, not '" + sign + "'");
    }
    if (columns.accountId() == null && accountId == null) {
      errors.add("account_id: give columns.account_id or a constant account_id");
    }
    if (columns.currency() == null && currency == null) {
      errors.add("currency: give columns.currency or a constant currency");
    }
    if (delimiter.length() != 1) {
      errors.add("delimiter: must be one character");
    }
    return errors;
  }

  private static void require(List<String> errors, String value, String name) {
    if (value == null) {
      errors.add(name + ": missing");
    }
  }

  /** The header names a file must have for this mapping to apply. */
  public List<String> requiredHeaders() {
    List<String> h = new ArrayList<>();
    for (String c :
        new String[] {
          columns.bookingDate(),
          columns.amount(),
          columns.debit(),
          columns.credit(),
          columns.indicator(),
          columns.accountId(),
          columns.currency()
        }) {
      if (c != null) {
        h.add(c);
      }
    }
    return h;
  }

  private static final YAMLMapper YAML =
      YAMLMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  public static CsvMapping load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read mapping " + file, e);
    }
  }

  /** A mapping shipped with Tieout, by name (see {@link #BUILT_IN}). */
  public static CsvMapping builtIn(String name) {
    InputStream in = CsvMapping.class.getResourceAsStream(name + ".yaml");
    if (in == null) {
      throw new IllegalArgumentException("no built-in mapping '" + name + "'; known: " + BUILT_IN);
    }
    try (in) {
      return parse(in, name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A path to a YAML file, or the name of a built-in mapping. */
  public static CsvMapping resolve(String pathOrName) {
    Path p = Path.of(pathOrName);
    return Files.isRegularFile(p) ? load(p) : builtIn(pathOrName);
  }

  private static CsvMapping parse(InputStream in, String origin) {
    CsvMapping m;
    try {
      m = YAML.readValue(in, CsvMapping.class);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "mapping " + origin + " is not valid: " + e.getMessage(), e);
    }
    List<String> errors = m.validate();
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException(
          "mapping " + origin + " is not valid: " + String.join("; ", errors));
    }
    return m;
  }
}
