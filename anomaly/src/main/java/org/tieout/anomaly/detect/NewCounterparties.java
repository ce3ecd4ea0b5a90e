package org.tieout.anomaly.detect;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.tieout.anomaly.AnomalyConfig;
import org.tieout.anomaly.AnomalyType;
import org.tieout.anomaly.Detector;
import org.tieout.anomaly.Flag;
import org.tieout.anomaly.Ledger;
import org.tieout.core.LedgerEntry;
import org.tieout.core.Money;

/**
 * A first payment to a vendor that is large: a counterparty first seen after the first quarter of
 * the ledger's span (so not merely the start of the export) and paid more than nine in ten vendor
 * payments.
 */
public final class NewCounterparties implements Detector {
  @Override
  public String name() {
    return "new_counterparty";
  }

  @Override
  public List<Flag> detect(Ledger ledger, AnomalyConfig config) {
    List<Flag> flags = new ArrayList<>();
    if (ledger.size() == 0) {
      return flags;
    }
    LocalDate first = ledger.get(0).postingDate();
    LocalDate last = ledger.get(ledger.size() - 1).postingDate();
    LocalDate established = first.plusDays((last.toEpochDay() - first.toEpochDay()) / 4);
    double[] payments = new double[ledger.size()];
    int n = 0;
    for (int i = 0; i < ledger.size(); i++) {
      if (ledger.get(i).amount().isNegative()) {
        payments[n++] = ledger.logAmount(i);
      }
    }
    if (n < 20) {
      return flags;
    }
    double large = Stats.quantile(java.util.Arrays.copyOf(payments, n), 0.9);
    for (List<Integer> entries : ledger.byParty().values()) {
      int i = entries.get(0);
      LedgerEntry e = ledger.get(i);
      if (e.amount().isNegative()
          && e.postingDate().isAfter(established)
          && ledger.logAmount(i) >= large) {
        String p90 =
            Money.ofMinor(-Math.round(Math.pow(10, large)), e.amount().currencyCode()).format();
        flags.add(
            new Flag(
                e.id(),
                AnomalyType.NEW_COUNTERPARTY,
                0.8,
                "first payment to "
                    + e.counterpartyName()
                    + " (first seen "
                    + e.postingDate()
                    + ") is "
                    + e.amount().format()
                    + ", larger than 90% of vendor payments ("
                    + p90
                    + ")"));
      }
    }
    return flags;
  }
}
