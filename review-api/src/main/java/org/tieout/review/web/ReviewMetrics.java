package org.tieout.review.web;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tieout.review.service.Items;
import org.tieout.review.service.Views;

/**
 * Gauges read from the store: queue size and age, open flags, the last run's auto-match rate,
 * duration and group counts. One snapshot serves a scrape; it is at most 15 s old.
 */
@Component
public class ReviewMetrics implements MeterBinder {
  private static final Duration MAX_AGE = Duration.ofSeconds(15);
  private final JdbcClient jdbc;
  private final Items items;
  private volatile Snapshot snapshot;

  public ReviewMetrics(JdbcClient jdbc, Items items) {
    this.jdbc = jdbc;
    this.items = items;
  }

  record Snapshot(
      Instant at,
      long open,
      long pendingSecond,
      double oldestOpenDays,
      long openFlags,
      double lastAutoMatchRate,
      double lastDurationSeconds,
      long lastBankLines) {}

  @Override
  public void bindTo(MeterRegistry r) {
    Gauge.builder("tieout.queue.size", () -> snap().open())
        .description("match groups waiting for a first decision")
        .tag("state", "open")
        .register(r);
    Gauge.builder("tieout.queue.size", () -> snap().pendingSecond())
        .description("match groups waiting for a second approver")
        .tag("state", "pending_second")
        .register(r);
    Gauge.builder("tieout.queue.oldest.age", () -> snap().oldestOpenDays())
        .description("age of the oldest bank line in an open group")
        .baseUnit("days")
        .register(r);
    Gauge.builder("tieout.flags.open", () -> snap().openFlags())
        .description("anomaly flags waiting for review")
        .register(r);
    Gauge.builder("tieout.run.last.auto_match_rate", () -> snap().lastAutoMatchRate())
        .description("share of the last run's bank lines that were auto-matched")
        .register(r);
    Gauge.builder("tieout.run.last.duration", () -> snap().lastDurationSeconds())
        .baseUnit("seconds")
        .register(r);
    Gauge.builder("tieout.run.last.bank_lines", () -> snap().lastBankLines()).register(r);
  }

  private Snapshot snap() {
    Snapshot s = snapshot;
    if (s == null || s.at().plus(MAX_AGE).isBefore(Instant.now())) {
      s = read();
      snapshot = s;
    }
    return s;
  }

  private Snapshot read() {
    Object[] q =
        jdbc.sql(
                """
                select count(*) filter (where review_state = 'open'),
                       count(*) filter (where review_state = 'pending_second'),
                       coalesce(current_date - min(oldest_date), 0)
                from match_group where review_state in ('open', 'pending_second')""")
            .query((rs, i) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getDouble(3)})
            .single();
    long flags =
        jdbc.sql("select count(*) from anomaly_flag where state = 'open'")
            .query(Long.class)
            .single();
    List<Views.Run> last = items.runs(1);
    Views.Run run = last.isEmpty() ? null : last.get(0);
    return new Snapshot(
        Instant.now(),
        (Long) q[0],
        (Long) q[1],
        (Double) q[2],
        flags,
        run == null ? 0 : run.autoMatchRate(),
        run == null || run.durationMs() == null ? 0 : run.durationMs() / 1000.0,
        run == null ? 0 : run.bankLines());
  }
}
