package org.tieout.anomaly.detect;

import java.math.BigDecimal;
import java.time.YearMonth;
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
 * Amounts just below an approval limit, which is what splitting a payment to avoid a second
 * approval looks like; the more such entries one person posts in a month, the stronger.
 */
public final class BelowApprovalLimit implements Detector {
  @Override
  public String name() {
    return "below_approval_threshold";
  }

  @Override
  public List<Flag> detect(Ledger ledger, AnomalyConfig config) {
    record Hit(int index, BigDecimal limit, double percentBelow, String key) {}
    List<Hit> hits = new ArrayList<>();
    Map<String, Integer> perUserMonth = new HashMap<>();
    for (int i = 0; i < ledger.size(); i++) {
      LedgerEntry e = ledger.get(i);
      if (config.isSystemUser(e.createdBy())) {
        continue; // approvals are for what people post, not for scheduled jobs
      }
      BigDecimal amount = e.amount().toBigDecimal().abs();
      for (BigDecimal limit : config.approvalLimits()) {
        if (amount.compareTo(limit) >= 0) {
          continue;
        }
        double below = limit.subtract(amount).doubleValue() / limit.doubleValue() * 100;
        if (below <= config.belowLimitPercent()) {
          String key =
              (e.createdBy() == null ? "?" : e.createdBy()) + "|" + YearMonth.from(e.postingDate());
          perUserMonth.merge(key, 1, Integer::sum);
          hits.add(new Hit(i, limit, below, key));
        }
        break;
      }
    }
    List<Flag> flags = new ArrayList<>();
    for (Hit h : hits) {
      LedgerEntry e = ledger.get(h.index());
      int count = perUserMonth.get(h.key());
      double strength = Math.min(1, 0.45 + 0.15 * (count - 1));
      flags.add(
          new Flag(
              e.id(),
              AnomalyType.BELOW_APPROVAL_THRESHOLD,
              strength,
              String.format(
                  Locale.ROOT,
                  "%s is %.1f%% below the %s approval limit; %d such entr%s by %s in %s",
                  e.amount().format(),
                  h.percentBelow(),
                  h.limit().toPlainString(),
                  count,
                  count == 1 ? "y" : "ies",
                  e.createdBy() == null ? "an unknown user" : e.createdBy(),
                  YearMonth.from(e.postingDate()))));
    }
    return flags;
  }
}
