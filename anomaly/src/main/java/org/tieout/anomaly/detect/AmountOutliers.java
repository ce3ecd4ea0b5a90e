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
import org.tieout.core.Money;

/**
 * An amount far outside its counterparty's pattern: a robust z-score of the log amount against the
 * median and MAD of that counterparty's entries. A vendor whose invoices are always large is
 * measured against itself, so its usual large invoices are not flagged.
 */
public final class AmountOutliers implements Detector {
  /**
   * The smallest spread assumed (log10: a factor of about 1.6): a counterparty billed mostly one
   * fixed amount (a subscription) still sends the odd other invoice without it being an outlier.
   */
  static final double MIN_MAD = 0.2;

  @Override
  public String name() {
    return "amount_outlier";
  }

  @Override
  public List<Flag> detect(Ledger ledger, AnomalyConfig config) {
    List<Flag> flags = new ArrayList<>();
    boolean[] judged = new boolean[ledger.size()];
    for (List<Integer> entries : ledger.byParty().values()) {
      if (entries.size() >= config.minHistory()) {
        String party = ledger.get(entries.get(0)).counterpartyName();
        outliers(ledger, config, entries, "entries for " + party, flags);
        entries.forEach(i -> judged[i] = true);
      }
    }
    // entries of counterparties with too little history are measured against their GL account's
    Map<String, List<Integer>> byAccount = new HashMap<>();
    for (int i = 0; i < ledger.size(); i++) {
      if (!judged[i] && ledger.get(i).glAccount() != null) {
        byAccount
            .computeIfAbsent(
                ledger.get(i).glAccount() + "|" + Long.signum(ledger.get(i).amount().minor()),
                k -> new ArrayList<>())
            .add(i);
      }
    }
    for (Map.Entry<String, List<Integer>> account : byAccount.entrySet()) {
      if (account.getValue().size() >= config.minHistory()) {
        String gl = account.getKey().substring(0, account.getKey().indexOf('|'));
        outliers(
            ledger,
            config,
            account.getValue(),
            "entries on GL " + gl + " of counterparties with little history",
            flags);
      }
    }
    return flags;
  }

  private static void outliers(
      Ledger ledger, AnomalyConfig config, List<Integer> entries, String group, List<Flag> flags) {
    double[] logs = entries.stream().mapToDouble(ledger::logAmount).toArray();
    double median = Stats.median(logs);
    double[] deviations = new double[logs.length];
    for (int k = 0; k < logs.length; k++) {
      deviations[k] = Math.abs(logs[k] - median);
    }
    double mad = Math.max(MIN_MAD, 1.4826 * Stats.median(deviations));
    for (int k = 0; k < logs.length; k++) {
      double z = (logs[k] - median) / mad;
      if (Math.abs(z) < config.outlierMads()) {
        continue;
      }
      LedgerEntry e = ledger.get(entries.get(k));
      long typicalMinor = Math.round(Math.pow(10, median)) * Long.signum(e.amount().minor());
      String typical = Money.ofMinor(typicalMinor, e.amount().currencyCode()).format();
      double strength = Math.min(1, 0.6 + (Math.abs(z) - config.outlierMads()) / 10);
      flags.add(
          new Flag(
              e.id(),
              AnomalyType.AMOUNT_OUTLIER,
              strength,
              String.format(
                  Locale.ROOT,
                  "%s is %.1f robust deviations %s the usual %s (median of %d %s)",
                  e.amount().format(),
                  Math.abs(z),
                  z > 0 ? "above" : "below",
                  typical,
                  logs.length,
                  group)));
    }
  }
}
