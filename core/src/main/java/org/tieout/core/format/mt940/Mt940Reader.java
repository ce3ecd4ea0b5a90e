package org.tieout.core.format.mt940;

import com.prowidesoftware.swift.model.field.Field60F;
import com.prowidesoftware.swift.model.field.Field61;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tieout.core.BankLine;
import org.tieout.core.Money;
import org.tieout.core.Provenance;
import org.tieout.core.SourceFile;
import org.tieout.core.TransactionId;
import org.tieout.core.format.ContentHash;
import org.tieout.core.format.FileIds;
import org.tieout.core.format.ImportProblem;
import org.tieout.core.format.ImportResult;

/**
 * SWIFT MT940 customer statements. Files from real banks wrap the tag block in headers, separators
 * and bank-specific preambles, so the file is split into tags here, line by line (keeping line
 * numbers for provenance), and each field's value is parsed by Prowide's field classes.
 */
public final class Mt940Reader {
  private static final Pattern TAG = Pattern.compile("^:(\\d{2}[A-Z]?):(.*)$");
  private static final int SWIFT_LINE = 65;

  private Mt940Reader() {}

  /** True when the text looks like MT940 (a :20: and a :61: or :60F: tag). */
  public static boolean sniff(String head) {
    return head.contains(":20:") && (head.contains(":25:") || head.contains(":60F:"));
  }

  public static ImportResult<BankLine> read(Path file, Charset charset) {
    SourceFile source = ContentHash.sourceOf(file);
    List<String> lines;
    try {
      lines = Files.readAllLines(file, charset);
    } catch (IOException | UncheckedIOException e) {
      return new ImportResult<>(
          source,
          List.of(),
          List.of(
              new ImportProblem(
                  source.name(), 0, null, "unreadable", String.valueOf(e.getMessage()), null)),
          List.of());
    }
    return new Parse(source, lines).run();
  }

  /** A tag with its value (continuation lines included) and the line it started on. */
  private record Tag(String name, String value, List<String> valueLines, long line) {}

  private static final class Parse {
    private final SourceFile source;
    private final List<String> lines;
    private final List<BankLine> items = new ArrayList<>();
    private final List<ImportProblem> problems = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final FileIds ids = new FileIds("MT940");
    private String account;
    private String currency;
    private String statementRef;
    private Money running;
    private long openingLine;

    Parse(SourceFile source, List<String> lines) {
      this.source = source;
      this.lines = lines;
    }

    ImportResult<BankLine> run() {
      List<Tag> tags = tags();
      if (tags.stream().noneMatch(t -> t.name().equals("20"))) {
        problems.add(
            problem(0, null, "not_mt940", "no :20: tag found; this is not an MT940 statement"));
      }
      for (int i = 0; i < tags.size(); i++) {
        Tag t = tags.get(i);
        switch (t.name()) {
          case "20" -> {
            statementRef = t.value().strip();
            account = null;
            currency = null;
          }
          case "25" -> account = accountOf(t.value());
          case "60F", "60M" -> {
            currency = currencyOf(t);
            running = balanceOf(t);
            openingLine = t.line();
          }
          case "62F", "62M" -> checkClosing(t);
          case "61" -> {
            Tag details =
                i + 1 < tags.size() && tags.get(i + 1).name().equals("86") ? tags.get(i + 1) : null;
            statementLine(t, details);
          }
          default -> {
            // balances (62F/64/65), statement numbers and other tags carry no transactions
          }
        }
      }
      return new ImportResult<>(source, items, problems, notes);
    }

    private List<Tag> tags() {
      List<Tag> tags = new ArrayList<>();
      String name = null;
      List<String> value = null;
      long start = 0;
      for (int n = 0; n < lines.size(); n++) {
        String line = stripControl(lines.get(n));
        Matcher m = TAG.matcher(line);
        if (m.matches() && !m.group(1).equals("940")) {
          if (name != null) {
            tags.add(new Tag(name, String.join("\n", value), value, start));
          }
          name = m.group(1);
          value = new ArrayList<>(List.of(m.group(2)));
          start = n + 1L;
        } else if (name != null) {
          if (line.equals("-") || line.startsWith("-}") || line.startsWith("{") || line.isBlank()) {
            tags.add(new Tag(name, String.join("\n", value), value, start));
            name = null;
          } else {
            value.add(line);
          }
        }
      }
      if (name != null) {
        tags.add(new Tag(name, String.join("\n", value), value, start));
      }
      return tags;
    }

    private static String stripControl(String s) {
      return s.replace("\r", "").replace("\u00AD", "-");
    }

    private static String accountOf(String value) {
      String v = value.strip();
      int space = v.indexOf(' ');
      return space > 0 ? v.substring(0, space) : v;
    }

    private String currencyOf(Tag t) {
      try {
        String c = new Field60F(t.value().strip()).getCurrency();
        return Money.currency(c).getCurrencyCode();
      } catch (RuntimeException e) {
        problems.add(
            problem(
                t.line(),
                ":" + t.name() + ":",
                "bad_balance",
                "cannot read the currency of the opening balance '" + t.value() + "'"));
        return null;
      }
    }

    private Money balanceOf(Tag t) {
      if (currency == null) {
        return null;
      }
      try {
        Field60F f = new Field60F(t.value().strip());
        Money m = Money.of(f.getAmountAsBigDecimal(), currency);
        return "D".equals(f.getDCMark()) ? m.negate() : m;
      } catch (RuntimeException e) {
        return null;
      }
    }

