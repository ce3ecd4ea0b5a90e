package org.tieout.anomaly.model;

import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.tieout.anomaly.AnomalyConfig;
import org.tieout.anomaly.AnomalyType;
import org.tieout.anomaly.Flag;
import org.tieout.anomaly.Ledger;
import org.tieout.core.LedgerEntry;

/**
 * The numeric features the learned model reads per ledger entry: the strength of each detector's
 * flag (0 when it raised none), how many flags there are, and raw features no single rule uses
 * alone: the amount on a log scale, its robust z-score against the counterparty's history, the hour
 * and weekday of posting, whether a system user posted it, and the amount's roundness. Each is
 * scaled to about 0..1.
 */
public final class EntryFeatures {
  /** The rule types whose flags are inputs; the model's own type is its output. */
  private static final AnomalyType[] TYPES =
      java.util.Arrays.stream(AnomalyType.values())
          .filter(t -> t != AnomalyType.LEARNED_PATTERN)
          .toArray(AnomalyType[]::new);

  public static final List<String> NAMES = names();

  private EntryFeatures() {}

  private static List<String> names() {
    String[] n = new String[TYPES.length + 7];
    for (AnomalyType t : TYPES) {
      n[t.ordinal()] = "flag_" + t.code();
    }
    int k = TYPES.length;
    n[k] = "flag_count";
    n[k + 1] = "log_amount";
    n[k + 2] = "amount_z_vs_counterparty";
    n[k + 3] = "posting_hour";
    n[k + 4] = "weekend";
    n[k + 5] = "system_user";
    n[k + 6] = "roundness";
    return List.of(n);
  }

  /** One row per entry of the ledger, in its order. */
  public static double[][] compute(
      Ledger ledger, AnomalyConfig config, Map<org.tieout.core.EntryId, List<Flag>> flags) {
    int n = ledger.size();
    double[] z = counterpartyZ(ledger, config);
    double[][] rows = new double[n][];
    int k = TYPES.length;
    for (int i = 0; i < n; i++) {
      LedgerEntry e = ledger.get(i);
      double[] f = new double[NAMES.size()];
      List<Flag> raised = flags.get(e.id());
      if (raised != null) {
        for (Flag fl : raised) {
          int t = fl.type().ordinal();
          if (t < k) {
            f[t] = Math.max(f[t], fl.strength());
          }
        }
        f[k] = Math.min(1, raised.size() / 3.0);
      }
      f[k + 1] = ledger.logAmount(i) / 7;
      f[k + 2] = Math.min(10, Math.abs(z[i])) / 10;
      f[k + 3] = e.createdAt() == null ? 0.5 : e.createdAt().getHour() / 24.0;
      DayOfWeek d = e.postingDate().getDayOfWeek();
      f[k + 4] = d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY ? 1 : 0;
      f[k + 5] = e.createdBy() != null && config.systemUsers().contains(e.createdBy()) ? 1 : 0;
      f[k + 6] = trailingZeros(Math.abs(e.amount().minor())) / 6.0;
      rows[i] = f;
    }
    return rows;
  }

  private static int trailingZeros(long minor) {
    if (minor == 0) {
      return 0;
    }
    int z = 0;
    while (minor % 10 == 0 && z < 6) {
      minor /= 10;
      z++;
    }
    return z;
  }

  /** log-amount z-score against the same counterparty's median and MAD; 0 without history. */
  private static double[] counterpartyZ(Ledger ledger, AnomalyConfig config) {
    double[] z = new double[ledger.size()];
    for (List<Integer> idx : ledger.byParty().values()) {
      if (idx.size() < config.minHistory()) {
        continue;
      }
      double[] v = new double[idx.size()];
      for (int j = 0; j < v.length; j++) {
        v[j] = ledger.logAmount(idx.get(j));
      }
      double median = median(v.clone());
      double[] dev = new double[v.length];
      for (int j = 0; j < v.length; j++) {
        dev[j] = Math.abs(v[j] - median);
      }
      double mad = Math.max(median(dev), 0.02) * 1.4826;
      for (int j = 0; j < v.length; j++) {
        z[idx.get(j)] = (v[j] - median) / mad;
      }
    }
    return z;
  }

  private static double median(double[] v) {
    Arrays.sort(v);
    int m = v.length / 2;
    return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
  }
}
