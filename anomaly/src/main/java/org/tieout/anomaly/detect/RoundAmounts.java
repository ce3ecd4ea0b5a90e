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
 * A round sum (a multiple of 1,000) where round sums are unusual: not for a counterparty that is
 * mostly paid round sums (rent, retainers), and stronger on a GL account that rarely sees them.
 */
public final class RoundAmounts implements Detector {
  static final long ROUND_UNITS = 1000;

  @Override
  public String name() {
    return "round_amount";
  }

  static boolean isRound(LedgerEntry e) {
    long unit = (long) Math.pow(10, e.amount().scale()) * ROUND_UNITS;
    long minor = Math.abs(e.amount().minor());
    return minor >= unit && minor % unit == 0;
  }

  @Override
  public List<Flag> detect(Ledger ledger, AnomalyConfig config) {
    Map<String, int[]> byGl = new HashMap<>();
    Map<String, int[]> byParty = new HashMap<>();
    for (int i = 0; i < ledger.size(); i++) {
      LedgerEntry e = ledger.get(i);
      int round = isRound(e) ? 1 : 0;
      int[] g = byGl.computeIfAbsent(String.valueOf(e.glAccount()), k -> new int[2]);
      g[0] += round;
      g[1]++;
      int[] p = byParty.computeIfAbsent(ledger.party(i), k -> new int[2]);
      p[0] += round;
      p[1]++;
    }
    List<Flag> flags = new ArrayList<>();
    for (int i = 0; i < ledger.size(); i++) {
      LedgerEntry e = ledger.get(i);
      if (!isRound(e)) {
        continue;
      }
      int[] p = byParty.get(ledger.party(i));
      if (p[1] >= 3 && p[0] * 2 >= p[1]) {
        continue; // this counterparty is usually paid round sums
      }
      int[] g = byGl.get(String.valueOf(e.glAccount()));
      double glShare = (double) g[0] / g[1];
      double strength = glShare < 0.02 ? 0.9 : glShare < 0.05 ? 0.7 : 0.45;
      flags.add(
          new Flag(
              e.id(),
              AnomalyType.ROUND_AMOUNT,
              strength,
              String.format(
                  Locale.ROOT,
                  "%s is a round sum; %.1f%% of GL %s's %d entries are, and %d of %s's %d",
                  e.amount().format(),
                  glShare * 100,
                  e.glAccount(),
                  g[1],
                  p[0],
                  e.counterpartyName(),
                  p[1])));
    }
    return flags;
  }
}
