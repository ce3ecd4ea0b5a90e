package org.tieout.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tieout.core.BankLine;
import org.tieout.core.LedgerEntry;
import org.tieout.core.Money;

class FeeSchedulesTest {
  private static final String STRIPE = "Stripe Payments Europe Ltd";

  /** {gross, sales, fee} of payouts priced at {@code bp} basis points plus {@code item} each. */
  private static List<long[]> payouts(int bp, long item, int count, long seed) {
    Random random = new Random(seed);
    List<long[]> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int sales = 2 + random.nextInt(7);
      long gross = 0;
      for (int s = 0; s < sales; s++) {
        gross += 1_000 + random.nextInt(60_000);
      }
      out.add(new long[] {gross, sales, Math.floorDiv(gross * bp + 5_000, 10_000) + item * sales});
    }
    return out;
  }

  @Test
  void findsTheScheduleThatGivesEveryFeeToTheCent() {
    FeeSchedules.Schedule s = FeeSchedules.fit(payouts(290, 30, 12, 1));
    assertThat(s).isNotNull();
    assertThat(s.basisPoints()).isEqualTo(290);
    assertThat(s.perItem()).isEqualTo(30);
    assertThat(s.fitting()).isEqualTo(12);
  }

  @Test
  void trustsNoScheduleForFeesThatFollowNone() {
    Random random = new Random(5);
    List<long[]> points = new ArrayList<>();
    for (long[] p : payouts(140, 25, 12, 2)) {
      points.add(new long[] {p[0], p[1], 100 + random.nextInt(5_000)});
    }
    assertThat(FeeSchedules.fit(points)).isNull();
    // and two payouts are too few to tell a schedule from chance
    assertThat(FeeSchedules.fit(payouts(140, 25, 2, 3))).isNull();
  }

  @Test
  void theGrossRangeNetsDownToThePayout() {
    FeeSchedules.Schedule s = new FeeSchedules.Schedule(140, 25, 5, 5);
    for (long[] p : payouts(140, 25, 50, 4)) {
      long net = p[0] - p[2];
      long[] range = s.grossRange(net, (int) p[1]);
      assertThat(range).isNotNull();
      assertThat(p[0]).isBetween(range[0], range[1]);
      assertThat(range[1] - range[0]).isLessThanOrEqualTo(2 * FeeSchedules.TOLERANCE + 1);
    }
  }

  @Test
  void learnsFromTheLedgersOwnPayoutsAndSaysSo() {
    // three payouts booked under their payout ids: the sales and the processor's fee
    List<LedgerEntry> ledger = new ArrayList<>();
    int id = 0;
    for (long[] p : payouts(140, 25, 3, 6)) {
      String ref = "po_" + id;
      long left = p[0];
      for (int s = 0; s < p[1]; s++) {
        long sale = s == p[1] - 1 ? left : p[0] / p[1];
        left -= sale;
        ledger.add(
            Lines.entry(
                "L" + id++, -s, Money.ofMinor(sale, "EUR").toPlainString(), STRIPE, ref, "sale"));
      }
      ledger.add(
          Lines.entry(
              "L" + id++, 0, Money.ofMinor(-p[2], "EUR").toPlainString(), STRIPE, ref, "fees"));
    }
    // among thousands of invoices, each under a reference of its own, and entries without one
    for (int k = 0; k < 5_000; k++) {
      ledger.add(
          Lines.entry(
              "L" + id++,
              -k % 30,
              "120.00",
              "Acme " + k % 40,
              k % 7 == 0 ? "" : "INV-" + k,
              "inv"));
    }
    Reconciliation none = new Reconciliation(List.of(), List.<BankLine>of(), ledger, Map.of());
    FeeSchedules fees = FeeSchedules.learn(none, List.of(), ledger);
    assertThat(fees.size()).isEqualTo(1);
    assertThat(fees.describe())
        .singleElement()
        .asString()
        .contains("1.40% + 0.25 per sale")
        .contains("3 of 3 payouts");
  }
}
