package org.tieout.review.service;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tieout.core.Money;

/**
 * Reads groups, their lines and entries, for the API and the pages. The queue is read with a keyset
 * (confidence, id) over a partial index of open groups, so a page costs the same on the first
 * screen and the thousandth.
 */
@Component
public class GroupQueries {
  static final String GROUP_COLUMNS =
      """
      g.id, g.run_id, g.stage, g.rule, g.confidence, g.status, g.review_state, g.version,
      g.account_id, g.currency, g.bank_total_minor, g.ledger_total_minor, g.oldest_date,
      g.explanation, g.prepared_by, g.difference_reason, g.model, g.prompt_version""";

  private final JdbcClient jdbc;
  private final FourEyes fourEyes;

  public GroupQueries(JdbcClient jdbc, FourEyes fourEyes) {
    this.jdbc = jdbc;
    this.fourEyes = fourEyes;
  }

  /** The queue's filter; null fields do not filter. Amounts are major units, absolute. */
  public record Filter(
      List<String> states,
      String stage,
      String account,
      BigDecimal minAmount,
      BigDecimal maxAmount,
      Integer minAgeDays,
      Integer maxAgeDays,
      Double minConfidence,
      Double maxConfidence) {
    public static Filter open() {
      return new Filter(null, null, null, null, null, null, null, null, null);
    }

    boolean onlyOpen() {
      return states == null
          || states.isEmpty()
          || Set.of("open", "pending_second").containsAll(states);
    }
  }

  public Views.Page<Views.Group> queue(
      Actor actor, Filter f, String after, int limit, LocalDate today) {
    int n = Math.max(1, Math.min(limit, 200));
    StringBuilder where = new StringBuilder(" where true");
    Map<String, Object> params = new HashMap<>();
    if (f.onlyOpen()) {
      // the partial index covers exactly these states
      where.append(" and g.review_state in ('open', 'pending_second')");
    }
    if (f.states() != null && !f.states().isEmpty()) {
      where.append(" and g.review_state in (:states)");
      params.put("states", f.states());
    }
    if (f.stage() != null) {
      where.append(" and g.stage = :stage");
      params.put("stage", f.stage());
    }
    if (f.account() != null) {
      where.append(" and g.account_id = :account");
      params.put("account", f.account());
    }
    if (!actor.accounts().isEmpty()) {
      where.append(" and g.account_id in (:visible)");
      params.put("visible", actor.accounts());
    }
    // amounts compare in major units whatever the currency's scale
    if (f.minAmount() != null) {
      where.append(
          " and abs(g.bank_total_minor) >= :minAmount * power(10, coalesce(currency_scale(g.currency), 2))");
      params.put("minAmount", f.minAmount());
    }
    if (f.maxAmount() != null) {
      where.append(
          " and abs(g.bank_total_minor) <= :maxAmount * power(10, coalesce(currency_scale(g.currency), 2))");
      params.put("maxAmount", f.maxAmount());
    }
    if (f.minAgeDays() != null) {
      where.append(" and g.oldest_date <= :maxDate");
      params.put("maxDate", today.minusDays(f.minAgeDays()));
    }
    if (f.maxAgeDays() != null) {
      where.append(" and g.oldest_date >= :minDate");
      params.put("minDate", today.minusDays(f.maxAgeDays()));
    }
    if (f.minConfidence() != null) {
      where.append(" and g.confidence >= :minConfidence");
      params.put("minConfidence", f.minConfidence());
    }
    if (f.maxConfidence() != null) {
      where.append(" and g.confidence <= :maxConfidence");
      params.put("maxConfidence", f.maxConfidence());
    }
    long total =
        bind(jdbc.sql("select count(*) from match_group g" + where), params)
            .query(Long.class)
            .single();
    StringBuilder page = new StringBuilder(where);
    if (after != null && !after.isBlank()) {
      String[] parts = after.split("_", 2);
      try {
        params.put("afterConfidence", new BigDecimal(parts[0]));
        params.put("afterId", Long.parseLong(parts[1]));
      } catch (RuntimeException e) {
        throw ReviewException.badRequest("'after' must be a cursor from a previous page");
      }
      page.append(
          " and (g.confidence < :afterConfidence or (g.confidence = :afterConfidence and g.id > :afterId))");
    }
    params.put("limit", n);
    List<Row> rows =
        bind(
                jdbc.sql(
                    "select "
                        + GROUP_COLUMNS
                        + " from match_group g"
                        + page
                        + " order by g.confidence desc, g.id limit :limit"),
                params)
            .query((rs, i) -> row(rs))
            .list();
    List<Views.Group> groups = withItems(rows, today);
    String next = null;
    if (rows.size() == n) {
      Row last = rows.get(rows.size() - 1);
      next = last.confidence().toPlainString() + "_" + last.id();
    }
    return new Views.Page<>(groups, total, next);
  }

  /** One group, if the actor may see it (else: not found, whether or not it exists). */
  public Views.Group group(Actor actor, long id, LocalDate today) {
    List<Row> rows =
        jdbc.sql("select " + GROUP_COLUMNS + " from match_group g where g.id = ?")
            .param(id)
            .query((rs, i) -> row(rs))
            .list();
    if (rows.isEmpty() || !actor.sees(rows.get(0).accountId())) {
      throw ReviewException.notFound("match group " + id);
    }
    return withItems(rows, today).get(0);
  }

  private static JdbcClient.StatementSpec bind(
      JdbcClient.StatementSpec spec, Map<String, Object> params) {
    for (Map.Entry<String, Object> e : params.entrySet()) {
      spec = spec.param(e.getKey(), e.getValue());
    }
    return spec;
  }

