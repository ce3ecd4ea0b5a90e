package org.tieout.anomaly.dataset;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.tieout.anomaly.AnomalyType;
import org.tieout.core.EntryId;
import org.tieout.core.LedgerEntry;
import org.tieout.core.Money;

/**
 * A labelled ledger: a year of ordinary postings by people on weekdays and by scheduled jobs at
 * night, with legitimate look-alikes (night-time system postings, rent that is always a round sum,
 * vendors whose invoices are always large, weekly charges of equal amounts), and about 2% injected
 * anomalies of each named type. The truth names every injected entry with its type.
 */
public final class AnomalyDatasetGenerator {

  public record Options(long seed, int entries, LocalDate start, double anomalyShare) {}

  public record Dataset(List<LedgerEntry> ledger, List<Label> truth) {}

  public record Label(EntryId entry, AnomalyType type) {}

  private static final String ACCOUNT = "DE00TIEOUT0000000001";
  private static final String[] EXPENSE_GL = {"2000", "6100", "6300", "6400"};

  private final Options options;
  private final SplittableRandom rnd;
  private final List<Row> rows = new ArrayList<>();
  private final List<Vendor> vendors = new ArrayList<>();
  private int refSeq = 10_000;

  private record Vendor(String name, double logMean, double logSd, String gl, boolean round) {}

  private static final class Row {
    LocalDate date;
    long minor;
    String party;
    String ref;
    String gl;
    String type;
    String user;
    OffsetDateTime at;
    AnomalyType label;
  }

  public AnomalyDatasetGenerator(Options options) {
    this.options = options;
    this.rnd = new SplittableRandom(options.seed());
    int n = Math.max(20, options.entries() / 60);
    for (int i = 0; i < n; i++) {
      boolean big = rnd.nextInt(10) == 0;
      vendors.add(
          new Vendor(
              "Vendor " + (char) ('A' + i % 26) + (i / 26) + " " + pick("GmbH", "Ltd", "BV", "Inc"),
              big ? 4.5 + rnd.nextDouble() : 2.2 + rnd.nextDouble() * 1.3,
              0.12 + rnd.nextDouble() * 0.15,
              EXPENSE_GL[rnd.nextInt(EXPENSE_GL.length)],
              rnd.nextInt(12) == 0));
    }
  }

