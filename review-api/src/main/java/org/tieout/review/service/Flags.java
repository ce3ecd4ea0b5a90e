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

  /**
   * A dismissal can also say the pattern is expected: flags of the same types for the entry's
   * counterparty (or GL account) are then suppressed in later scoring, up to a date.
   */
  public record Expectation(String scope, java.time.LocalDate until) {}

  /** Confirms (a real problem) or dismisses (a legitimate look-alike) a flag, with a reason. */
  public Views.Flag decide(
      Actor actor, long id, boolean confirm, String reason, Integer expectedVersion) {
    return decide(actor, id, confirm, reason, expectedVersion, null);
  }

  public Views.Flag decide(
      Actor actor,
      long id,
      boolean confirm,
      String reason,
      Integer expectedVersion,
      Expectation expectation) {
    if (expectation != null && confirm) {
      throw ReviewException.invalid("only a dismissal can say a pattern is expected");
    }
    if (expectation != null
        && (expectation.until() == null
            || !expectation.until().isAfter(java.time.LocalDate.now())
            || expectation.until().isAfter(java.time.LocalDate.now().plusYears(2)))) {
      throw ReviewException.invalid("an expected pattern needs an expiry date within two years");
    }
    if (expectation != null
        && !("counterparty".equals(expectation.scope())
            || "gl_account".equals(expectation.scope()))) {
      throw ReviewException.invalid(
          "the scope of an expected pattern is counterparty or gl_account");
    }
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
          if (expectation != null) {
            String party =
                expectation.scope().equals("counterparty") ? f.entry().counterparty() : null;
            String gl = expectation.scope().equals("gl_account") ? glAccountOf(id) : null;
            if (party == null && gl == null) {
              throw ReviewException.invalid(
                  "the entry has no " + expectation.scope() + " to scope the expectation to");
            }
            for (String type : f.types().split(";")) {
              jdbc.sql(
                      """
                      insert into anomaly_expectation (anomaly_type, counterparty_name, gl_account,
                        until, reason, decided_by, decided_at, flag_id)
                      values (?, ?, ?, ?, ?, ?, ?, ?)""")
                  .params(
                      type,
                      party,
                      gl,
                      expectation.until(),
                      reason,
                      actor.name(),
                      java.sql.Timestamp.from(Instant.now()),
                      id)
                  .update();
            }
          }
          Map<String, Object> afterState = new LinkedHashMap<>();
          afterState.put("state", state);
          if (expectation != null) {
            afterState.put("expected_for", expectation.scope());
            afterState.put("expected_until", expectation.until().toString());
          }
          audit.append(
              new AuditTrail.Event(
                  actor.name(),
                  confirm ? "flag.confirm" : "flag.dismiss",
                  "anomaly_flag:" + id,
                  before,
                  afterState,
                  reason,
                  null,
                  null));
        });
    meters
        .counter("tieout.review.decisions", "user", actor.name(), "action", "flag_" + state)
        .increment();
    return get(actor, id);
  }

  private String glAccountOf(long flagId) {
    return jdbc.sql(
            "select l.gl_account from anomaly_flag a join ledger_entry l on l.id = a.ledger_entry_id where a.id = ?")
        .param(flagId)
        .query(String.class)
        .optional()
        .orElse(null);
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
