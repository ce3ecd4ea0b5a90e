package org.tieout.core.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tieout.core.BankLine;
import org.tieout.core.Money;

/**
 * Real CAMT.053 and MT940 files from several banks import with the amounts, signs and dates their
 * own parsers report.
 */
class BankStatementFixturesTest {

  static Stream<String> mt940Files() {
    return Stream.of(
        "jejik-ing",
        "jejik-abnamro",
        "jejik-rabobank-iban",
        "mBank-mt940",
        "betterplace-sepa_mt9401");
  }

  static Stream<String> camtFiles() {
    return Stream.of("camt053.v2.minimal", "camt053.v2.multi.statement", "camt053.v8");
  }

  @ParameterizedTest
  @MethodSource("mt940Files")
  void mt940ImportsEveryTransactionWithBanksAmountsSignsAndValueDates(String name)
      throws Exception {
    Path file = resource("mt940/" + name + ".sta");
    ImportResult<BankLine> result = BankStatementFiles.read(file, null);
    assertThat(result.problems()).isEmpty();
    List<String[]> expected = expected("mt940/" + name + ".expected.csv");
    assertThat(result.items()).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      String[] e = expected.get(i);
      BankLine line = result.items().get(i);
      assertThat(line.amount())
          .as("amount of transaction %d", i)
          .isEqualTo(Money.of(new BigDecimal(e[0]), e[1]));
      assertThat(line.valueDate())
          .as("value date of transaction %d", i)
          .isEqualTo(LocalDate.parse(e[2]));
      assertThat(line.provenance().line()).isPositive();
    }
    assertThat(result.items().stream().map(b -> b.id().value()).distinct()).hasSameSizeAs(expected);
  }

  @ParameterizedTest
  @MethodSource("camtFiles")
  void camt053ImportsBookedEntriesWithAmountsSignsAndBookingDates(String name) throws Exception {
    Path file = resource("camt053/" + name + ".xml");
    ImportResult<BankLine> result = BankStatementFiles.read(file, null);
    assertThat(result.problems()).isEmpty();
    List<String[]> expected = expected("camt053/" + name + ".expected.csv");
    assertThat(result.items()).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      String[] e = expected.get(i);
      BankLine line = result.items().get(i);
      assertThat(line.amount()).isEqualTo(Money.ofMinor(Long.parseLong(e[0]), e[1]));
      assertThat(line.bookingDate()).isEqualTo(LocalDate.parse(e[2]));
      assertThat(line.provenance().path()).startsWith("/Document/BkToCstmrStmt/Stmt[");
    }
  }

  @org.junit.jupiter.api.Test
  void camtReadsReferencesAndCounterpartyOfACredit() throws Exception {
    BankLine line =
        BankStatementFiles.read(resource("camt053/camt053.v8.xml"), null).items().get(0);
    assertThat(line.accountId()).isEqualTo("NL26VAYB8060476890");
    assertThat(line.bankReference()).isEqualTo("MUELL/FINP/RA12345");
    assertThat(line.counterpartyName()).isEqualTo("NAME NAME");
    assertThat(line.id().value()).isEqualTo("AAAASESS-FP-CN_98765/01");
  }

  @org.junit.jupiter.api.Test
  void mt940ReversalOfACreditTakesMoneyOut() throws Exception {
    List<BankLine> lines =
        BankStatementFiles.read(resource("mt940/betterplace-sepa_mt9401.sta"), null).items();
    BankLine reversal =
        lines.stream().filter(l -> l.provenance().line() == 19).findFirst().orElseThrow();
    assertThat(reversal.amount()).isEqualTo(Money.parse("-204.88", "EUR"));
    assertThat(reversal.description()).contains("SAMMLER/STORNO");
    // the statement's balances add up only with reversals of credits as debits
    assertThat(BankStatementFiles.read(resource("mt940/betterplace-sepa_mt9401.sta"), null).notes())
        .isEmpty();
  }

  @org.junit.jupiter.api.Test
  void germanStructuredDetailsReadAsTextWithAReferenceCutBetweenSubfieldsWhole() throws Exception {
    // hand-made in the layout German banks use: ?00 posting text, ?20-?29 purpose in pieces of
    // 27 characters (a full piece was cut mid-word), ?30-?32 the other side's bank, account, name
    List<BankLine> lines =
        BankStatementFiles.read(resource("mt940/de-structured.sta"), null).items();
    BankLine credit = lines.get(0);
    assertThat(credit.amount()).isEqualTo(Money.parse("1234.50", "EUR"));
    assertThat(credit.description())
        .isEqualTo("GUTSCHRIFT EREF+NOTPROVIDED SVWZ+Rechnung Nr RE-2026-0042 Kunde 4711");
    assertThat(credit.counterpartyName()).isEqualTo("MUSTERMANN GMBH");
    assertThat(credit.counterpartyAccount()).isEqualTo("DE89370400440532013000");
    BankLine debit = lines.get(1);
    assertThat(debit.amount()).isEqualTo(Money.parse("-89.90", "EUR"));
    assertThat(debit.description())
        .isEqualTo(
            "SEPA-LASTSCHRIFT EREF+ABO-77812 MREF+M-4471 CRED+DE98ZZZ09999999999 SVWZ+Abo Maerz 2026");
    // ids are made of the field as written: what the versions before this reading gave
    assertThat(lines.stream().map(l -> l.id().value()))
        .containsExactly("MT940-6fa7c6ff49059e68", "MT940-45027cd8ae00c607");
    BankLine retoure =
        BankStatementFiles.read(resource("mt940/betterplace-sepa_mt9401.sta"), null).items().get(0);
    assertThat(retoure.description())
        .isEqualTo(
            "TFNr 40005 MSGID | RETOURE EREF+TFNR 40005 00005 MTLG:Grund nicht spezifiziert"
                + " Reject aus SEPA-Ueberweisungsauftrag");
  }

  @org.junit.jupiter.api.Test
  void camtStatementWithoutEntriesImportsNothingAndReportsNothing() throws Exception {
    ImportResult<BankLine> result =
        BankStatementFiles.read(resource("camt053/camt53.only-Dt-with-DtTm.xml"), null);
    assertThat(result.items()).isEmpty();
    assertThat(result.problems()).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void importingTheSameStatementTwiceGivesTheSameIdsAndHash() throws Exception {
    Path file = resource("mt940/jejik-abnamro.sta");
    ImportResult<BankLine> a = BankStatementFiles.read(file, null);
    ImportResult<BankLine> b = BankStatementFiles.read(file, null);
    assertThat(a.source().contentHash()).isEqualTo(b.source().contentHash());
    assertThat(a.items().stream().map(BankLine::id).toList())
        .isEqualTo(b.items().stream().map(BankLine::id).toList());
  }

  static Path resource(String name) throws URISyntaxException {
    return Path.of(BankStatementFixturesTest.class.getResource("/statements/" + name).toURI());
  }

  private static List<String[]> expected(String name) throws IOException, URISyntaxException {
    return Files.readAllLines(resource(name)).stream()
        .skip(1)
        .filter(l -> !l.isBlank())
        .map(l -> l.split(","))
        .toList();
  }
}
