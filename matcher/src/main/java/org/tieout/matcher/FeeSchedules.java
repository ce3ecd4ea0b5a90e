package org.tieout.matcher;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.tieout.core.BankLine;
import org.tieout.core.LedgerEntry;
import org.tieout.core.MatchGroup;
import org.tieout.core.Money;
import org.tieout.matcher.text.NameKey;

/**
 * What each card processor charges, learned from the payouts the rules matched in the same run: a
 * processor pays out its sales less a fee, and processors price by a schedule, a percentage of the
 * gross plus a fixed amount per sale (1.4% + 0.25, say). A schedule is kept only when it gives the
 * fee of most of the processor's matched payouts to the cent; the residue stage then looks for sets
 * of the processor's sales whose gross less the scheduled fee is the payout, a far narrower search
 * than "the payout less some fee", and the scorer is told when a set fits.
 */
public final class FeeSchedules {
  /** No schedules: every candidate is judged without one. */
  public static final FeeSchedules NONE = new FeeSchedules(Map.of());

  /** Fewer matched payouts than this and no schedule is trusted. */
  static final int MIN_PAYOUTS = 3;

  /** The share of a processor's payouts a schedule must give to the cent. */
  static final double MIN_FIT = 0.8;

  /** How far from the schedule a fee may be, in minor units (the rounding of the percentage). */
  static final long TOLERANCE = 1;

  /**
   * A processor's price: {@code basisPoints} hundredths of a percent of the gross plus {@code
   * perItem} minor units per sale; {@code payouts} payouts seen, {@code fitting} given exactly.
   */
  public record Schedule(int basisPoints, long perItem, int payouts, int fitting) {
    /** The fee on {@code gross} (minor units, positive) netted over {@code items} sales. */
    public long fee(long gross, int items) {
      return Math.floorDiv(gross * basisPoints + 5_000, 10_000) + perItem * items;
    }

    boolean fits(long gross, int items, long fee) {
      return Math.abs(fee(gross, items) - fee) <= TOLERANCE;
    }

    /** The gross amounts of {@code items} sales that the schedule nets down to {@code net}. */
    long[] grossRange(long net, int items) {
      double estimate = (net + perItem * (double) items) / (1 - basisPoints / 10_000.0);
      long low = Long.MAX_VALUE;
      long high = Long.MIN_VALUE;
      for (long g = (long) Math.floor(estimate) - 3; g <= (long) Math.ceil(estimate) + 3; g++) {
        if (Math.abs(g - fee(g, items) - net) <= TOLERANCE) {
          low = Math.min(low, g);
          high = Math.max(high, g);
        }
      }
      return low > high ? null : new long[] {low, high};
    }

    String describe(String currency) {
      return String.format(
          Locale.ROOT,
          "%.2f%% + %s per sale (%d of %d payouts to the cent)",
          basisPoints / 100.0,
          Money.ofMinor(perItem, currency).toPlainString(),
          fitting,
          payouts);
    }
  }

  private final Map<String, Schedule> byKey;

  /** Per currency, its counterparties with a schedule: read for every line without a name. */
  private final Map<String, List<String>> blocksByCurrency = new HashMap<>();

  private FeeSchedules(Map<String, Schedule> byKey) {
    this.byKey = byKey;
    new TreeMap<>(byKey)
        .keySet()
        .forEach(
            k -> {
              String[] p = k.split("\\|", 2);
              blocksByCurrency.computeIfAbsent(p[0], c -> new ArrayList<>()).add(p[1]);
            });
  }

  /**
   * The schedule of a counterparty (by its name block) in a currency, or null. A processor prices
   * the same whichever of the company's accounts it pays into, so accounts share what is learned.
   */
  Schedule of(String currency, String block) {
    return byKey.isEmpty() ? null : byKey.get(key(currency, block));
  }

  /** The counterparties (name blocks) with a schedule in a currency, sorted. */
  List<String> blocks(String currency) {
    return blocksByCurrency.getOrDefault(currency, List.of());
  }

