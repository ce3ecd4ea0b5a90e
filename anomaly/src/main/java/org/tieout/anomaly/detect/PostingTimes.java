package org.tieout.anomaly.detect;

import java.time.DayOfWeek;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tieout.anomaly.AnomalyConfig;
import org.tieout.anomaly.AnomalyType;
import org.tieout.anomaly.Detector;
import org.tieout.anomaly.Flag;
import org.tieout.anomaly.Ledger;
import org.tieout.core.LedgerEntry;

/**
 * Postings by people at night or on weekends, judged in the timestamp's own offset. Scheduled
 * system postings (the configured system users) run at night by design and are not flagged.
 */
public final class PostingTimes implements Detector {
  @Override
  public String name() {
    return "posting_times";
  }

  @Override
  public List<Flag> detect(Ledger ledger, AnomalyConfig config) {
    List<Flag> flags = new ArrayList<>();
    for (int i = 0; i < ledger.size(); i++) {
      LedgerEntry e = ledger.get(i);
      OffsetDateTime at = e.createdAt();
      if (at == null || config.isSystemUser(e.createdBy())) {
        continue;
      }
      int hour = at.getHour();
      if (hour < config.workdayStartHour() || hour >= config.workdayEndHour()) {
        double strength = hour < 5 || hour >= 23 ? 1.0 : 0.75;
        flags.add(
            new Flag(
                e.id(),
                AnomalyType.OFF_HOURS,
                strength,
                String.format(
                    Locale.ROOT,
                    "posted by %s at %02d:%02d, outside %02d:00-%02d:00",
                    e.createdBy(),
                    hour,
                    at.getMinute(),
                    config.workdayStartHour(),
                    config.workdayEndHour())));
      }
      DayOfWeek day = at.getDayOfWeek();
      if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
        flags.add(
            new Flag(
                e.id(),
                AnomalyType.WEEKEND_POSTING,
                0.9,
                "posted by "
                    + e.createdBy()
                    + " on a "
                    + day.getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH)
                    + " ("
                    + at.toLocalDate()
                    + ")"));
      }
    }
    return flags;
  }
}
