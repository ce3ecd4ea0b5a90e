package org.tieout.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tieout.core.BankLine;
import org.tieout.core.LedgerEntry;
import org.tieout.core.MatchGroup;
import org.tieout.core.MatchStage;
import org.tieout.core.MatchStatus;
import org.tieout.matcher.dataset.DatasetGenerator;
import org.tieout.matcher.eval.Evaluation;

/**
 * The learned residue stage on generated datasets whose seeds the bundled scorer was not trained on
 * (it was trained on seeds 101 to 108), without embeddings (the lexical variant).
 */
class LearnedResidueTest {
  private static final MatchingConfig CONFIG = MatchingConfig.defaultConfig();

  private static DatasetGenerator.Dataset dataset(long seed, int lines) {
    return new DatasetGenerator(
            new DatasetGenerator.Options(seed, lines, LocalDate.of(2025, 9, 1), 100))
        .generate(Progress.NONE);
  }

  private record Run(Reconciliation rules, Reconciliation merged, List<MatchGroup> learned) {}

  private static Run run(DatasetGenerator.Dataset d, PairScorer scorer) {
    Reconciliation rules = new Reconciler(CONFIG, Progress.NONE).run(d.bank(), d.ledger());
    Reconciliation open = LearnedResidue.reopenProposals(rules, d.bank(), d.ledger());
    List<MatchGroup> learned =
        new LearnedResidue(CONFIG, scorer, LearnedResidue.Settings.DEFAULT)
            .propose(
                open.unmatchedBank(),
                open.unmatchedLedger(),
                null,
                FeeSchedules.learn(rules, d.bank(), d.ledger()),
                Progress.NONE)
            .groups();
    return new Run(rules, LearnedResidue.merge(rules, open, learned), learned);
  }

  /** The bundled scorer's proposals for a hand-made book, at {@code threshold}. */
  private static List<MatchGroup> propose(
      List<BankLine> bank, List<LedgerEntry> ledger, FeeSchedules fees, double threshold) {
    return new LearnedResidue(
            CONFIG, PairScorer.bundled(false), new LearnedResidue.Settings(threshold, 45, 10))
        .propose(bank, ledger, null, fees, Progress.NONE)
        .groups();
  }

  private static void assertOneGroupOf(List<MatchGroup> groups, String... entries) {
    assertThat(groups)
        .singleElement()
        .satisfies(
            g ->
                assertThat(g.ledgerIds())
                    .extracting(e -> e.value())
                    .containsExactlyInAnyOrder(entries));
  }

  /** Minor units of EUR as the plain amount a file would hold. */
  private static String eur(long minor) {
    return org.tieout.core.Money.ofMinor(minor, "EUR").toPlainString();
  }

  private static Set<String> pairs(List<MatchGroup> truth) {
    Set<String> out = new HashSet<>();
    for (MatchGroup g : truth) {
      g.bankIds().forEach(b -> g.ledgerIds().forEach(e -> out.add(b.value() + "|" + e.value())));
    }
    return out;
  }

  @Test
  void addsRecallOverTheRulesAtPrecisionAReviewerCanTrust() {
    for (long seed : new long[] {911, 912}) {
      DatasetGenerator.Dataset d = dataset(seed, 2500);
      Run r = run(d, PairScorer.bundled(false));
      Evaluation rulesOnly = Evaluation.score(r.rules().groups(), d.truth());
      Evaluation withLearned = Evaluation.score(r.merged().groups(), d.truth());
      Evaluation learnedOnly = Evaluation.score(r.learned(), d.truth());
      assertThat(withLearned.all().recall())
          .as("recall with the learned stage, seed %d", seed)
          .isGreaterThan(rulesOnly.all().recall() + 0.04)
          .isGreaterThan(0.87);
      assertThat(learnedOnly.all().precision())
          .as("learned proposals' pair precision, seed %d", seed)
          .isGreaterThanOrEqualTo(0.85);
      assertThat(withLearned.proposed().precision())
          .as("all proposals' pair precision, seed %d", seed)
          .isGreaterThanOrEqualTo(0.85);
      // the learned stage never touches what the rules posted
      assertThat(withLearned.autoMatched()).isEqualTo(rulesOnly.autoMatched());
    }
  }