    /** Opening balance plus the lines must give the closing balance, or lines are missing. */
    private void checkClosing(Tag t) {
      Money closing = balanceOf(t);
      if (running != null && closing != null && !running.equals(closing)) {
        // A warning, not a rejection: sample and anonymised files often carry made-up balances.
        notes.add(
            source.name()
                + " line "
                + t.line()
                + ": opening balance (line "
                + openingLine
                + ") plus the statement lines gives "
                + running.toPlainString()
                + " but the closing balance says "
                + closing.toPlainString()
                + "; the statement may be incomplete");
      }
      running = null;
    }

    private void statementLine(Tag t, Tag details) {
      if (account == null) {
        problems.add(
            problem(
                t.line(),
                ":25:",
                "missing_account",
                "statement line before any :25: account identification"));
        return;
      }
      if (currency == null) {
        problems.add(
            problem(
                t.line(),
                ":60F:",
                "missing_currency",
                "statement line before an opening balance gave the currency"));
        return;
      }
      Field61 f;
      try {
        f = new Field61(t.value());
      } catch (RuntimeException e) {
        problems.add(
            problem(
                t.line(), ":61:", "bad_statement_line", "cannot parse :61: '" + t.value() + "'"));
        return;
      }
      LocalDate valueDate = yymmdd(f.getValueDate());
      BigDecimal amount = f.getAmountAsBigDecimal();
      String mark = f.getDebitCreditMark();
      if (valueDate == null || amount == null || mark == null) {
        problems.add(
            problem(
                t.line(),
                ":61:",
                "bad_statement_line",
                "statement line lacks a value date, mark or amount: '" + t.value() + "'"));
        return;
      }
      // D and RC (reversal of a credit) take money out; C and RD (reversal of a debit) bring it in.
      boolean out = mark.equals("D") || mark.equals("RC");
      Money money;
      try {
        money = Money.of(out ? amount.negate() : amount, currency);
      } catch (NumberFormatException e) {
        problems.add(problem(t.line(), ":61:", "bad_amount", e.getMessage()));
        return;
      }
      if (running != null) {
        running = running.plus(money);
      }
      LocalDate booking = entryDate(valueDate, f.getEntryDate());
      String text = details == null ? null : detailsText(details.valueLines());
      String ownerRef = blankOrNonref(f.getReferenceForTheAccountOwner());
      String bankRef = blankOrNonref(f.getReferenceOfTheAccountServicingInstitution());
      String supplementary = blankOrNonref(f.getSupplementaryDetails());
      // the id is made of the field as written, so that it stays what earlier imports made it
      String id =
          ids.next(
              bankRef,
              account
                  + '|'
                  + valueDate
                  + '|'
                  + money
                  + '|'
                  + joinNonNull(ownerRef, supplementary, text));
      String description = joinNonNull(ownerRef, supplementary, Mt940Details.readable(text));
      items.add(
          new BankLine(
              new TransactionId(id),
              account,
              booking,
              valueDate,
              money,
              Mt940Details.counterpartyName(text),
              Mt940Details.counterpartyAccount(text),
              description,
              bankRef != null ? bankRef : ownerRef,
              Provenance.atLine(source, t.line()),
              statementRef == null ? Map.of() : Map.of("statement_ref", statementRef)));
    }

    private ImportProblem problem(long line, String column, String code, String message) {
      return new ImportProblem(
          source.name(), line, column, code, message, line > 0 ? lines.get((int) line - 1) : null);
    }
  }

  /** Joins :86: continuation lines; a full 65-character line was wrapped mid-word. */
  static String detailsText(List<String> valueLines) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < valueLines.size(); i++) {
      String line = valueLines.get(i);
      sb.append(line);
      boolean wrapped = line.length() + (i == 0 ? 4 : 0) >= SWIFT_LINE;
      if (i + 1 < valueLines.size() && !wrapped) {
        sb.append(' ');
      }
    }
    String s = sb.toString().strip().replaceAll("\\s+", " ");
    return s.isEmpty() ? null : s;
  }

  private static String blankOrNonref(String s) {
    if (s == null || s.isBlank() || s.strip().equalsIgnoreCase("NONREF")) {
      return null;
    }
    return s.strip();
  }

  private static String joinNonNull(String... parts) {
    StringBuilder sb = new StringBuilder();
    for (String p : parts) {
      if (p != null && !p.isBlank()) {
        if (!sb.isEmpty()) {
          sb.append(" | ");
        }
        sb.append(p.strip());
      }
    }
    return sb.isEmpty() ? null : sb.toString();
  }

  static LocalDate yymmdd(String s) {
    if (s == null || s.length() != 6) {
      return null;
    }
    try {
      int yy = Integer.parseInt(s.substring(0, 2));
      // SWIFT years are two digits; statements from before 1980 are not a realistic input.
      int year = yy >= 80 ? 1900 + yy : 2000 + yy;
      return LocalDate.of(
          year, Integer.parseInt(s.substring(2, 4)), Integer.parseInt(s.substring(4, 6)));
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The optional MMDD entry date, in the year that puts it nearest the value date. */
  static LocalDate entryDate(LocalDate valueDate, String mmdd) {
    if (mmdd == null || mmdd.length() != 4) {
      return valueDate;
    }
    try {
      int month = Integer.parseInt(mmdd.substring(0, 2));
      int day = Integer.parseInt(mmdd.substring(2, 4));
      LocalDate best = null;
      for (int year = valueDate.getYear() - 1; year <= valueDate.getYear() + 1; year++) {
        LocalDate d =
            LocalDate.of(
                year, month, Math.min(day, java.time.YearMonth.of(year, month).lengthOfMonth()));
        if (best == null
            || Math.abs(d.toEpochDay() - valueDate.toEpochDay())
                < Math.abs(best.toEpochDay() - valueDate.toEpochDay())) {
          best = d;
        }
      }
      return best;
    } catch (RuntimeException e) {
      return valueDate;
    }
  }
}
