package org.tieout.core.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tieout.core.BankLine;
import org.tieout.core.LedgerEntry;
import org.tieout.core.MatchGroup;
import org.tieout.core.MatchStatus;
import org.tieout.core.Money;

class InterchangeCsvTest {
  @TempDir Path dir;

  private Path write(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content);
  }

  @Test
  void readsColumnsByNameInAnyOrderAndKeepsUnknownOnesAsAttributes() throws Exception {
    Path f =
        write(
            "bank.csv",
            """
        amount,transaction_id,currency,booking_date,account_id,branch,description
        -1250.40,T1,EUR,2026-03-01,DE01,Munich,"Invoice INV-1, thanks"
        """);
    ImportResult<BankLine> r = InterchangeCsv.readBank(f);
    assertThat(r.problems()).isEmpty();
    BankLine b = r.items().get(0);
    assertThat(b.amount()).isEqualTo(Money.parse("-1250.40", "EUR"));
    assertThat(b.description()).isEqualTo("Invoice INV-1, thanks");
    assertThat(b.attributes()).containsEntry("branch", "Munich");
    assertThat(b.provenance().location()).isEqualTo("bank.csv:2");
    assertThat(r.source().contentHash()).hasSize(64);
  }

  @Test
  void reportsEveryBadFieldWithItsLineAndColumnAndKeepsTheGoodRows() throws Exception {
    Path f =
        write(
            "bank.csv",
            """
        transaction_id,account_id,booking_date,amount,currency
        T1,DE01,2026-03-01,10.00,EUR
        T2,DE01,2026-02-30,1O.00,EUR
        "T3",DE01,2026-03-02,"5.00",EURO
        T4,DE01,2026-03-03,,EUR
        T5,DE01,2026-03-04,7.5,EUR
        """);
    ImportResult<BankLine> r = InterchangeCsv.readBank(f);
    assertThat(r.items()).extracting(b -> b.id().value()).containsExactly("T1", "T5");
    assertThat(r.problems())
        .extracting(ImportProblem::line, ImportProblem::column, ImportProblem::code)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(3L, "booking_date", "bad_date"),
            org.assertj.core.groups.Tuple.tuple(3L, "amount", "bad_amount"),
            org.assertj.core.groups.Tuple.tuple(4L, "currency", "bad_currency"),
            org.assertj.core.groups.Tuple.tuple(5L, "amount", "missing_value"));
    assertThat(r.problems().get(0).describe()).startsWith("bank.csv line 3, column booking_date:");
    assertThat(r.problems().get(0).raw()).contains("2026-02-30");
  }

  @Test
  void countsLinesInsideQuotedFieldsForTheLineNumber() throws Exception {
    Path f =
        write(
            "ledger.csv",
            """
        entry_id,account_id,posting_date,amount,currency,description
        L1,DE01,2026-03-01,10.00,EUR,"two
        lines"
        L2,DE01,2026-03-01,abc,EUR,x
        """);
    ImportResult<LedgerEntry> r = InterchangeCsv.readLedger(f);
    assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(4));
    assertThat(r.items().get(0).provenance().line()).isEqualTo(2);
  }

  @Test
  void refusesADuplicateIdInOneFile() throws Exception {
    Path f =
        write(
            "ledger.csv",
            """
        entry_id,account_id,posting_date,amount,currency
        L1,DE01,2026-03-01,10.00,EUR
        L1,DE01,2026-03-02,11.00,EUR
        """);
    assertThat(InterchangeCsv.readLedger(f).problems())
        .singleElement()
        .satisfies(p -> assertThat(p.code()).isEqualTo("duplicate_id"));
  }

  @Test
  void aMissingRequiredColumnIsAFileError() throws Exception {
    Path f = write("bank.csv", "transaction_id,account_id,amount,currency\nT1,DE01,1.00,EUR\n");
    assertThatThrownBy(() -> InterchangeCsv.readBank(f))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("bank.csv line 1")
        .hasMessageContaining("booking_date");
  }

  @Test
  void matchesRoundTrip() throws Exception {
    Path f = dir.resolve("matches.csv");
    MatchGroup g =
        new MatchGroup(
            List.of(
                new org.tieout.core.TransactionId("B1"), new org.tieout.core.TransactionId("B2")),
            List.of(new org.tieout.core.EntryId("L1")),
            org.tieout.core.MatchStage.RULE,
            "split_payment",
            0.9,
            MatchStatus.AUTO_MATCHED,
            "two lines pay L1",
            List.of());
    InterchangeCsv.writeMatches(f, List.of(g));
    MatchGroup back = InterchangeCsv.readMatches(f).get(0);
    assertThat(back.bankIds()).isEqualTo(g.bankIds());
    assertThat(back.ledgerIds()).isEqualTo(g.ledgerIds());
    assertThat(back.status()).isEqualTo(MatchStatus.AUTO_MATCHED);
    assertThat(back.rule()).isEqualTo("split_payment");
    assertThat(back.explanation()).isEqualTo("two lines pay L1");
  }

  @Test
  void confidenceIsWrittenWithThreeDecimals() {
    assertThat(InterchangeCsv.confidence(0.95)).isEqualTo("0.950");
    assertThat(InterchangeCsv.confidence(1.0)).isEqualTo("1.000");
    assertThat(InterchangeCsv.confidence(0.0004)).isEqualTo("0.000");
    assertThat(InterchangeCsv.confidence(0.0625)).isEqualTo("0.063");
  }

  @Test
  void aLargeFileIsWrittenInRowOrderAsOnePrinterWouldWriteIt() throws Exception {
    // more rows than several formatting chunks, with values that need quoting and empty ones
    java.util.Random random = new java.util.Random(7);
    String[] texts = {"plain", "with, comma", "with \"quotes\"", "two\nlines", "", null, "ünïcode"};
    List<List<String>> rows = new java.util.ArrayList<>();
    for (int i = 0; i < 30_001; i++) {
      rows.add(
          java.util.Arrays.asList(
              "R" + i, texts[random.nextInt(texts.length)], texts[random.nextInt(texts.length)]));
    }
    Path f = dir.resolve("rows.csv");
    InterchangeCsv.write(f, List.of("id", "a", "b"), rows, r -> r);

    StringBuilder expected = new StringBuilder();
    try (org.apache.commons.csv.CSVPrinter p =
        new org.apache.commons.csv.CSVPrinter(
            expected,
            org.apache.commons.csv.CSVFormat.RFC4180
                .builder()
                .setRecordSeparator('\n')
                .setHeader("id", "a", "b")
                .get())) {
      for (List<String> r : rows) {
        p.printRecord(r);
      }
    }
    assertThat(Files.readString(f)).isEqualTo(expected.toString());
    try (org.apache.commons.csv.CSVParser back =
        org.apache.commons.csv.CSVParser.parse(
            f,
            java.nio.charset.StandardCharsets.UTF_8,
            org.apache.commons.csv.CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get())) {
      List<org.apache.commons.csv.CSVRecord> records = back.getRecords();
      assertThat(records).hasSize(rows.size());
      assertThat(records.get(29_999).get("id")).isEqualTo("R29999");
      assertThat(records.get(4096).get("a"))
          .isEqualTo(java.util.Objects.toString(rows.get(4096).get(1), ""));
    }
  }
}