  @Test
  void proposesOnlyAndNeverUsesALineOrEntryTwice() {
    DatasetGenerator.Dataset d = dataset(913, 1500);
    Run r = run(d, PairScorer.bundled(false));
    assertThat(r.learned()).isNotEmpty();
    for (MatchGroup g : r.learned()) {
      assertThat(g.status()).isEqualTo(MatchStatus.PROPOSED);
      assertThat(g.stage()).isEqualTo(MatchStage.LEARNED);
      // one line, or an invoice's part payments
      assertThat(g.bankIds()).hasSizeBetween(1, g.rule().equals(LearnedResidue.RULE_PARTS) ? 4 : 1);
      assertThat(g.confidence()).isBetween(LearnedResidue.Settings.DEFAULT.threshold(), 1.0);
      assertThat(g.explanation()).startsWith("learned scorer, confidence").contains("counterparty");
    }
    Set<String> seen = new HashSet<>();
    for (MatchGroup g : r.merged().groups()) {
      g.bankIds().forEach(id -> assertThat(seen.add("b" + id.value())).as(id.value()).isTrue());
      g.ledgerIds().forEach(id -> assertThat(seen.add("e" + id.value())).as(id.value()).isTrue());
    }
    r.merged().unmatchedBank().forEach(b -> assertThat(seen).doesNotContain("b" + b.id().value()));
    r.merged()
        .unmatchedLedger()
        .forEach(e -> assertThat(seen).doesNotContain("e" + e.id().value()));
    assertThat(
            r.merged().groups().size()
                + r.merged().unmatchedBank().size()
                - r.rules().groups().size()
                - r.rules().unmatchedBank().size())
        .as("every bank line still accounted for")
        .isLessThanOrEqualTo(0);
  }

  @Test
  void rerunProposesTheSame() {
    DatasetGenerator.Dataset d = dataset(914, 1200);
    assertThat(run(d, PairScorer.bundled(false)).learned())
        .isEqualTo(run(d, PairScorer.bundled(false)).learned());
  }

  @Test
  void pairLabelsJudgeEachPairOfACandidate() {
    // the calibration learns from pairs: a payout with one swapped sale is mostly right
    LearnedResidue.Labels truth = LearnedResidue.Labels.truth(Set.of("B1|L1", "B1|L2", "B1|L3"));
    List<String> swapped = List.of("L1", "L2", "L9");
    assertThat(truth.of("B1", swapped)).isFalse();
    assertThat(swapped.stream().filter(e -> truth.pair("B1", e, swapped)).count()).isEqualTo(2);
    // decisions: a settled line's pairs are right if settled; an entry settled elsewhere is wrong;
    // a rejected group's pairs are wrong; of the rest nothing is known
    LearnedResidue.Labels decided =
        LearnedResidue.Labels.decisions(
            Set.of("B1|L1"),
            Set.of("B1"),
            Set.of("L1", "L5"),
            Set.of(LearnedResidue.Labels.groupKey("B2", List.of("L6", "L7"))));
    assertThat(decided.pair("B1", "L1", List.of("L1", "L2"))).isTrue();
    assertThat(decided.pair("B1", "L2", List.of("L1", "L2"))).isFalse();
    assertThat(decided.pair("B3", "L5", List.of("L5"))).isFalse();
    assertThat(decided.pair("B2", "L6", List.of("L7", "L6"))).isFalse();
    assertThat(decided.pair("B3", "L8", List.of("L8"))).isNull();
  }

  @Test
  void findsAPayoutThatNamesNoFeeByTheProcessorsSchedule() {
    // a processor's sales, no fee booked, no payout id anywhere: only its price list tells which
    // of its sales the transfer nets (1.4% + 0.25 a sale, learned from its other payouts)
    String stripe = "Stripe Payments Europe Ltd";
    String[] sales = {"120.50", "49.90", "314.75", "99.00", "77.00", "150.00", "99.00", "63.20"};
    List<LedgerEntry> ledger = new ArrayList<>();
    for (int i = 0; i < sales.length; i++) {
      ledger.add(Lines.entry("L" + i, -7 + i, sales[i], stripe, null, "Card sale " + i));
    }
    // L0, L2, L5: gross 585.25, fee 8.19 + 0.75 = 8.94
    BankLine payout = Lines.bank("B1", 1, "576.31", "STRIPE PAYMENTS EUROPE", "TRANSFER");
    FeeSchedules fees = stripeSchedule(stripe);
    List<MatchGroup> withSchedule = propose(List.of(payout), ledger, fees, 0.0);
    assertOneGroupOf(withSchedule, "L0", "L2", "L5");
  }

