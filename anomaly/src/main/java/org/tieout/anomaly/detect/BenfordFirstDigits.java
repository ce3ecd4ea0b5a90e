package org.tieout.anomaly.detect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tieout.anomaly.AnomalyConfig;
import org.tieout.anomaly.AnomalyType;
import org.tieout.anomaly.Detector;
import org.tieout.anomaly.Flag;
import org.tieout.anomaly.Ledger;
import org.tieout.core.LedgerEntry;

/**
 * First digits that break Benford's law, per poster and per counterparty with enough entries: the
 * mean absolute deviation of the digit shares from Benford's (Nigrini's test; above 0.015 is
 * nonconforming). In a nonconforming group, the entries whose first digit is overrepresented are
 * flagged.
 */
public final class BenfordFirstDigits implements Detector {
  static final double[] EXPECTED = new double[10];

  static {
    for (int d = 1; d <= 9; d++) {
      EXPECTED[d] = Math.log10(1 + 1.0 / d);
    }
  }

  @Override
  public String name() {
    return "benford_deviation";
  }

  static int firstDigit(LedgerEntry e) {
    long v = Math.abs(e.amount().minor());
    while (v >= 10) {
      v /= 10;
    }
    return (int) v;
  }

  /**
   * Benford's law describes amounts spread over orders of magnitude, not a handful of repeated ones
   * (rent, salaries, a subscription): the group must span two orders of magnitude and be mostly
   * distinct amounts.
   */
  static boolean benfordApplies(Ledger ledger, List<Integer> members) {
    double min = Double.MAX_VALUE;
    double max = 0;
    java.util.Set<Long> distinct = new java.util.HashSet<>();
    for (int i : members) {
      double l = ledger.logAmount(i);
      min = Math.min(min, l);
      max = Math.max(max, l);
      distinct.add(ledger.get(i).amount().minor());
    }
    return max - min >= 1 && distinct.size() * 2 >= members.size();
  }

  @Override
  public List<Flag> detect(Ledger ledger, AnomalyConfig config) {
    Map<String, List<Integer>> groups = new HashMap<>();
    for (int i = 0; i < ledger.size(); i++) {
      LedgerEntry e = ledger.get(i);
      if (e.createdBy() != null && !config.isSystemUser(e.createdBy())) {
        groups.computeIfAbsent("poster " + e.createdBy(), k -> new ArrayList<>()).add(i);
      }
      if (!ledger.party(i).isEmpty()) {
        groups
            .computeIfAbsent("counterparty " + e.counterpartyName(), k -> new ArrayList<>())
            .add(i);
      }
    }
    Map<Integer, Flag> flags = new HashMap<>();
    for (Map.Entry<String, List<Integer>> g : groups.entrySet()) {
      List<Integer> members = g.getValue();
      if (members.size() < config.benfordMinEntries() || !benfordApplies(ledger, members)) {
        continue;
      }
      int[] counts = new int[10];
      for (int i : members) {
        counts[firstDigit(ledger.get(i))]++;
      }
      double mad = 0;
      for (int d = 1; d <= 9; d++) {
        mad += Math.abs((double) counts[d] / members.size() - EXPECTED[d]);
      }
      mad /= 9;
      if (mad <= config.benfordMaxMad()) {
        continue;
      }
      for (int i : members) {
        int d = firstDigit(ledger.get(i));
        double share = (double) counts[d] / members.size();
        if (share > 2 * EXPECTED[d]) {
          LedgerEntry e = ledger.get(i);
          flags.putIfAbsent(
              i,
              new Flag(
                  e.id(),
                  AnomalyType.BENFORD_DEVIATION,
                  Math.min(1, 0.5 + mad * 10),
                  String.format(
                      Locale.ROOT,
                      "first digits of %s's %d entries deviate from Benford's law (MAD %.3f > %.3f); digit %d starts %.0f%% of them, %.1f%% expected",
                      g.getKey(),
                      members.size(),
                      mad,
                      config.benfordMaxMad(),
                      d,
                      share * 100,
                      EXPECTED[d] * 100)));
        }
      }
    }
    return new ArrayList<>(flags.values());
  }
}