  public Dataset generate() {
    int target = options.entries();
    int anomalies = (int) Math.round(target * options.anomalyShare());
    scheduled();
    while (rows.size() < target - anomalies) {
      ordinary();
    }
    injectAnomalies(anomalies);
    rows.sort(Comparator.comparing((Row r) -> r.date).thenComparing(r -> r.at));
    List<LedgerEntry> ledger = new ArrayList<>(rows.size());
    List<Label> truth = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      EntryId id = new EntryId(String.format(Locale.ROOT, "J%07d", i + 1));
      ledger.add(
          new LedgerEntry(
              id,
              ACCOUNT,
              r.date,
              Money.ofMinor(r.minor, "EUR"),
              r.party,
              r.type + " " + (r.ref == null ? "" : r.ref),
              r.ref,
              r.gl,
              r.type,
              r.user,
              r.at,
              null,
              null));
      if (r.label != null) {
        truth.add(new Label(id, r.label));
      }
    }
    return new Dataset(ledger, truth);
  }

  // ---- ordinary postings and look-alikes ----

  /**
   * What runs on a schedule: monthly rent (a round sum, by the system at night), monthly payroll
   * (by the system at night; some salaries just below an approval limit), weekly subscriptions of
   * equal amounts with no invoice number.
   */
  private void scheduled() {
    int employees = Math.max(10, options.entries() / 150);
    for (int m = 0; m < 12; m++) {
      LocalDate month = options.start().plusMonths(m);
      for (int l = 0; l < 4; l++) {
        row(
            month.withDayOfMonth(1),
            -(l % 2 == 0 ? 500_000 : 250_000),
            "Landlord " + l + " GmbH",
            null,
            "6200",
            "vendor_payment",
            "system");
      }
      for (int e = 0; e < employees; e++) {
        long salary = 250_000 + (e * 7919L % 250_000);
        row(month.withDayOfMonth(25), -salary, "Employee " + e, null, "2300", "payroll", "system");
      }
    }
    for (int s = 0; s < 3; s++) {
      Vendor v = vendors.get(s);
      long amount = -amount(v.logMean, 0.01);
      for (int w = 0; w < 52; w++) {
        row(
            weekdayNear(options.start().plusWeeks(w), 0),
            amount,
            v.name,
            null,
            v.gl,
            "vendor_payment",
            human());
      }
    }
  }

  private void ordinary() {
    int p = rnd.nextInt(100);
    if (p < 75) {
      vendorPayment(vendors.get(rnd.nextInt(vendors.size())), weekday(), human(), null);
    } else if (p < 90) {
      row(
          weekday(),
          amount(2.8, 0.4),
          "Customer " + rnd.nextInt(400),
          nextRef("INV"),
          "1200",
          "customer_payment",
          human());
    } else {
      // bank fees by the scheduled job, weekends included
      row(anyDay(), -(500 + rnd.nextLong(4_000)), "Tieout Bank", null, "6800", "fee", "system");
    }
  }

  private Row vendorPayment(Vendor v, LocalDate d, String user, AnomalyType label) {
    long amount =
        v.round
            ? -Math.round(Math.pow(10, v.logMean + rnd.nextGaussian() * v.logSd) / 1000) * 100_000
            : -amount(v.logMean, v.logSd);
    Row r =
        row(
            d,
            amount == 0 ? -100_000 : amount,
            v.name,
            nextRef(pick("BILL", "F", "R")),
            v.gl,
            "vendor_payment",
            user);
    r.label = label;
    return r;
  }

  // ---- anomalies ----

  private void injectAnomalies(int n) {
    // one person inventing amounts per 25,000 entries; the rest spread over the other types
    int benford = 0;
    for (int k = 0; k < Math.max(1, options.entries() / 25_000); k++) {
      benford += inject(AnomalyType.BENFORD_DEVIATION);
    }
    AnomalyType[] types =
        java.util.Arrays.stream(AnomalyType.values())
            .filter(t -> t != AnomalyType.BENFORD_DEVIATION && t != AnomalyType.LEARNED_PATTERN)
            .toArray(AnomalyType[]::new);
    int i = benford;
    while (i < n) {
      i += inject(types[rnd.nextInt(types.length)]);
    }
  }

  private int inject(AnomalyType t) {
    Vendor v = vendors.get(rnd.nextInt(vendors.size()));
    switch (t) {
      case DUPLICATE_PAYMENT -> {
        Row original = vendorPayment(v, weekday(), human(), null);
        Row copy = copyOf(original, original.date.plusDays(rnd.nextInt(6)));
        int how = rnd.nextInt(3);
        copy.ref = how == 0 ? original.ref : how == 1 ? typo(original.ref) : null;
        copy.label = t;
        return 1;
      }
      case AMOUNT_OUTLIER -> {
        Row r = vendorPayment(v, weekday(), human(), t);
        r.minor = r.minor * (15 + rnd.nextInt(60));
        return 1;
      }
      case ROUND_AMOUNT -> {
        if (v.round) {
          return 0;
        }
        Row r = vendorPayment(v, weekday(), human(), t);
        r.minor = -(3 + rnd.nextInt(18)) * 100_000L;
        return 1;
      }
      case OFF_HOURS -> {
        Row r = vendorPayment(v, weekday(), human(), t);
        int hour = rnd.nextBoolean() ? 22 + rnd.nextInt(2) : rnd.nextInt(5);
        r.at = stampAt(r.date, hour);
        return 1;
      }
      case WEEKEND_POSTING -> {
        LocalDate d = weekday();
        d =
            d.plusDays(
                DayOfWeek.SATURDAY.getValue() - d.getDayOfWeek().getValue() + rnd.nextInt(2));
        Row r = vendorPayment(v, d, human(), t);
        r.at = stampAt(d, 9 + rnd.nextInt(8));
        return 1;
      }
      case BELOW_APPROVAL_THRESHOLD -> {
        String user = human();
        LocalDate d = weekday();
        long limit = rnd.nextBoolean() ? 500_000 : 1_000_000;
        int count = 3 + rnd.nextInt(3);
        for (int k = 0; k < count; k++) {
          Row r =
              vendorPayment(vendors.get(rnd.nextInt(vendors.size())), weekdayNear(d, 20), user, t);
          r.minor = -(limit - 100 - rnd.nextLong(limit / 100));
        }
        return count;
      }
      case RARE_ACCOUNT_PAIR -> {
        Row r = vendorPayment(v, weekday(), human(), t);
        r.gl = pick("1500", "6900", "3100");
        return 1;
      }
      case NEW_COUNTERPARTY -> {
        Vendor fresh =
            new Vendor(
                "New Supplier " + rnd.nextInt(1_000_000) + " SARL",
                4.6 + rnd.nextDouble() * 0.6,
                0.1,
                v.gl,
                false);
        LocalDate d = options.start().plusDays(120 + rnd.nextInt(230));
        vendorPayment(fresh, weekdayNear(d, 0), human(), t);
        return 1;
      }
      case BENFORD_DEVIATION -> {
        // one person's invented amounts: first digits 7 to 9, far from Benford
        String user = "clerk" + (9 + rnd.nextInt(90));
        int count = 60;
        for (int k = 0; k < count; k++) {
          Row r = vendorPayment(vendors.get(rnd.nextInt(vendors.size())), weekday(), user, t);
          long magnitude = (long) Math.pow(10, 4 + rnd.nextInt(2));
          r.minor = -((7 + rnd.nextInt(3)) * magnitude + rnd.nextLong(magnitude));
        }
        return count;
      }
      default -> throw new IllegalStateException(t.toString());
    }
  }

  // ---- pieces ----

  /** A second posting of the same bill, always after the first (later day, or later that day). */
  private Row copyOf(Row o, LocalDate date) {
    Row r = row(date, o.minor, o.party, o.ref, o.gl, o.type, human());
    if (!r.at.isAfter(o.at)) {
      r.at = o.at.plusMinutes(5 + rnd.nextInt(120));
    }
    return r;
  }

  private Row row(
      LocalDate date, long minor, String party, String ref, String gl, String type, String user) {
    Row r = new Row();
    r.date = date;
    r.minor = minor;
    r.party = party;
    r.ref = ref;
    r.gl = gl;
    r.type = type;
    r.user = user;
    r.at =
        user.equals("system")
            ? stampAt(date, 1 + rnd.nextInt(3))
            : stampAt(date, 8 + rnd.nextInt(10));
    rows.add(r);
    return r;
  }

  private OffsetDateTime stampAt(LocalDate d, int hour) {
    return d.atTime(hour, rnd.nextInt(60), rnd.nextInt(60)).atOffset(ZoneOffset.ofHours(1));
  }

  private String human() {
    return "clerk" + (1 + rnd.nextInt(8));
  }

  private long amount(double logMean, double logSd) {
    return Math.max(100, Math.round(Math.pow(10, logMean + rnd.nextGaussian() * logSd) * 100));
  }

  private LocalDate anyDay() {
    return options.start().plusDays(rnd.nextInt(365));
  }

  private LocalDate weekday() {
    return weekdayNear(anyDay(), 0);
  }

  private LocalDate weekdayNear(LocalDate d, int spreadDays) {
    LocalDate x = spreadDays == 0 ? d : d.plusDays(rnd.nextInt(spreadDays));
    while (x.getDayOfWeek() == DayOfWeek.SATURDAY || x.getDayOfWeek() == DayOfWeek.SUNDAY) {
      x = x.plusDays(1);
    }
    return x;
  }

  private String nextRef(String prefix) {
    return prefix + "-" + (refSeq++);
  }

  private String typo(String ref) {
    char[] c = ref.toCharArray();
    int i = c.length - 1 - rnd.nextInt(3);
    c[i] = (char) ('0' + (c[i] - '0' + 1) % 10);
    return new String(c);
  }

  private String pick(String... values) {
    return values[rnd.nextInt(values.length)];
  }
}
