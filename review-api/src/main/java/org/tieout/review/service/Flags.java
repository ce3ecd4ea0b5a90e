package org.tieout.review.service;

import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Anomaly flags waiting for review, and the decisions on them: confirm or dismiss, with a reason.
 */
@Component
public class Flags {
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final AuditTrail audit;
  private final MeterRegistry meters;

  public Flags(JdbcClient jdbc, TransactionTemplate tx, AuditTrail audit, MeterRegistry meters) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.audit = audit;
    this.meters = meters;
  }

  private static final String SELECT =
      """
      select a.id flag_id, a.score, a.types, a.explanation, a.state, a.version flag_version, a.source,
        a.decided_by, a.reason, l.*, f.name file_name
      from anomaly_flag a join ledger_entry l on l.id = a.ledger_entry_id
      join source_file f on f.id = l.source_file_id""";

  /** Flags in a state (default open), highest score first, keyset by (score, id). */
  public Views.Page<Views.Flag> list(Actor actor, String state, String after, int limit) {
    int n = Math.max(1, Math.min(limit, 200));
    String s = state == null ? "open" : state;
    StringBuilder where = new StringBuilder(" where a.state = :state");
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("state", s);
    if (!actor.accounts().isEmpty()) {
      where.append(" and l.account_id in (:visible)");
      params.put("visible", actor.accounts());
    }
    JdbcClient.StatementSpec count =
        jdbc.sql(
            "select count(*) from anomaly_flag a join ledger_entry l on l.id = a.ledger_entry_id"
                + where);
    for (Map.Entry<String, Object> e : params.entrySet()) {
      count = count.param(e.getKey(), e.getValue());
    }
    long total = count.query(Long.class).single();
    if (after != null && !after.isBlank()) {
      String[] p = after.split("_", 2);
      try {
        params.put("afterScore", new BigDecimal(p[0]));
        params.put("afterId", Long.parseLong(p[1]));
      } catch (RuntimeException e) {
        throw ReviewException.badRequest("'after' must be a cursor from a previous page");
      }
      where.append(" and (a.score < :afterScore or (a.score = :afterScore and a.id > :afterId))");
    }
    params.put("limit", n);
    JdbcClient.StatementSpec spec =
        jdbc.sql(SELECT + where + " order by a.score desc, a.id limit :limit");
    for (Map.Entry<String, Object> e : params.entrySet()) {
      spec = spec.param(e.getKey(), e.getValue());
    }
    List<Views.Flag> items = spec.query((rs, i) -> flag(rs)).list();
    String next = null;
    if (items.size() == n) {
      Views.Flag last = items.get(n - 1);
      next = BigDecimal.valueOf(last.score()).toPlainString() + "_" + last.id();
    }
    return new Views.Page<>(items, total, next);
  }

  public Views.Flag get(Actor actor, long id) {
    return jdbc.sql(SELECT + " where a.id = ?")
        .param(id)
        .query((rs, i) -> flag(rs))
        .optional()
        .filter(f -> actor.sees(f.entry().accountId()))
        .orElseThrow(() -> ReviewException.notFound("anomaly flag " + id));
  }

  /** Confirms (a real problem) or dismisses (a legitimate look-alike) a flag, with a reason. */
  public Views.Flag decide(
      Actor actor, long id, boolean confirm, String reason, Integer expectedVersion) {
    actor.require(Role.PREPARER, confirm ? "confirm a flag" : "dismiss a flag");
    if (reason == null || reason.isBlank()) {
      throw ReviewException.invalid("a decision on a flag needs a reason");
    }
    String state = confirm ? "confirmed" : "dismissed";
    tx.executeWithoutResult(
        t -> {
          Views.Flag f =
              jdbc.sql(SELECT + " where a.id = ? for update of a")
                  .param(id)
                  .query((rs, i) -> flag(rs))
                  .optional()
                  .filter(x -> actor.sees(x.entry().accountId()))
                  .orElseThrow(() -> ReviewException.notFound("anomaly flag " + id));
          if (expectedVersion != null && expectedVersion != f.version()) {
            throw ReviewException.conflict(
                "anomaly flag " + id + " changed since it was read; reload it");
          }
          if (!f.state().equals("open")) {
            throw ReviewException.conflict("anomaly flag " + id + " is already " + f.state());
          }
          jdbc.sql(
                  """
                  update anomaly_flag set state = ?, version = version + 1, decided_by = ?,
                    decided_at = ?, reason = ? where id = ?""")
              .params(state, actor.name(), java.sql.Timestamp.from(Instant.now()), reason, id)
              .update();
          Map<String, Object> before = new LinkedHashMap<>();
          before.put("state", "open");
          before.put("types", f.types());
          before.put("score", f.score());
          before.put("entry_id", f.entry().entryId());
          audit.append(
              new AuditTrail.Event(
                  actor.name(),
                  confirm ? "flag.confirm" : "flag.dismiss",
                  "anomaly_flag:" + id,
                  before,
                  Map.of("state", state),
                  reason,
                  null,
                  null));
        });
    meters
        .counter("tieout.review.decisions", "user", actor.name(), "action", "flag_" + state)
        .increment();
    return get(actor, id);
  }

  private static Views.Flag flag(ResultSet rs) throws SQLException {
    return new Views.Flag(
        rs.getLong("flag_id"),
        rs.getBigDecimal("score").doubleValue(),
        rs.getString("types"),
        rs.getString("explanation"),
        rs.getString("state"),
        rs.getInt("flag_version"),
        rs.getString("source"),
        rs.getString("decided_by"),
        rs.getString("reason"),
        GroupQueries.ledgerItem(rs));
  }
}
