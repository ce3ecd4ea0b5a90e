package org.tieout.review.service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Open (unsettled) bank lines and ledger entries, and the history of runs. */
@Component
public class Items {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final JdbcClient jdbc;

  public Items(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Bank lines no settled group holds, oldest first, keyset by id within the account filter. */
  public List<Views.BankItem> openBank(Actor actor, String account, long afterId, int limit) {
    return jdbc.sql(
            """
            select b.*, f.name file_name from bank_line b join source_file f on f.id = b.source_file_id
            where b.id > :after and (cast(:account as text) is null or b.account_id = :account)
              and (:all or b.account_id in (:visible))
              and not exists (select 1 from match_group_bank m where m.bank_line_id = b.id and m.settled)
            order by b.id limit :limit""")
        .param("after", afterId)
        .param("account", account)
        .param("all", actor.accounts().isEmpty())
        .param("visible", visible(actor))
        .param("limit", Math.max(1, Math.min(limit, 500)))
        .query((rs, i) -> GroupQueries.bankItem(rs))
        .list();
  }

  /** Ledger entries no settled group holds. */
  public List<Views.LedgerItem> openLedger(Actor actor, String account, long afterId, int limit) {
    return jdbc.sql(
            """
            select l.*, f.name file_name from ledger_entry l join source_file f on f.id = l.source_file_id
            where l.id > :after and (cast(:account as text) is null or l.account_id = :account)
              and (:all or l.account_id in (:visible))
              and not exists (select 1 from match_group_ledger m where m.ledger_entry_id = l.id and m.settled)
            order by l.id limit :limit""")
        .param("after", afterId)
        .param("account", account)
        .param("all", actor.accounts().isEmpty())
        .param("visible", visible(actor))
        .param("limit", Math.max(1, Math.min(limit, 500)))
        .query((rs, i) -> GroupQueries.ledgerItem(rs))
        .list();
  }

  private static List<String> visible(Actor actor) {
    return actor.accounts().isEmpty() ? List.of("") : List.copyOf(actor.accounts());
  }

  /** Runs, newest first. */
  public List<Views.Run> runs(int limit) {
    return jdbc.sql(
            """
            select id, status, started_at, finished_at, duration_ms, attempts, counts::text counts
            from reconciliation_run order by id desc limit ?""")
        .param(Math.max(1, Math.min(limit, 500)))
        .query((rs, i) -> run(rs))
        .list();
  }

  private static Views.Run run(ResultSet rs) throws SQLException {
    String counts = rs.getString("counts");
    long bank = 0;
    long auto = 0;
    if (counts != null) {
      JsonNode c = JSON.readTree(counts);
      bank = c.path("bank_lines").asLong(0);
      auto = c.path("auto_matched_bank_lines").asLong(0);
    }
    long duration = rs.getLong("duration_ms");
    Long durationMs = rs.wasNull() ? null : duration;
    OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
    return new Views.Run(
        rs.getLong("id"),
        rs.getString("status"),
        rs.getObject("started_at", OffsetDateTime.class).toInstant(),
        finished == null ? null : finished.toInstant(),
        durationMs,
        rs.getInt("attempts"),
        counts,
        bank,
        auto,
        bank == 0 ? 0 : (double) auto / bank);
  }
}
