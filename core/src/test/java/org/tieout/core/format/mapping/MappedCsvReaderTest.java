package org.tieout.core.format.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tieout.core.BankLine;
import org.tieout.core.Money;
import org.tieout.core.format.BankStatementFiles;
import org.tieout.core.format.ImportResult;

class MappedCsvReaderTest {
  @TempDir Path dir;

  @Test
  void germanExportWithDecimalCommaWindows1252AndTwoDigitYearsIsRecognisedByItsHeader()
      throws Exception {
    Path f = dir.resolve("umsaetze.csv");
    Files.writeString(
        f,
        """
        Auftragskonto;Buchungstag;Valutadatum;Buchungstext;Verwendungszweck;Beguenstigter/Zahlungspflichtiger;Kontonummer/IBAN;Betrag;Waehrung;Kundenreferenz (End-to-End)
        DE89370400440532013000;02.03.26;03.03.26;GUTSCHRIFT;RE-2026-0042 Müller;Müller GmbH;DE02120300000000202051;1.234,56;EUR;E2E-1
        DE89370400440532013000;04.03.26;04.03.26;LASTSCHRIFT;Miete März;Hausverwaltung;DE02120300000000202052;-950,00;EUR;
        """,
        Charset.forName("windows-1252"));
    ImportResult<BankLine> r = BankStatementFiles.read(f, null);
    assertThat(r.problems()).isEmpty();
    assertThat(r.items()).hasSize(2);
    BankLine first = r.items().get(0);
    assertThat(first.amount()).isEqualTo(Money.parse("1234.56", "EUR"));
    assertThat(first.bookingDate()).isEqualTo(LocalDate.of(2026, 3, 2));
    assertThat(first.counterpartyName()).isEqualTo("Müller GmbH");
    assertThat(first.description()).isEqualTo("GUTSCHRIFT RE-2026-0042 Müller");
    assertThat(r.items().get(1).amount()).isEqualTo(Money.parse("-950.00", "EUR"));
    // no id column: ids come from the row, the same on every import
    assertThat(BankStatementFiles.read(f, null).items().get(0).id()).isEqualTo(first.id());
  }

  @Test
  void usExportWithSeparateDebitAndCreditColumns() throws Exception {
    Path f = dir.resolve("activity.csv");
    Files.writeString(
        f,
        """
        Transaction ID,Posting Date,Description,Memo,Payee,Debit,Credit,Check or Slip #
        9001,03/02/2026,ACH CREDIT,INV 1042,ACME CORP,,"1,250.00",
        9002,03/03/2026,CHECK,,J SMITH,75.10,,1187
        """);
    ImportResult<BankLine> r = BankStatementFiles.read(f, CsvMapping.builtIn("us-debit-credit"));
    assertThat(r.problems()).isEmpty();
    assertThat(r.items())
        .extracting(BankLine::amount)
        .containsExactly(Money.parse("1250.00", "USD"), Money.parse("-75.10", "USD"));
    assertThat(r.items().get(1).bankReference()).isEqualTo("1187");
    assertThat(r.items().get(0).accountId()).isEqualTo("US-CHECKING");
  }

  @Test
  void ukExportWithAnIndicatorColumnAndABadRow() throws Exception {
    Path f = dir.resolve("statement.csv");
    Files.writeString(
        f,
        """
        Date,Account Number,Name,Reference,Details,Value,Dr/Cr
        02/03/2026,12345678,ACME LTD,INV-77,,100.00,CR
        03/03/2026,12345678,RENT CO,,March rent,900.00,XX
        31/02/2026,12345678,RENT CO,,,1.00,DR
        """);
    ImportResult<BankLine> r = BankStatementFiles.read(f, null);
    assertThat(r.items())
        .singleElement()
        .satisfies(b -> assertThat(b.amount()).isEqualTo(Money.parse("100.00", "GBP")));
    assertThat(r.problems())
        .extracting(p -> p.line() + ":" + p.code())
        .containsExactly("3:bad_indicator", "4:bad_date");
  }

  @Test
  void aMappingMissingWhatItsSignConventionNeedsIsRefusedWithTheReason() throws Exception {
    Path m = dir.resolve("bad.yaml");
    Files.writeString(
        m,
        """
        name: broken
        sign: debit_credit
        currency: EUR
        account_id: X
        columns:
          booking_date: Date
          debit: Out
        """);
    assertThatThrownBy(() -> CsvMapping.load(m)).hasMessageContaining("columns.credit: missing");
  }

  @Test
  void aByteOrderMarkBeforeTheHeaderIsNoPartOfIt() throws Exception {
    // spreadsheet programs save "CSV UTF-8" with a byte-order mark
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    Path interchange = dir.resolve("bank.csv");
    Files.write(interchange, bom);
    Files.writeString(
        interchange,
        "transaction_id,account_id,booking_date,value_date,amount,currency,counterparty_name,"
            + "counterparty_account,description,bank_reference\r\n"
            + "T1,DE12,2026-03-02,2026-03-02,120.00,EUR,ACME,,INV 7,\r\n",
        java.nio.file.StandardOpenOption.APPEND);
    assertThat(BankStatementFiles.read(interchange, null).items())
        .singleElement()
        .satisfies(b -> assertThat(b.amount()).isEqualTo(Money.parse("120.00", "EUR")));
    Path uk = dir.resolve("uk.csv");
    Files.write(uk, bom);
    Files.writeString(
        uk,
        "Date,Account Number,Name,Reference,Details,Value,Dr/Cr\n"
            + "02/03/2026,12345678,ACME LTD,INV-77,,100.00,CR\n",
        java.nio.file.StandardOpenOption.APPEND);
    assertThat(BankStatementFiles.read(uk, null).items()).hasSize(1);
  }

  @Test
  void aFileNoMappingFitsIsRefusedWithAHint() throws Exception {
    Path f = dir.resolve("odd.csv");
    Files.writeString(f, "when,how much\n2026-01-01,3\n");
    assertThatThrownBy(() -> BankStatementFiles.read(f, null)).hasMessageContaining("--mapping");
  }
}