  /**
   * Stripe's schedule (1.4% + 0.25 a sale) learned from three earlier payouts of two, three and
   * four sales, each booked with its fee under a payout id.
   */
  private static FeeSchedules stripeSchedule(String stripe) {
    List<LedgerEntry> learnFrom = new ArrayList<>();
    for (int p = 0; p < 3; p++) {
      String ref = "po_" + p;
      long gross = 0;
      for (int k = 0; k < p + 2; k++) {
        long sale = 10_000 + 2_345L * k + 100L * p;
        gross += sale;
        learnFrom.add(Lines.entry("S" + p + k, -40, eur(sale), stripe, ref, "sale"));
      }
      long fee = Math.floorDiv(gross * 140 + 5_000, 10_000) + 25L * (p + 2);
      learnFrom.add(Lines.entry("S" + p + "f", -40, eur(-fee), stripe, ref, "fees"));
    }
    FeeSchedules fees =
        FeeSchedules.learn(
            new Reconciliation(List.of(), List.of(), learnFrom, java.util.Map.of()),
            List.of(),
            learnFrom);
    assertThat(fees.describe()).singleElement().asString().contains("1.40% + 0.25");
    return fees;
  }

  @Test
  void findsABusyProcessorsPayoutFromAFeeEntryThatNamesNoPayout() {
    // a busy week: thirty sales of the processor nearer the transfer than the six it nets, and a
    // fee entry without a payout id; the fee (1.4% + 0.25 a sale) says six sales and their gross
    String stripe = "Stripe Payments Europe Ltd";
    List<LedgerEntry> ledger = new ArrayList<>();
    long gross = 0;
    for (int i = 0; i < 6; i++) {
      // cents 1, 2, 4, ... 32: no other six of these sales add up to the same cents
      long sale = 4_000L + 3_100L * i + (1L << i);
      gross += sale;
      ledger.add(
          Lines.entry(
              "L" + i, -9 + i / 2, eur(sale), stripe, null, "Card sale order " + (700_000 + i)));
    }
    for (int i = 0; i < 30; i++) {
      ledger.add(
          Lines.entry(
              "LX" + i,
              -6 + i % 6,
              eur(1_000L + 1_700L * ((i * 7) % 30)),
              stripe,
              null,
              "Card sale order " + (800_000 + i)));
    }
    long fee = Math.floorDiv(gross * 140 + 5_000, 10_000) + 25L * 6;
    ledger.add(Lines.entry("LF", -2, eur(-fee), stripe, null, "Processing fees"));
    BankLine payout = Lines.bank("B1", 0, eur(gross - fee), "STRIPE PAYMENTS EUROPE", "TRANSFER");
    List<MatchGroup> groups =
        propose(
            List.of(payout),
            ledger,
            stripeSchedule(stripe),
            LearnedResidue.Settings.DEFAULT.threshold());
    assertOneGroupOf(groups, "L0", "L1", "L2", "L3", "L4", "L5", "LF");
  }

  @Test
  void findsANamelessPaymentOfSeveralOpenItemsByItsSum() {
    // no name, no reference: three open items of one customer add up to the transfer; the
    // customer's other item and another customer's items around it add up to other sums
    List<LedgerEntry> ledger =
        List.of(
            Lines.entry("L1", -14, "1725.00", "Atlas Zephyr Partners LLC", "INV-1158"),
            Lines.entry("L2", -12, "6.84", "Atlas Zephyr Partners LLC", "INV0001156"),
            Lines.entry("L3", -11, "28.81", "Atlas Zephyr Partners LLC", "RE-1157"),
            Lines.entry("L4", -20, "900.00", "Atlas Zephyr Partners LLC", "RE-1101"),
            Lines.entry("L5", -12, "1000.00", "Sunrise Harbor Holdings SARL", "INV-77"),
            Lines.entry("L6", -11, "700.65", "Sunrise Harbor Holdings SARL", "INV-78"));
    BankLine paid = Lines.bank("B1", 0, "1760.65", null, "PAYMENT OF OPEN ITEMS");
    List<MatchGroup> groups = propose(List.of(paid), ledger, FeeSchedules.NONE, 0.0);
    assertOneGroupOf(groups, "L1", "L2", "L3");
  }

