package org.tieout.anomaly;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * The limits the detectors use. Defaults suit a mid-sized company; every one is explicit so that an
 * auditor can read what "unusual" meant in a run.
 *
 * @param approvalLimits amounts (in the entry's currency units) above which a second approval is
 *     needed; entries just below them are what splitting to avoid approval looks like
 * @param belowLimitPercent how close below a limit counts, in percent of the limit
 * @param duplicateWindowDays same counterparty and amount within this many days may be a duplicate
 * @param outlierMads robust z-score (in MADs of log amounts) above which an amount is an outlier
 * @param minHistory entries of a counterparty or account needed before its pattern is trusted
 * @param workdayStartHour human postings before this hour are off hours
 * @param workdayEndHour human postings at or after this hour are off hours
 * @param systemUsers who posts by schedule, not by hand (lower case, prefix match)
 * @param benfordMinEntries entries of a poster or counterparty needed for a Benford test
 * @param benfordMaxMad first-digit mean absolute deviation above which a group is nonconforming
 *     (Nigrini: 0.015)
 * @param threshold score above which an entry is flagged for review
 */
public record AnomalyConfig(
    List<BigDecimal> approvalLimits,
    double belowLimitPercent,
    int duplicateWindowDays,
    double outlierMads,
    int minHistory,
    int workdayStartHour,
    int workdayEndHour,
    Set<String> systemUsers,
    int benfordMinEntries,
    double benfordMaxMad,
    double threshold) {

  public static AnomalyConfig defaults() {
    return new AnomalyConfig(
        List.of(new BigDecimal("5000"), new BigDecimal("10000"), new BigDecimal("25000")),
        3.0,
        14,
        4.0,
        8,
        6,
        20,
        Set.of("system", "batch", "sched", "sap_job", "interface"),
        60,
        0.015,
        0.5);
  }

  public boolean isSystemUser(String user) {
    if (user == null) {
      return false;
    }
    String u = user.toLowerCase(java.util.Locale.ROOT);
    return systemUsers.stream().anyMatch(u::startsWith);
  }
}