  record Row(
      long id,
      Long runId,
      String stage,
      String rule,
      BigDecimal confidence,
      String status,
      String reviewState,
      int version,
      String accountId,
      String currency,
      long bankTotal,
      long ledgerTotal,
      LocalDate oldestDate,
      String explanation,
      String preparedBy,
      String differenceReason,
      String model,
      String promptVersion) {}

  static Row row(ResultSet rs) throws SQLException {
    long run = rs.getLong("run_id");
    Long runId = rs.wasNull() ? null : run;
    return new Row(
        rs.getLong("id"),
        runId,
        rs.getString("stage"),
        rs.getString("rule"),
        rs.getBigDecimal("confidence"),
        rs.getString("status"),
        rs.getString("review_state"),
        rs.getInt("version"),
        rs.getString("account_id"),
        rs.getString("currency"),
        rs.getLong("bank_total_minor"),
        rs.getLong("ledger_total_minor"),
        rs.getObject("oldest_date", LocalDate.class),
        rs.getString("explanation"),
        rs.getString("prepared_by"),
        rs.getString("difference_reason"),
        rs.getString("model"),
        rs.getString("prompt_version"));
  }

  Row lockRow(long id) {
    return jdbc.sql("select " + GROUP_COLUMNS + " from match_group g where g.id = ? for update")
        .param(id)
        .query((rs, i) -> row(rs))
        .optional()
        .orElseThrow(() -> ReviewException.notFound("match group " + id));
  }

  List<Views.Group> withItems(List<Row> rows, LocalDate today) {
    if (rows.isEmpty()) {
      return List.of();
    }
    List<Long> ids = rows.stream().map(Row::id).toList();
    Map<Long, List<Views.BankItem>> bank = new HashMap<>();
    jdbc.sql(
            """
            select mb.group_id, b.*, f.name file_name from match_group_bank mb
            join bank_line b on b.id = mb.bank_line_id join source_file f on f.id = b.source_file_id
            where mb.group_id in (:ids) order by b.booking_date, b.id""")
        .param("ids", ids)
        .query(
            rs -> {
              bank.computeIfAbsent(rs.getLong("group_id"), k -> new ArrayList<>())
                  .add(bankItem(rs));
            });
    Map<Long, List<Views.LedgerItem>> ledger = new HashMap<>();
    jdbc.sql(
            """
            select ml.group_id, l.*, f.name file_name from match_group_ledger ml
            join ledger_entry l on l.id = ml.ledger_entry_id join source_file f on f.id = l.source_file_id
            where ml.group_id in (:ids) order by l.posting_date, l.id""")
        .param("ids", ids)
        .query(
            rs -> {
              ledger
                  .computeIfAbsent(rs.getLong("group_id"), k -> new ArrayList<>())
                  .add(ledgerItem(rs));
            });
    Map<Long, List<String>> approvals = approvals(ids);
    java.math.BigDecimal threshold = fourEyes.threshold();
    List<Views.Group> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      out.add(
          new Views.Group(
              r.id(),
              r.runId(),
              r.stage(),
              r.rule(),
              r.confidence().doubleValue(),
              r.status(),
              r.reviewState(),
              r.version(),
              r.accountId(),
              r.currency(),
              amount(r.bankTotal(), r.currency()),
              amount(r.ledgerTotal(), r.currency()),
              amount(r.bankTotal() - r.ledgerTotal(), r.currency()),
              r.oldestDate(),
              r.oldestDate() == null ? 0 : (int) ChronoUnit.DAYS.between(r.oldestDate(), today),
              r.explanation(),
              r.preparedBy(),
              r.differenceReason(),
              r.model(),
              r.promptVersion(),
              approvals.getOrDefault(r.id(), List.of()),
              FourEyes.approvalsRequired(r.bankTotal(), r.ledgerTotal(), r.currency(), threshold),
              bank.getOrDefault(r.id(), List.of()),
              ledger.getOrDefault(r.id(), List.of())));
    }
    return out;
  }

  Map<Long, List<String>> approvals(Collection<Long> ids) {
    Map<Long, List<String>> m = new LinkedHashMap<>();
    jdbc.sql(
            "select group_id, approver from approval where group_id in (:ids) order by approved_at")
        .param("ids", ids)
        .query(
            rs -> {
              m.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
            });
    return m;
  }

  static Views.BankItem bankItem(ResultSet rs) throws SQLException {
    String currency = rs.getString("currency");
    String path = rs.getString("source_path");
    return new Views.BankItem(
        rs.getLong("id"),
        rs.getString("account_id"),
        rs.getString("transaction_id"),
        rs.getObject("booking_date", LocalDate.class),
        amount(rs.getLong("amount_minor"), currency),
        currency,
        rs.getString("counterparty_name"),
        rs.getString("description"),
        rs.getString("bank_reference"),
        rs.getString("file_name") + (path != null ? " " + path : ":" + rs.getLong("source_line")));
  }

  static Views.LedgerItem ledgerItem(ResultSet rs) throws SQLException {
    String currency = rs.getString("currency");
    return new Views.LedgerItem(
        rs.getLong("id"),
        rs.getString("entry_id"),
        rs.getString("account_id"),
        rs.getObject("posting_date", LocalDate.class),
        amount(rs.getLong("amount_minor"), currency),
        currency,
        rs.getString("counterparty_name"),
        rs.getString("description"),
        rs.getString("document_ref"),
        rs.getString("file_name") + ":" + rs.getLong("source_line"));
  }

  static String amount(long minor, String currency) {
    if (currency == null) {
      return null;
    }
    return Money.ofMinor(minor, currency.trim()).toPlainString();
  }
}