  /** {@code n} amounts in cents from {@code low} up to {@code low + spread}, the same per seed. */
  private static long[] randomCents(long seed, int n, long low, int spread) {
    java.util.Random random = new java.util.Random(seed);
    long[] cents = new long[n];
    for (int i = 0; i < n; i++) {
      cents[i] = low + random.nextInt(spread);
    }
    return cents;
  }

  @Test
  void proposesNoSetOfABusyProcessorsSalesThatOnlyItsSumFound() {
    // forty sales of a day, no payout id, no fee booked, no schedule learned: the payout is some
    // of them less a fee nobody knows, and dozens of sets of ten sales add up to any total
    String sumup = "SumUp Payments Ltd";
    long[] sales = randomCents(3, 40, 1_000, 17_000);
    List<LedgerEntry> ledger = new ArrayList<>();
    for (int i = 0; i < sales.length; i++) {
      ledger.add(Lines.entry("S" + i, -1, eur(sales[i]), sumup, null, "POS sale " + i));
    }
    long firstTen = java.util.Arrays.stream(sales, 0, 10).sum();
    BankLine payout = Lines.bank("B1", 0, eur(firstTen), "SUMUP PAYMENTS LTD", "PAYOUT PO4711");
    assertThat(propose(List.of(payout), ledger, FeeSchedules.NONE, 0.0))
        .noneMatch(g -> g.ledgerIds().size() > 1);
  }

  @Test
  void proposesNoSetOfABusyCustomersInvoicesThatOnlyItsSumFound() {
    // six invoices of the last two days add up to the transfer, and no other invoice of those days
    // is open; but the customer has forty more open over the fortnight, and of the sets of two to
    // ten of the 22 nearest, which the search tries, several reach any total by chance
    String atlas = "Atlas Zephyr Partners LLC";
    long[] invoices = randomCents(5, 46, 5_000, 45_000);
    List<LedgerEntry> ledger = new ArrayList<>();
    for (int i = 0; i < invoices.length; i++) {
      // the first six on the last two days, the rest over the twelve days before
      int day = i < 6 ? -1 - i % 2 : -3 - i % 12;
      ledger.add(Lines.entry("L" + i, day, eur(invoices[i]), atlas, "INV-" + (500 + i)));
    }
    long six = java.util.Arrays.stream(invoices, 0, 6).sum();
    BankLine paid = Lines.bank("B1", 0, eur(six), "ATLAS ZEPHYR PARTNERS", "PAYMENT");
    assertThat(propose(List.of(paid), ledger, FeeSchedules.NONE, 0.0))
        .noneMatch(g -> g.ledgerIds().size() > 1);
  }

  @Test
  void proposesACustomersOpenItemsWhoseSumIsTelling() {
    // a customer with five open invoices over two weeks pays three of them in one transfer
    String atlas = "Atlas Zephyr Partners LLC";
    List<LedgerEntry> ledger =
        List.of(
            Lines.entry("L1", -13, "1725.00", atlas, "INV-1158"),
            Lines.entry("L2", -11, "318.40", atlas, "INV-1159"),
            Lines.entry("L3", -8, "96.84", atlas, "INV-1160"),
            Lines.entry("L4", -6, "880.00", atlas, "INV-1161"),
            Lines.entry("L5", -3, "47.15", atlas, "INV-1162"));
    BankLine paid = Lines.bank("B1", 0, "2140.24", "ATLAS ZEPHYR PARTNERS", "PAYMENT");
    assertOneGroupOf(propose(List.of(paid), ledger, FeeSchedules.NONE, 0.0), "L1", "L2", "L3");
  }

