package org.tieout.matcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tieout.matcher.Lines.bank;
import static org.tieout.matcher.Lines.entry;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tieout.core.BankLine;
import org.tieout.core.EntryId;
import org.tieout.core.LedgerEntry;
import org.tieout.core.MatchGroup;
import org.tieout.core.MatchStatus;
import org.tieout.core.TransactionId;

class ReconcilerTest {
  private static Reconciliation run(List<BankLine> bank, List<LedgerEntry> ledger) {
    return new Reconciler(MatchingConfig.defaultConfig(), Progress.NONE).run(bank, ledger);
  }

  private static MatchGroup groupOf(Reconciliation r, String bankId) {
    return r.groups().stream()
        .filter(g -> g.bankIds().contains(new TransactionId(bankId)))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void matchesANormalisedReferenceInsideRemittanceText() {
    Reconciliation r =
        run(
            List.of(bank("B1", 2, "1250.40", "ACME IND", "Payment inv 2026/000123 thank you")),
            List.of(
                entry("L1", 0, "1250.40", "Acme Industries GmbH", "INV-2026-000123"),
                entry("L2", 0, "1250.40", "Acme Industries GmbH", "INV-2026-000124")));
    MatchGroup g = groupOf(r, "B1");
    assertThat(g.ledgerIds()).containsExactly(new EntryId("L1"));
    assertThat(g.status()).isEqualTo(MatchStatus.AUTO_MATCHED);
    assertThat(g.rule()).isEqualTo("reference");
    assertThat(g.explanation()).contains("INV-2026-000123").contains("2 days after the ledger");
  }

  @Test
  void aReferenceWrittenWithoutThePaddingOfItsNumberIsStillTheReference() {
    // paid three weeks after the posting: beyond the amount rules' window, within the reference's
    Reconciliation r =
        run(
            List.of(bank("B1", 21, "82.87", "IVANOVA ARCHITECTS", "INV 2026/4521 /ROC/")),
            List.of(
                entry("L1", 0, "82.87", "Ivanova Architects Ltd", "INV/2026/04521"),
                entry("L2", 0, "82.87", "Ivanova Architects Ltd", "INV/2026/04522")));
    MatchGroup g = groupOf(r, "B1");
    assertThat(g.ledgerIds()).containsExactly(new EntryId("L1"));
    assertThat(g.status()).isEqualTo(MatchStatus.AUTO_MATCHED);
    assertThat(g.rule()).isEqualTo("reference");
  }

  @Test
  void aShortNumberAloneFromAnotherCounterpartyIsOnlyProposed() {
    // ORDER 4807 from one company, invoice INV0004807 of another: four digits are no proof
    Reconciliation r =
        run(
            List.of(
                bank("B1", 2, "15.00", "NORDWIND MARL", "ORDER 4807"),
                bank("B2", 2, "15.00", "HARBOR LOGISTICS", "FACTURE INV0004808"),
                bank("B3", 2, "15.00", "ACME", "Payment 4809")),
            List.of(
                entry("L1", 0, "15.00", "Brightway Labs SARL", "INV0004807"),
                entry("L2", 0, "15.00", "Brightway Labs SARL", "INV0004808"),
                entry("L3", 0, "15.00", "Acme Industries GmbH", "INV0004809")));
    MatchGroup g = groupOf(r, "B1");
    assertThat(g.status()).isEqualTo(MatchStatus.PROPOSED);
    assertThat(g.explanation()).contains("only the short number 4807");
    // quoted whole, or paid by the entry's own counterparty, the number is enough
    assertThat(groupOf(r, "B2").status()).isEqualTo(MatchStatus.AUTO_MATCHED);
    assertThat(groupOf(r, "B3").status()).isEqualTo(MatchStatus.AUTO_MATCHED);
  }

  @Test
  void aReferenceFromAnUnrelatedCounterpartyWithAnAmountOffIsOnlyProposed() {
    // the number is right, but another company pays it, 10.36 more than the entry
    Reconciliation r =
        run(
            List.of(
                bank("B1", 18, "459.12", "MOREAU ELEKTRO SRL", "Rg.Nr. 56286"),
                bank("B2", 18, "985.00", "ANDERSEN GARDEN", "RG-56287")),
            List.of(
                entry("L1", 0, "448.76", "Andersen Garden Services KG", "RG-56286"),
                entry("L2", 0, "1000.00", "Andersen Garden Services KG", "RG-56287")));
    MatchGroup g = groupOf(r, "B1");
    assertThat(g.status()).isEqualTo(MatchStatus.PROPOSED);
    assertThat(g.explanation()).contains("the amounts differ");
    // the entry's own counterparty short by a charge still posts
    assertThat(groupOf(r, "B2").status()).isEqualTo(MatchStatus.AUTO_MATCHED);
  }

  @Test
  void aLatePayerIsMatchedWhenTheAmountIsRareAndTheirOnlyOneInTheLateWindow() {
    Reconciliation r =
        run(
            List.of(bank("B1", 26, "385.89", "FISCHER GARDEN SER", "THANK YOU")),
            List.of(
                entry("L1", 0, "385.89", "Fischer Garden Services B.V.", "SO-4446-A"),
                entry("L2", 2, "120.00", "Fischer Garden Services B.V.", "SO-4447-A")));
    MatchGroup g = groupOf(r, "B1");
    assertThat(g.ledgerIds()).containsExactly(new EntryId("L1"));
    assertThat(g.status()).isEqualTo(MatchStatus.AUTO_MATCHED);
    assertThat(g.rule()).isEqualTo("late_payment");
    assertThat(g.explanation()).contains("26 days after the ledger");
  }

  @Test
  void aLatePaymentOfACommonAmountOrOfTwoLookAlikesIsOnlyProposed() {
    // 99.00 is a price: three other payers' entries have it within the late window
    Reconciliation common =
        run(
            List.of(bank("B1", 26, "99.00", "FISCHER GARDEN SER", "THANK YOU")),
            List.of(
                entry("L1", 0, "99.00", "Fischer Garden Services B.V.", "SO-1"),
                entry("L2", 3, "99.00", "Kaya Architects AG", "SO-2"),
                entry("L3", 5, "99.00", "Weber Bakery", "SO-3"),
                entry("L4", 9, "99.00", "Rossi Logistics", "SO-4")));
    MatchGroup g = groupOf(common, "B1");
    assertThat(g.ledgerIds()).containsExactly(new EntryId("L1"));
    assertThat(g.status()).isEqualTo(MatchStatus.PROPOSED);
    assertThat(g.explanation()).contains("ledger entries have this amount in the late window");
    // two of the payer's own entries of that amount: the older is as likely
    Reconciliation twice =
        run(
            List.of(bank("B1", 30, "385.89", "FISCHER GARDEN SER", "THANK YOU")),
            List.of(
                entry("L1", 0, "385.89", "Fischer Garden Services B.V.", "SO-1"),
                entry("L2", 14, "385.89", "Fischer Garden Services B.V.", "SO-2")));
    assertThat(twice.groups()).noneMatch(MatchGroup::isAuto);
  }

  @Test
  void aPayerSeenPayingLateLeavesAnOlderOpenEntryOfTheSameAmountAsAlternative() {
    List<LedgerEntry> ledger =
        List.of(
            entry("L0", 0, "812.40", "Fischer Garden Services B.V.", "RG-4400"),
            entry("L1", 10, "120.00", "Fischer Garden Services B.V.", "RG-441017"),
            entry("L2", 33, "120.00", "Fischer Garden Services B.V.", "RG-443317"));
    BankLine line = bank("B2", 30, "120.00", "FISCHER GARDEN SER", "THANK YOU");
    // paid RG-4400 by its reference 24 days after it was booked: this payer pays late, so the
    // 120.00 on day 30 may as well settle the entry of day 10 as the one of day 33
    Reconciliation late =
        run(List.of(bank("B1", 24, "812.40", "FISCHER GARDEN SER", "RG 4400"), line), ledger);
    assertThat(groupOf(late, "B1").isAuto()).isTrue();
    MatchGroup g = groupOf(late, "B2");
    assertThat(g.status()).isEqualTo(MatchStatus.PROPOSED);
    assertThat(g.explanation()).contains("L1").contains("L2");
    assertThat(g.alternatives()).isNotEmpty();
    // the same payer paying on time: the entry within the window is the one
    Reconciliation prompt =
        run(List.of(bank("B1", 2, "812.40", "FISCHER GARDEN SER", "RG 4400"), line), ledger);
    MatchGroup p = groupOf(prompt, "B2");
    assertThat(p.ledgerIds()).containsExactly(new EntryId("L2"));
    assertThat(p.status()).isEqualTo(MatchStatus.AUTO_MATCHED);
    // the late payer quoting the nearer entry's reference, with a typo: that one
    Reconciliation quoted =
        run(
            List.of(
                bank("B1", 24, "812.40", "FISCHER GARDEN SER", "RG 4400"),
                bank("B2", 30, "120.00", "FISCHER GARDEN SER", "RG 443817")),
            ledger);
    MatchGroup q = groupOf(quoted, "B2");
    assertThat(q.ledgerIds()).containsExactly(new EntryId("L2"));
    assertThat(q.status()).as(q.explanation()).isEqualTo(MatchStatus.AUTO_MATCHED);
  }

  @Test
  void aReferenceWithATypoToAnOlderEntryOfTheSameAmountStopsTheNearerOne() {
    Reconciliation r =
        run(
            List.of(bank("B1", 30, "150.00", "GARCIA TEXTILES", "INV 2026/108977")),
            List.of(
                entry("L1", 9, "150.00", "García Textiles", "INV/2026/108970"),
                entry("L2", 26, "150.00", "García Textiles", "RG-142812")));
    MatchGroup g = groupOf(r, "B1");
    assertThat(g.status()).isEqualTo(MatchStatus.PROPOSED);
    assertThat(r.groups()).noneMatch(MatchGroup::isAuto);
    assertThat(g.explanation()).contains("L1").contains("L2");
  }

  @Test
  void anOpenEntryOfExactlyTheAmountBeatsOneWithinTolerance() {
    // 242.68 on day 21: the 250.00 of day 24 is a bank charge away, the 242.68 of day 6 exact
    Reconciliation r =
        run(
            List.of(bank("B1", 21, "242.68", "KOWALCZYK DENTAL PRACTICE AG", "PAYMENT")),
            List.of(
                entry("L1", 6, "242.68", "Kowalczyk Dental Practice AG", "RG-9076"),
                entry("L2", 24, "250.00", "Kowalczyk Dental Practice AG", "RG-6134")));
    MatchGroup g = groupOf(r, "B1");
    assertThat(g.ledgerIds()).containsExactly(new EntryId("L1"));
    assertThat(g.rule()).isEqualTo("late_payment");
    assertThat(g.status()).isEqualTo(MatchStatus.AUTO_MATCHED);
  }

  @Test
  void entriesAddingUpExactlyStopAToleranceFitOfOneEntry() {
    // a busy customer (too many open entries for the combined rule to post) pays three invoices
    // of a month ago together; one newer entry is 11.38 away, a bank charge within tolerance
    List<LedgerEntry> ledger = new java.util.ArrayList<>();
    ledger.add(entry("L1", 19, "278.10", "Silva Bakery Oy", "SO-51390-A"));
    ledger.add(entry("L2", 20, "58.15", "Silva Bakery Oy", "F0051392"));
    ledger.add(entry("L3", 18, "119.28", "Silva Bakery Oy", "SO-51393-A"));
    ledger.add(entry("L4", 53, "466.91", "Silva Bakery Oy", "RG-9738"));
    for (int k = 1; k <= 8; k++) {
      ledger.add(entry("X" + k, 8 + 3 * k, "400.0" + k, "Silva Bakery Oy", "SO-600" + k));
    }
    Reconciliation r =
        run(List.of(bank("B1", 50, "455.53", "SILVA BAKERY OY", "Sammelzahlung")), ledger);
    MatchGroup g = groupOf(r, "B1");
    assertThat(g.isAuto()).isFalse();
    assertThat(g.explanation()).contains("add up to exactly the line's amount");
  }

  @Test
  void aLineLongBeforeTheEntryIsNoLatePayment() {
    Reconciliation r =
        run(
            List.of(bank("B1", 0, "385.89", "FISCHER GARDEN SER", "THANK YOU")),
            List.of(entry("L1", 20, "385.89", "Fischer Garden Services B.V.", "SO-4446-A")));
    assertThat(r.groups()).isEmpty();
  }

  @Test
  void oneBankLineSettlingSeveralReferencedEntries() {
    Reconciliation r =
        run(
            List.of(bank("B1", 5, "300.00", "ACME", "INVOICES RE-5001 RE-5002")),
            List.of(
                entry("L1", 0, "100.00", "Acme", "RE-5001"),
                entry("L2", 1, "200.00", "Acme", "RE-5002")));
    MatchGroup g = groupOf(r, "B1");
    assertThat(g.ledgerIds()).containsExactlyInAnyOrder(new EntryId("L1"), new EntryId("L2"));
    assertThat(g.isAuto()).isTrue();
  }

  /** The second case names the reference in both its forms on one line: that line counts once. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "part 1 INV-777001 | rest INV-777001                 | INV-777001",
        "RG 2026/77 part 1 | RG-2026-0077 RG 2026/77 rest | RG-2026-0077"
      })
  void partialPaymentsNamingOneInvoiceAreGroupedNto1(String first, String second, String ref) {
    Reconciliation r =
        run(
            List.of(
                bank("B1", 3, "400.00", "ACME", first), bank("B2", 20, "600.00", "ACME", second)),
            List.of(entry("L1", 0, "1000.00", "Acme", ref)));
    MatchGroup g = groupOf(r, "B1");
    assertThat(g.bankIds())
        .containsExactlyInAnyOrder(new TransactionId("B1"), new TransactionId("B2"));
    assertThat(g.rule()).isEqualTo("reference_partial_payments");
    assertThat(g.isAuto()).isTrue();
  }

  @Test
  void sameAmountWithASimilarTruncatedNameIsMatchedWithoutAReference() {
    Reconciliation r =
        run(
            List.of(bank("B1", 1, "-89.90", "NORDWIND LOGISTI", "SEPA TRANSFER")),
            List.of(
                entry("L1", 0, "-89.90", "Nordwind Logistics GmbH", null),
                entry("L2", 0, "-89.90", "Keystone Media Ltd", null)));
    MatchGroup g = groupOf(r, "B1");
    assertThat(g.ledgerIds()).containsExactly(new EntryId("L1"));
    assertThat(g.isAuto()).isTrue();
    assertThat(g.rule()).isEqualTo("amount_date_counterparty");
  }

  @Test
  void aProcessorsPayoutOfOneSalesAmountIsOnlyProposed() {
    // a card processor: 24 sales, two payouts netting a dozen each; the second payout happens to
    // equal one sale, which a payment of one customer's invoice would be posted on
    List<LedgerEntry> ledger = new java.util.ArrayList<>();
    for (int i = 0; i < 24; i++) {
      ledger.add(entry("S" + i, -(i % 6), (40 + i) + ".10", "SumUp Payments Ltd", null));
    }
    Reconciliation r =
        run(
            List.of(
                bank("P1", 1, "511.20", "SUMUP PAYMENTS LTD", "PAYOUT"),
                bank("P2", 1, "53.10", "SUMUP PAYMENTS LTD", "PAYOUT")),
            ledger);
    MatchGroup g = groupOf(r, "P2");
    assertThat(g.ledgerIds()).containsExactly(new EntryId("S13"));
    assertThat(g.status()).isEqualTo(MatchStatus.PROPOSED);
    assertThat(g.explanation())
        .contains("paid in bulk (24 ledger entries against 2 bank lines")
        .contains("needs review");
  }

  @Test
  void namesWithDifferentLegalFormsAreNotPostedOnTheirAmount() {
    Reconciliation r =
        run(
            List.of(bank("B1", 1, "150.00", "NGUYEN CONSULTING KG", "TRANSFER")),
            List.of(entry("L1", 0, "150.00", "Nguyen Consulting AG", null)));
    MatchGroup g = groupOf(r, "B1");
    assertThat(g.status()).isEqualTo(MatchStatus.PROPOSED);
    assertThat(g.explanation()).contains("legal forms differ: KG against AG");
  }

  @Test
  void twoCandidatesThatFitEquallyAreLeftForReviewWithBothRecorded() {
    Reconciliation r =
        run(
            List.of(bank("B1", 1, "500.00", "ACME", "PAYMENT")),
            List.of(
                entry("L1", 0, "500.00", "Acme", null), entry("L2", 2, "500.00", "Acme", null)));
    MatchGroup g = groupOf(r, "B1");
    assertThat(g.status()).isEqualTo(MatchStatus.PROPOSED);
    assertThat(g.alternatives()).hasSize(1);
    assertThat(g.explanation()).contains("did not choose").contains("L1").contains("L2");
  }

  @Test
  void aBankChargeDeductedWithinToleranceIsMatchedByReferenceAndSaysSo() {
    Reconciliation r =
        run(
            List.of(bank("B1", 2, "985.00", "ACME", "INV-40411")),
            List.of(entry("L1", 0, "1000.00", "Acme", "INV-40411")));
    MatchGroup g = groupOf(r, "B1");
    assertThat(g.rule()).isEqualTo("reference_with_difference");
    assertThat(g.explanation()).contains("EUR -15.00");
  }

  @ParameterizedTest(name = "oldest invoice {0} days before the payment")
  @CsvSource({"8", "42"})
  void aCombinedPaymentWithoutReferencesIsFoundBySubsetSum(int age) {
    // a customer on 30 days' terms settles a month and a half of invoices in one transfer
    Reconciliation r =
        run(
            List.of(bank("B1", age, "371.25", "HELIOS FOODS", "PAYMENT")),
            List.of(
                entry("L1", 0, "120.00", "Helios Foods SA", null),
                entry("L2", 2, "201.25", "Helios Foods SA", null),
                entry("L3", 3, "50.00", "Helios Foods SA", null),
                entry("L4", 4, "999.99", "Helios Foods SA", null)));
    MatchGroup g = groupOf(r, "B1");
    assertThat(g.ledgerIds())
        .containsExactlyInAnyOrder(new EntryId("L1"), new EntryId("L2"), new EntryId("L3"));
    assertThat(g.rule()).isEqualTo("combined_payment");
    assertThat(g.status()).isEqualTo(MatchStatus.AUTO_MATCHED);
  }

  @Test
  void instalmentsWithoutReferencesAddingUpToOneEntryAreGroupedNto1() {
    Reconciliation r =
        run(
            List.of(
                bank("B1", 5, "400.00", "ACME TRADING", "INSTALMENT"),
                bank("B2", 12, "600.00", "ACME TRADING", "INSTALMENT")),
            List.of(entry("L1", 0, "1000.00", "Acme Trading GmbH", null)));
    MatchGroup g = groupOf(r, "B1");
    assertThat(g.bankIds())
        .containsExactlyInAnyOrder(new TransactionId("B1"), new TransactionId("B2"));
    assertThat(g.rule()).isEqualTo("split_payment");
    assertThat(g.isAuto()).isTrue();
  }

  @Test
  void linesWithTheExactAmountsOfOlderOpenEntriesAreNoSplitPaymentOfANewOne() {
    // a customer pays two invoices of last month late; together they make this month's 1,000.00
    Reconciliation r =
        run(
            List.of(
                bank("B1", 40, "250.00", "MOREAU PRINT AND MEDIA S.A.", "TRANSFER"),
                bank("B2", 48, "750.00", "MOREAU PRINT AND MEDIA", "PAYMENT")),
            List.of(
                entry("L1", 15, "250.00", "Moreau Print & Media S.A.", "SO-25065-A"),
                entry("L2", 19, "750.00", "Moreau Print & Media S.A.", "INV/2026/24158"),
                entry("L3", 40, "1000.00", "Moreau Print & Media S.A.", "INV/2026/10562")));
    assertThat(r.groups())
        .filteredOn(g -> g.ledgerIds().contains(new EntryId("L3")))
        .allSatisfy(
            g -> {
              assertThat(g.isAuto()).isFalse();
              assertThat(g.explanation()).contains("may pay it alone");
            });
    assertThat(groupOf(r, "B1").ledgerIds()).doesNotContain(new EntryId("L3"));
  }

  @Test
  void aBankFeeWithNoLedgerEntryStaysUnmatched() {
    Reconciliation r =
        run(
            List.of(bank("B1", 0, "-12.50", null, "ACCOUNT MAINTENANCE FEE")),
            List.of(entry("L1", 0, "-13.00", "Bank", null)));
    assertThat(r.groups()).isEmpty();
    assertThat(r.unmatchedBank()).extracting(b -> b.id().value()).containsExactly("B1");
  }

  @Test
  void amountsInDifferentCurrenciesNeverMatch() {
    BankLine usd =
        new BankLine(
            new TransactionId("B1"),
            Lines.ACCOUNT,
            Lines.DAY,
            null,
            org.tieout.core.Money.parse("100.00", "USD"),
            "ACME",
            null,
            "INV-90001",
            null,
            null,
            null);
    Reconciliation r = run(List.of(usd), List.of(entry("L1", 0, "100.00", "Acme", "INV-90001")));
    assertThat(r.groups()).isEmpty();
  }
}