  public int size() {
    return byKey.size();
  }

  /** One line per schedule, for the run's note. */
  public List<String> describe() {
    List<String> out = new ArrayList<>();
    new TreeMap<>(byKey)
        .forEach(
            (k, s) -> {
              String[] p = k.split("\\|", -1);
              out.add(p[1] + " (" + p[0] + "): " + s.describe(p[0]));
            });
    return out;
  }

  private static String key(String currency, String block) {
    return currency + "|" + block;
  }

  /**
   * Schedules from the payouts seen: the auto-matched groups of one bank line and several entries
   * whose sales (the entries on the line's side) come from one counterparty and add up to more than
   * the line, and the ledger's own payouts (a counterparty's sales and one fee under one document
   * reference).
   */
  public static FeeSchedules learn(
      Reconciliation rec, List<BankLine> bank, List<LedgerEntry> ledger) {
    Set<String> lineIds = new HashSet<>();
    Set<String> entryIds = new HashSet<>();
    List<MatchGroup> payouts = new ArrayList<>();
    for (MatchGroup g : rec.groups()) {
      if (g.isAuto() && g.bankIds().size() == 1 && g.ledgerIds().size() >= 2) {
        payouts.add(g);
        lineIds.add(g.bankIds().get(0).value());
        g.ledgerIds().forEach(id -> entryIds.add(id.value()));
      }
    }
    Map<String, BankLine> lines = new HashMap<>();
    for (BankLine b : bank) {
      if (lineIds.contains(b.id().value())) {
        lines.put(b.id().value(), b);
      }
    }
    Map<String, LedgerEntry> entries = new HashMap<>();
    // the ledger's own payouts are three or more entries under one document reference, where most
    // references are one invoice's: references are first counted by hash (two that share a count
    // only make it larger), and only those that may have three entries are grouped
    int[] perHash = new int[Integer.highestOneBit(Math.max(16, ledger.size())) << 2];
    for (LedgerEntry e : ledger) {
      if (entryIds.contains(e.id().value())) {
        entries.put(e.id().value(), e);
      }
      if (hasRef(e)) {
        perHash[refSlot(e, perHash.length)]++;
      }
    }
    Map<String, List<LedgerEntry>> byRef = new HashMap<>();
    for (LedgerEntry e : ledger) {
      if (hasRef(e) && perHash[refSlot(e, perHash.length)] >= 3) {
        byRef.computeIfAbsent(e.documentRef(), k -> new ArrayList<>(4)).add(e);
      }
    }
    Map<String, NameKey> names = new HashMap<>();
    // per counterparty: payouts by their first sale's id (a payout seen twice counts once)
    Map<String, Map<String, long[]>> points = new HashMap<>();
    for (MatchGroup g : payouts) {
      List<LedgerEntry> group = new ArrayList<>();
      g.ledgerIds().forEach(id -> group.add(entries.get(id.value())));
      add(points, names, group, lines.get(g.bankIds().get(0).value()).amount().minor());
    }
    for (List<LedgerEntry> group : byRef.values()) {
      if (group.size() < 3) {
        continue;
      }
      long sum = 0;
      int fees = 0;
      for (LedgerEntry e : group) {
        sum += e.amount().minor();
        fees += e.amount().minor() < 0 ? 1 : 0;
      }
      if (fees == 1) {
        add(points, names, group, sum);
      }
    }
    Map<String, Schedule> out = new HashMap<>();
    points.forEach(
        (k, byPayout) -> {
          // in the order of the payouts' first sales: the fit's sums do not depend on how the
          // payouts were gathered
          Schedule s = fit(new ArrayList<>(new TreeMap<>(byPayout).values()));
          if (s != null) {
            out.put(k, s);
          }
        });
    return out.isEmpty() ? NONE : new FeeSchedules(out);
  }

