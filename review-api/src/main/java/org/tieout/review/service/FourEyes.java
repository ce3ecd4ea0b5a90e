package org.tieout.review.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tieout.core.Money;

/**
 * How many distinct approvers a group needs. At or above the four-eyes amount (in the group's
 * currency, major units) two, otherwise one; a manual match's preparer never counts. The amount
 * comes from configuration and can be changed at run time by an admin, which is audited.
 */
@Component
public class FourEyes {
  static final String SETTING = "four_eyes_amount";
  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final BigDecimal configured;

  public FourEyes(
      JdbcClient jdbc,
      AuditTrail audit,
      @Value("${tieout.review.four-eyes-amount:10000}") BigDecimal configured) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.configured = configured;
  }

  public BigDecimal threshold() {
    return jdbc.sql("select value from review_setting where name = ?")
        .param(SETTING)
        .query(String.class)
        .optional()
        .map(BigDecimal::new)
        .orElse(configured);
  }

  /** Approvals a group of this size needs. */
  public int approvalsRequired(long bankTotalMinor, long ledgerTotalMinor, String currency) {
    return approvalsRequired(bankTotalMinor, ledgerTotalMinor, currency, threshold());
  }

  static int approvalsRequired(
      long bankTotalMinor, long ledgerTotalMinor, String currency, BigDecimal threshold) {
    long larger = Math.max(Math.abs(bankTotalMinor), Math.abs(ledgerTotalMinor));
    BigDecimal amount =
        currency == null
            ? BigDecimal.valueOf(larger, 2)
            : Money.ofMinor(larger, currency.trim()).toBigDecimal();
    return amount.compareTo(threshold) >= 0 ? 2 : 1;
  }

  @Transactional
  public BigDecimal change(Actor actor, BigDecimal amount, String reason) {
    actor.require(Role.ADMIN, "change the four-eyes amount");
    if (amount == null || amount.signum() < 0) {
      throw ReviewException.invalid("the four-eyes amount must be zero or more");
    }
    if (reason == null || reason.isBlank()) {
      throw ReviewException.invalid("a configuration change needs a reason");
    }
    BigDecimal before = threshold();
    jdbc.sql(
            """
            insert into review_setting (name, value, updated_by, updated_at) values (?, ?, ?, ?)
            on conflict (name) do update set value = excluded.value, updated_by = excluded.updated_by,
              updated_at = excluded.updated_at""")
        .params(
            SETTING, amount.toPlainString(), actor.name(), java.sql.Timestamp.from(Instant.now()))
        .update();
    Map<String, Object> b = new LinkedHashMap<>();
    b.put(SETTING, before.toPlainString());
    Map<String, Object> a = new LinkedHashMap<>();
    a.put(SETTING, amount.toPlainString());
    audit.append(
        new AuditTrail.Event(
            actor.name(), "setting.change", "setting:" + SETTING, b, a, reason, null, null));
    return amount;
  }
}