  @Test
  void pairsLookAlikesInDateOrderAndSaysSo() {
    // one vendor's rent booked twice in a month and paid twice: either pairing fits the amounts;
    // the earlier payment takes the earlier entry, the later the later
    String maple = "Maple Schneider Retail Ltd";
    List<LedgerEntry> ledger =
        List.of(
            Lines.entry("L1", -6, "-2500.00", maple, null, "Rent / subscription Dec 2025"),
            Lines.entry("L2", -5, "-2500.00", maple, null, "Rent / subscription Dec 2025"));
    List<BankLine> bank =
        List.of(
            Lines.bank("B2", 0, "-2500.00", "MAPLE SCHNEIDER RETAIL LTD", "STANDING ORDER DEC"),
            Lines.bank("B1", -2, "-2500.00", "MAPLE SCHNEIDER R", "STANDING ORDER DEC"));
    List<MatchGroup> groups = propose(bank, ledger, FeeSchedules.NONE, 0.0);
    assertThat(groups)
        .extracting(g -> g.bankIds().get(0).value() + "-" + g.ledgerIds().get(0).value())
        .containsExactlyInAnyOrder("B1-L1", "B2-L2");
    assertThat(groups)
        .allSatisfy(g -> assertThat(g.explanation()).contains("paired in date order"));
  }

  @Test
  void proposesTwinsTheScorerCannotTellApartAtHalfConfidence() {
    // an employee's salary booked twice in a month and paid twice: no candidate is likely
    // enough on its own, yet either pairing settles the same amounts
    String paul = "Paul Schmidt";
    List<LedgerEntry> ledger = new ArrayList<>();
    List<BankLine> bank = new ArrayList<>();
    ledger.add(Lines.entry("L1", 0, "-3500.00", paul, null, "Salary OCT 2026"));
    ledger.add(Lines.entry("L2", 0, "-3500.00", paul, null, "Salary OCT 2026"));
    bank.add(Lines.bank("B2", 1, "-3500.00", "PAUL SCHMIDT", "SALARY OCT 2026"));
    bank.add(Lines.bank("B1", 0, "-3500.00", "PAUL SCHMIDT", "SALARY OCT 2026"));
    // the rest of the payroll run: every salary the same amount, on the same days
    String[] first = {"Hannah", "Lea", "Mia", "Noah", "Sven", "Aiko", "Elias", "Kwame"};
    String[] last = {"Rossi", "Popescu", "Santos", "Berg", "Horvath"};
    for (int i = 0; i < first.length * last.length; i++) {
      String name = first[i % first.length] + " " + last[i / first.length];
      ledger.add(Lines.entry("S" + i, 0, "-3500.00", name, null, "Salary OCT 2026"));
      bank.add(
          Lines.bank(
              "P" + i,
              i % 2,
              "-3500.00",
              name.toUpperCase(java.util.Locale.ROOT),
              "SALARY OCT 2026"));
    }
    List<MatchGroup> groups =
        propose(bank, ledger, FeeSchedules.NONE, LearnedResidue.Settings.DEFAULT.threshold())
            .stream()
            .filter(g -> g.ledgerIds().get(0).value().startsWith("L"))
            .toList();
    assertThat(groups)
        .extracting(g -> g.bankIds().get(0).value() + "-" + g.ledgerIds().get(0).value())
        .containsExactlyInAnyOrder("B1-L1", "B2-L2");
    assertThat(groups)
        .allSatisfy(
            g -> {
              assertThat(g.confidence()).isEqualTo(0.5);
              assertThat(g.explanation()).contains("either pairing settles the same amounts");
            });
  }