  private static boolean hasRef(LedgerEntry e) {
    return e.documentRef() != null && !e.documentRef().isBlank();
  }

  private static int refSlot(LedgerEntry e, int slots) {
    int h = e.documentRef().hashCode() * 0x9E3779B9;
    return (h ^ (h >>> 16)) & (slots - 1);
  }

  /**
   * One payout's point (gross of its sales, their count, the fee) under its counterparty, if its
   * sales all come from one counterparty and add up to more than the {@code net} paid out.
   */
  private static void add(
      Map<String, Map<String, long[]>> points,
      Map<String, NameKey> names,
      List<LedgerEntry> group,
      long net) {
    long gross = 0;
    int sales = 0;
    String block = null;
    String first = null;
    String currency = null;
    for (LedgerEntry e : group) {
      if (e.amount().minor() <= 0) {
        continue;
      }
      String raw = e.counterpartyName() == null ? "" : e.counterpartyName();
      String b = names.computeIfAbsent(raw, NameKey::of).block();
      if (block != null && !block.equals(b)) {
        return;
      }
      block = b;
      gross += e.amount().minor();
      sales++;
      String id = e.id().value();
      first = first == null || id.compareTo(first) < 0 ? id : first;
      if (currency != null && !currency.equals(e.amount().currencyCode())) {
        return;
      }
      currency = e.amount().currencyCode();
    }
    if (block == null || block.isEmpty() || sales < 2 || net <= 0 || gross <= net) {
      return;
    }
    points
        .computeIfAbsent(key(currency, block), k -> new HashMap<>())
        .put(first, new long[] {gross, sales, gross - net});
  }

  /**
   * The schedule that gives most of the fees to the cent: least squares for a first estimate, then
   * the whole basis points and minor units around it.
   */
  static Schedule fit(List<long[]> points) {
    if (points.size() < MIN_PAYOUTS) {
      return null;
    }
    // least squares for fee = rate * gross + perItem * items
    double sgg = 0;
    double sgn = 0;
    double snn = 0;
    double sgf = 0;
    double snf = 0;
    for (long[] p : points) {
      sgg += (double) p[0] * p[0];
      sgn += (double) p[0] * p[1];
      snn += (double) p[1] * p[1];
      sgf += (double) p[0] * p[2];
      snf += (double) p[1] * p[2];
    }
    double det = sgg * snn - sgn * sgn;
    double rate;
    double perItem;
    if (Math.abs(det) < 1e-9 * sgg * snn) {
      rate = sgf / sgg;
      perItem = 0;
    } else {
      rate = (sgf * snn - snf * sgn) / det;
      perItem = (sgg * snf - sgn * sgf) / det;
    }
    int bp0 = (int) Math.round(rate * 10_000);
    long item0 = Math.round(perItem);
    // payouts that all net the same number of sales cannot tell a percentage from a fixed part
    if (points.stream().mapToLong(p -> p[1]).distinct().count() < 2) {
      return null;
    }
    Schedule best = null;
    long bestMiss = Long.MAX_VALUE;
    for (int bp = Math.max(0, bp0 - 3); bp <= bp0 + 3; bp++) {
      for (long item = Math.max(0, item0 - 3); item <= item0 + 3; item++) {
        if (bp == 0 && item == 0) {
          continue;
        }
        Schedule s = new Schedule(bp, item, points.size(), 0);
        int fitting = 0;
        long miss = 0;
        for (long[] p : points) {
          long off = s.fee(p[0], (int) p[1]) - p[2];
          fitting += Math.abs(off) <= TOLERANCE ? 1 : 0;
          miss += off * off;
        }
        // most fees to the cent; between equals, the smaller misses
        if (best == null
            || fitting > best.fitting()
            || (fitting == best.fitting() && miss < bestMiss)) {
          best = new Schedule(bp, item, points.size(), fitting);
          bestMiss = miss;
        }
      }
    }
    return best != null && best.fitting() >= MIN_FIT * points.size() ? best : null;
  }
}