  @Test
  void completesAnInvoicePaidInPartsWithTheCounterpartysOtherLines() {
    // an invoice paid in three instalments, the references mangled or missing: the scorer
    // proposes one part; the customer's other two lines make up the rest to the cent
    List<LedgerEntry> ledger =
        List.of(
            Lines.entry("L1", 0, "917.61", "Evergreen Labs S.A.", "RE-1025", "Customer payment"));
    List<BankLine> bank =
        List.of(
            Lines.bank("B1", 1, "367.90", "EVERGREEN LABS SA", "PARTIAL PAYMENT RE-1025 1/3"),
            Lines.bank("B2", 8, "373.51", "EVERGREEN LABS SA", "INSTALMENT 2"),
            Lines.bank("B3", 13, "176.20", "EVERGREEN LABS", "INSTALMENT 3"),
            Lines.bank("B4", 15, "99.00", "EVERGREEN LABS SA", "ORDER 77"));
    List<MatchGroup> groups =
        propose(bank, ledger, FeeSchedules.NONE, 0.0).stream()
            .filter(g -> g.ledgerIds().get(0).value().equals("L1"))
            .toList();
    assertThat(groups)
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g.bankIds())
                  .extracting(id -> id.value())
                  .containsExactlyInAnyOrder("B1", "B2", "B3");
              assertThat(g.rule()).isEqualTo(LearnedResidue.RULE_PARTS);
              assertThat(g.explanation()).contains("paid in parts");
            });
  }

  @Test
  void twoPayoutsOfOneProcessorShareNoSale() {
    // the first payout is pinned by its fee entry (L1, L2); the second nets either L3 + L4 or
    // L1 + L5 to the cent, and L1 is the first payout's: it gets L3 + L4
    String stripe = "Stripe Payments Europe Ltd";
    List<LedgerEntry> ledger =
        List.of(
            Lines.entry("L1", -5, "100.00", stripe, null, "Card sale order 1"),
            Lines.entry("L2", -4, "200.00", stripe, null, "Card sale order 2"),
            Lines.entry("F1", -3, "-4.70", stripe, null, "Processing fees po_AAA"),
            Lines.entry("L3", -5, "120.00", stripe, null, "Card sale order 3"),
            Lines.entry("L4", -4, "190.00", stripe, null, "Card sale order 4"),
            Lines.entry("L5", -4, "210.00", stripe, null, "Card sale order 5"));
    List<BankLine> bank =
        List.of(
            Lines.bank("B1", 0, "295.30", "STRIPE PAYMENTS EUROPE", "STRIPE PAYOUT po_AAA"),
            Lines.bank("B2", 0, "305.16", "STRIPE PAYMENTS EUROPE", "TRANSFER"));
    List<MatchGroup> groups =
        propose(bank, ledger, stripeSchedule(stripe), LearnedResidue.Settings.DEFAULT.threshold());
    assertThat(groups)
        .extracting(
            g ->
                g.bankIds().get(0).value()
                    + "="
                    + g.ledgerIds().stream().map(e -> e.value()).sorted().toList())
        .containsExactlyInAnyOrder("B1=[F1, L1, L2]", "B2=[L3, L4]");
  }

  @Test
  void findsAPayoutFromItsFeeEntryAndExplainsIt() {
    // four card sales and the processor's fee, which carries the payout id the bank text quotes
    String stripe = "Stripe Payments Europe Ltd";
    List<LedgerEntry> ledger = new ArrayList<>();
    String[] sales = {"120.50", "49.90", "314.75", "99.00"};
    for (int i = 0; i < sales.length; i++) {
      ledger.add(
          Lines.entry("L" + i, i - 6, sales[i], stripe, null, "Card sale order " + (500_100 + i)));
    }
    ledger.add(Lines.entry("LF", -2, "-10.50", stripe, null, "Processing fees po_7QX2KD91"));
    // unrelated sales of the same processor around it
    ledger.add(Lines.entry("LX1", -4, "77.00", stripe, null, "Card sale order 500900"));
    ledger.add(Lines.entry("LX2", -3, "150.00", stripe, null, "Card sale order 500901"));
    BankLine payout =
        Lines.bank("B1", 0, "573.65", "STRIPE PAYMENTS EUROPE", "STRIPE PAYOUT po_7QX2KD91");
    List<MatchGroup> groups =
        propose(
            List.of(payout),
            ledger,
            FeeSchedules.NONE,
            LearnedResidue.Settings.DEFAULT.threshold());
    assertThat(groups).hasSize(1);
    assertThat(groups.get(0).ledgerIds())
        .extracting(e -> e.value())
        .containsExactlyInAnyOrder("L0", "L1", "L2", "L3", "LF");
    assertThat(groups.get(0).rule()).isEqualTo(LearnedResidue.RULE_GROUP);
    assertThat(groups.get(0).explanation())
        .contains("5 entries")
        .contains("equal to the bank line");
  }

  @Test
  void trainsFromLabelsAndItsConfidenceTracksMeasuredPrecision(@TempDir Path dir) {
    List<double[]> rows = new ArrayList<>();
    List<Boolean> right = new ArrayList<>();
    List<Reconciliation> residues = new ArrayList<>();
    List<Set<String>> truths = new ArrayList<>();
    List<FeeSchedules> fees = new ArrayList<>();
    for (long seed : new long[] {921, 922}) {
      DatasetGenerator.Dataset d = dataset(seed, 1500);
      Reconciliation rules = new Reconciler(CONFIG, Progress.NONE).run(d.bank(), d.ledger());
      Reconciliation open = LearnedResidue.reopenProposals(rules, d.bank(), d.ledger());
      residues.add(open);
      fees.add(FeeSchedules.learn(rules, d.bank(), d.ledger()));
      truths.add(pairs(d.truth()));
      for (LearnedResidue.Example x :
          LearnedResidue.examples(
              open.unmatchedBank(),
              open.unmatchedLedger(),
              CONFIG,
              null,
              fees.get(fees.size() - 1),
              LearnedResidue.Labels.truth(truths.get(truths.size() - 1)),
              null)) {
        rows.add(x.features());
        right.add(x.right());
      }
    }
    PairScorer first = PairScorer.train(rows, right, false, 5);
    List<double[]> winners = new ArrayList<>();
    List<Boolean> winnerRight = new ArrayList<>();
    for (int i = 0; i < residues.size(); i++) {
      for (LearnedResidue.Example x :
          LearnedResidue.examples(
              residues.get(i).unmatchedBank(),
              residues.get(i).unmatchedLedger(),
              CONFIG,
              null,
              fees.get(i),
              LearnedResidue.Labels.truth(truths.get(i)),
              first)) {
        winners.add(x.features());
        winnerRight.add(x.right());
      }
    }
    PairScorer trained = first.calibrated(winners, winnerRight, 5);
    trained.save(dir);
    PairScorer loaded = PairScorer.load(dir, false);
    assertThat(loaded.confidence(0.7, 3, 0.9)).isEqualTo(trained.confidence(0.7, 3, 0.9));

    // on a dataset it has not seen: confident proposals are right more often than doubtful ones
    DatasetGenerator.Dataset unseen = dataset(923, 2000);
    Reconciliation rules =
        new Reconciler(CONFIG, Progress.NONE).run(unseen.bank(), unseen.ledger());
    Reconciliation open = LearnedResidue.reopenProposals(rules, unseen.bank(), unseen.ledger());
    List<MatchGroup> all =
        new LearnedResidue(CONFIG, loaded, new LearnedResidue.Settings(0.0, 45, 10))
            .propose(
                open.unmatchedBank(),
                open.unmatchedLedger(),
                null,
                FeeSchedules.learn(rules, unseen.bank(), unseen.ledger()),
                Progress.NONE)
            .groups();
    Set<String> truth = pairs(unseen.truth());
    double[] high = precision(all, truth, 0.9, 1.01);
    double[] low = precision(all, truth, 0.0, 0.5);
    assertThat(high[1]).as("pairs at confidence >= 0.9").isGreaterThan(50);
    assertThat(high[0] / high[1]).as("precision at confidence >= 0.9").isGreaterThan(0.9);
    assertThat(low[0] / Math.max(1, low[1]))
        .as("precision below 0.5")
        .isLessThan(high[0] / high[1] - 0.2);
  }

  /** {right pairs, pairs} of the groups whose confidence lies in [from, to). */
  private static double[] precision(
      List<MatchGroup> groups, Set<String> truth, double from, double to) {
    double[] out = new double[2];
    for (MatchGroup g : groups) {
      if (g.confidence() >= from && g.confidence() < to) {
        for (var e : g.ledgerIds()) {
          out[1]++;
          out[0] += truth.contains(g.bankIds().get(0).value() + "|" + e.value()) ? 1 : 0;
        }
      }
    }
    return out;
  }
}
