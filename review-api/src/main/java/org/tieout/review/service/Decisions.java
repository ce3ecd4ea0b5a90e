package org.tieout.review.service;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tieout.core.Money;

/**
 * Every decision a person makes on a group: approve, reject, manual match, unmatch, bulk approve.
 * Each runs in one transaction with its audit event. The group row is locked while it is decided,
 * and its version is checked when the caller names one; settling writes {@code settled} flags that
 * a unique index guards, so two groups can never both settle the same line or entry, even when two
 * approvals race.
 */
@Component
public class Decisions {
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final GroupQueries groups;
  private final AuditTrail audit;
  private final FourEyes fourEyes;
  private final MeterRegistry meters;

  public Decisions(
      JdbcClient jdbc,
      TransactionTemplate tx,
      GroupQueries groups,
      AuditTrail audit,
      FourEyes fourEyes,
      MeterRegistry meters) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.groups = groups;
    this.audit = audit;
    this.fourEyes = fourEyes;
    this.meters = meters;
  }

  /**
   * Approves a group. The first approval of a group that needs two leaves it {@code
   * pending_second}; the last one settles it. {@code expectedVersion}, when given, must match.
   */
  public Views.Group approve(Actor actor, long id, Integer expectedVersion) {
    actor.require(Role.APPROVER, "approve");
    try {
      tx.executeWithoutResult(s -> approveLocked(actor, id, expectedVersion));
    } catch (ReviewException e) {
      if (e.getStatusCode().value() == 409) {
        supersedeIfTaken(id);
      }
      throw e;
    } catch (DuplicateKeyException | PessimisticLockingFailureException e) {
      supersedeIfTaken(id);
      throw ReviewException.conflict(
          "match group "
              + id
              + " conflicts with a decision made at the same time (a shared bank line or ledger"
              + " entry was settled, or the same approval was given twice); reload it");
    }
    count(actor, "approve");
    return groups.group(actor, id, LocalDate.now());
  }

  private void approveLocked(Actor actor, long id, Integer expectedVersion) {
    GroupQueries.Row g = visibleLocked(actor, id, expectedVersion);
    if (!g.reviewState().equals("open") && !g.reviewState().equals("pending_second")) {
      throw ReviewException.conflict(
          "match group " + id + " is " + g.reviewState() + "; only open groups can be approved");
    }
    if (actor.name().equals(g.preparedBy())) {
      throw ReviewException.forbidden(
          "four eyes: "
              + actor.name()
              + " prepared manual match "
              + id
              + " and cannot approve it; another approver must");
    }
    List<String> before = groups.approvals(List.of(id)).getOrDefault(id, List.of());
    if (before.contains(actor.name())) {
      throw ReviewException.forbidden(
          "four eyes: "
              + actor.name()
              + " has already approved match group "
              + id
              + "; a second, different approver must");
    }
    int required = fourEyes.approvalsRequired(g.bankTotal(), g.ledgerTotal(), g.currency());
    jdbc.sql("insert into approval (group_id, approver, approved_at) values (?, ?, ?)")
        .params(id, actor.name(), java.sql.Timestamp.from(Instant.now()))
        .update();
    List<String> after = new ArrayList<>(before);
    after.add(actor.name());
    String state;
    if (after.size() < required) {
      state = "pending_second";
    } else {
      ensureNothingSettled(id);
      jdbc.sql("update match_group_bank set settled = true where group_id = ?").param(id).update();
      jdbc.sql("update match_group_ledger set settled = true where group_id = ?")
          .param(id)
          .update();
      supersedeOthers(id);
      state = "approved";
    }
    setState(id, state);
    audit.append(
        new AuditTrail.Event(
            actor.name(),
            state.equals("approved") ? "group.approve" : "group.approve_first",
            "match_group:" + id,
            snapshot(g.reviewState(), g.version(), before),
            snapshot(state, g.version() + 1, after),
            state.equals("approved")
                ? "approval " + after.size() + " of " + required
                : "approval 1 of " + required + " (four eyes above " + fourEyes.threshold() + ")",
            g.model(),
            g.promptVersion()));
  }

  /** Rejects an open group with a reason; its lines and entries go back to the open items. */
  public Views.Group reject(Actor actor, long id, String reason, Integer expectedVersion) {
    actor.require(Role.PREPARER, "reject");
    requireReason(reason, "a rejection");
    tx.executeWithoutResult(
        s -> {
          GroupQueries.Row g = visibleLocked(actor, id, expectedVersion);
          if (!g.reviewState().equals("open") && !g.reviewState().equals("pending_second")) {
            throw ReviewException.conflict(
                "match group "
                    + id
                    + " is "
                    + g.reviewState()
                    + "; only open groups can be rejected");
          }
          setState(id, "rejected");
          audit.append(
              new AuditTrail.Event(
                  actor.name(),
                  "group.reject",
                  "match_group:" + id,
                  snapshot(g.reviewState(), g.version(), null),
                  snapshot("rejected", g.version() + 1, null),
                  reason,
                  g.model(),
                  g.promptVersion()));
        });
    count(actor, "reject");
    return groups.group(actor, id, LocalDate.now());
  }

  /**
   * Unmatches a settled group: a reversal. The group stays, marked {@code reversed}, with the
   * reason in the audit trail; its lines and entries are open again.
   */
  public Views.Group unmatch(Actor actor, long id, String reason, Integer expectedVersion) {
    actor.require(Role.APPROVER, "unmatch");
    requireReason(reason, "an unmatch");
    tx.executeWithoutResult(
        s -> {
          GroupQueries.Row g = visibleLocked(actor, id, expectedVersion);
          if (!g.reviewState().equals("posted") && !g.reviewState().equals("approved")) {
            throw ReviewException.conflict(
                "match group "
                    + id
                    + " is "
                    + g.reviewState()
                    + "; only settled groups can be unmatched");
          }
          jdbc.sql("update match_group_bank set settled = false where group_id = ?")
              .param(id)
              .update();
          jdbc.sql("update match_group_ledger set settled = false where group_id = ?")
              .param(id)
              .update();
          setState(id, "reversed");
          audit.append(
              new AuditTrail.Event(
                  actor.name(),
                  "group.unmatch",
                  "match_group:" + id,
                  snapshot(g.reviewState(), g.version(), null),
                  snapshot("reversed", g.version() + 1, null),
                  reason,
                  g.model(),
                  g.promptVersion()));
        });
    count(actor, "unmatch");
    return groups.group(actor, id, LocalDate.now());
  }

  /** A manual match request: chosen lines and entries, and why it may not balance. */
  public record ManualMatch(
      List<Long> bankLineIds, List<Long> ledgerEntryIds, String differenceReason) {}

  /**
   * Records a manual match as an open group prepared by the actor. It must balance, or carry the
   * difference with a reason. Someone else approves it.
   */
  public Views.Group manualMatch(Actor actor, ManualMatch m) {
    actor.require(Role.PREPARER, "make a manual match");
    Set<Long> bank = new LinkedHashSet<>(m.bankLineIds() == null ? List.of() : m.bankLineIds());
    Set<Long> ledger =
        new LinkedHashSet<>(m.ledgerEntryIds() == null ? List.of() : m.ledgerEntryIds());
    if (bank.isEmpty() || ledger.isEmpty()) {
      throw ReviewException.invalid(
          "a manual match needs at least one bank line and one ledger entry");
    }
    if (bank.size() != m.bankLineIds().size() || ledger.size() != m.ledgerEntryIds().size()) {
      throw ReviewException.invalid("a bank line or ledger entry is named twice");
    }
    Long id =
        tx.execute(
            s -> {
              List<Object[]> b =
                  jdbc.sql(
                          "select id, account_id, currency, amount_minor, booking_date from bank_line where id in (:ids)")
                      .param("ids", bank)
                      .query(
                          (rs, n) ->
                              new Object[] {
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getLong(4),
                                rs.getObject(5, LocalDate.class)
                              })
                      .list();
              List<Object[]> l =
                  jdbc.sql(
                          "select id, account_id, currency, amount_minor from ledger_entry where id in (:ids)")
                      .param("ids", ledger)
                      .query(
                          (rs, n) ->
                              new Object[] {
                                rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)
                              })
                      .list();
              if (b.size() != bank.size() || b.stream().anyMatch(r -> !actor.sees((String) r[1]))) {
                throw ReviewException.notFound("one of the bank lines");
              }
              if (l.size() != ledger.size()
                  || l.stream().anyMatch(r -> !actor.sees((String) r[1]))) {
                throw ReviewException.notFound("one of the ledger entries");
              }
              List<Long> settled =
                  jdbc.sql(
                          """
                          select bank_line_id from match_group_bank where settled and bank_line_id in (:b)
                          union all
                          select ledger_entry_id from match_group_ledger where settled and ledger_entry_id in (:l)""")
                      .param("b", bank)
                      .param("l", ledger)
                      .query(Long.class)
                      .list();
              if (!settled.isEmpty()) {
                throw ReviewException.conflict(
                    "already settled by another group: bank line or ledger entry ids " + settled);
              }
              Set<String> currencies = new LinkedHashSet<>();
              b.forEach(r -> currencies.add(((String) r[2]).trim()));
              l.forEach(r -> currencies.add(((String) r[2]).trim()));
              if (currencies.size() != 1) {
                throw ReviewException.invalid(
                    "a manual match is in one currency; these are in " + currencies);
              }
              String currency = currencies.iterator().next();
              long bankTotal = b.stream().mapToLong(r -> (Long) r[3]).sum();
              long ledgerTotal = l.stream().mapToLong(r -> (Long) r[3]).sum();
              String reason = m.differenceReason();
              if (bankTotal != ledgerTotal && (reason == null || reason.isBlank())) {
                throw ReviewException.invalid(
                    "the match does not balance: bank "
                        + Money.ofMinor(bankTotal, currency).format()
                        + ", ledger "
                        + Money.ofMinor(ledgerTotal, currency).format()
                        + ", difference "
                        + Money.ofMinor(bankTotal - ledgerTotal, currency).format()
                        + "; give a difference_reason to record it");
              }
              LocalDate oldest =
                  b.stream().map(r -> (LocalDate) r[4]).min(LocalDate::compareTo).orElseThrow();
              String explanation =
                  "Manual match by "
                      + actor.name()
                      + ": "
                      + bank.size()
                      + " bank line(s) "
                      + Money.ofMinor(bankTotal, currency).format()
                      + " against "
                      + ledger.size()
                      + " ledger entr"
                      + (ledger.size() == 1 ? "y " : "ies ")
                      + Money.ofMinor(ledgerTotal, currency).format()
                      + (bankTotal == ledgerTotal
                          ? "; balances"
                          : "; difference "
                              + Money.ofMinor(bankTotal - ledgerTotal, currency).format()
                              + " ("
                              + reason
                              + ")");
              long gid =
                  jdbc.sql(
                          """
                          insert into match_group (run_id, stage, rule, confidence, status, explanation,
                            review_state, account_id, currency, bank_total_minor, ledger_total_minor,
                            oldest_date, prepared_by, difference_reason)
                          values (null, 'manual', 'manual', 1, 'manual', ?, 'open', ?, ?, ?, ?, ?, ?, ?)
                          returning id""")
                      .params(
                          explanation,
                          b.get(0)[1],
                          currency,
                          bankTotal,
                          ledgerTotal,
                          oldest,
                          actor.name(),
                          bankTotal == ledgerTotal ? null : reason)
                      .query(Long.class)
                      .single();
              for (Long bl : bank) {
                jdbc.sql("insert into match_group_bank (group_id, bank_line_id) values (?, ?)")
                    .params(gid, bl)
                    .update();
              }
              for (Long le : ledger) {
                jdbc.sql("insert into match_group_ledger (group_id, ledger_entry_id) values (?, ?)")
                    .params(gid, le)
                    .update();
              }
              Map<String, Object> after = new LinkedHashMap<>();
              after.put("review_state", "open");
              after.put("bank_line_ids", List.copyOf(bank));
              after.put("ledger_entry_ids", List.copyOf(ledger));
              after.put("bank_total", Money.ofMinor(bankTotal, currency).toPlainString());
              after.put("ledger_total", Money.ofMinor(ledgerTotal, currency).toPlainString());
              after.put("currency", currency);
              audit.append(
                  new AuditTrail.Event(
                      actor.name(),
                      "group.manual_match",
                      "match_group:" + gid,
                      null,
                      after,
                      bankTotal == ledgerTotal ? null : reason,
                      null,
                      null));
              return gid;
            });
    count(actor, "manual_match");
    return groups.group(actor, id, LocalDate.now());
  }

  /**
   * Approves every open group of a filtered set at or above a confidence, up to a limit. Each group
   * is decided in its own transaction, so one conflict does not undo the rest; groups that need a
   * second approver get this approval as their first.
   */
  public Views.BulkResult bulkApprove(
      Actor actor, GroupQueries.Filter filter, double minConfidence, int limit) {
    actor.require(Role.APPROVER, "bulk approve");
    GroupQueries.Filter f =
        new GroupQueries.Filter(
            List.of("open"),
            filter.stage(),
            filter.account(),
            filter.minAmount(),
            filter.maxAmount(),
            filter.minAgeDays(),
            filter.maxAgeDays(),
            Math.max(minConfidence, filter.minConfidence() == null ? 0 : filter.minConfidence()),
            filter.maxConfidence());
    int approved = 0;
    int pending = 0;
    int conflicts = 0;
    int refused = 0;
    List<String> problems = new ArrayList<>();
    String cursor = null;
    int remaining = Math.max(1, Math.min(limit, 5_000));
    while (remaining > 0) {
      Views.Page<Views.Group> page =
          groups.queue(actor, f, cursor, Math.min(200, remaining), LocalDate.now());
      for (Views.Group g : page.items()) {
        try {
          Views.Group after = approve(actor, g.id(), g.version());
          if (after.reviewState().equals("approved")) {
            approved++;
          } else {
            pending++;
          }
        } catch (ReviewException e) {
          if (e.getStatusCode().value() == 409) {
            conflicts++;
          } else {
            refused++;
          }
          if (problems.size() < 20) {
            problems.add(e.getBody().getDetail());
          }
        }
      }
      remaining -= page.items().size();
      if (page.next() == null) {
        break;
      }
      cursor = page.next();
    }
    return new Views.BulkResult(approved, pending, conflicts, refused, problems);
  }

  private GroupQueries.Row visibleLocked(Actor actor, long id, Integer expectedVersion) {
    GroupQueries.Row g = groups.lockRow(id);
    if (!actor.sees(g.accountId())) {
      throw ReviewException.notFound("match group " + id);
    }
    if (expectedVersion != null && expectedVersion != g.version()) {
      throw ReviewException.conflict(
          "match group "
              + id
              + " changed since it was read (version "
              + expectedVersion
              + ", now "
              + g.version()
              + "); reload it");
    }
    return g;
  }

  private void ensureNothingSettled(long id) {
    List<String> taken = settledElsewhere(id);
    if (!taken.isEmpty()) {
      throw ReviewException.conflict(
          "match group "
              + id
              + " cannot be settled: already settled are "
              + String.join(", ", taken));
    }
  }

  /** This group's lines and entries that another group has settled, with that group's id. */
  private List<String> settledElsewhere(long id) {
    return jdbc.sql(
            """
            select 'bank line ' || b.transaction_id || ' (group ' || o.group_id || ')'
            from match_group_bank mb join match_group_bank o
              on o.bank_line_id = mb.bank_line_id and o.settled and o.group_id <> mb.group_id
            join bank_line b on b.id = mb.bank_line_id where mb.group_id = ?
            union all
            select 'ledger entry ' || l.entry_id || ' (group ' || o.group_id || ')'
            from match_group_ledger ml join match_group_ledger o
              on o.ledger_entry_id = ml.ledger_entry_id and o.settled and o.group_id <> ml.group_id
            join ledger_entry l on l.id = ml.ledger_entry_id where ml.group_id = ?""")
        .params(id, id)
        .query(String.class)
        .list();
  }

  /**
   * An open group that lost a race (another group settled one of its lines or entries first) is
   * marked superseded, so that it leaves the queue.
   */
  private void supersedeIfTaken(long id) {
    tx.executeWithoutResult(
        s -> {
          GroupQueries.Row g = groups.lockRow(id);
          if ((g.reviewState().equals("open") || g.reviewState().equals("pending_second"))
              && !settledElsewhere(id).isEmpty()) {
            setState(id, "superseded");
          }
        });
  }

  /** Open groups that share a line or entry with a group just settled can no longer be right. */
  private void supersedeOthers(long id) {
    jdbc.sql(
            """
            update match_group set review_state = 'superseded', version = version + 1
            where id in (
              select g.id from match_group g
              where g.review_state in ('open', 'pending_second') and g.id <> :id and (
                g.id in (select o.group_id from match_group_bank o join match_group_bank mb
                           on mb.bank_line_id = o.bank_line_id where mb.group_id = :id)
                or g.id in (select o.group_id from match_group_ledger o join match_group_ledger ml
                           on ml.ledger_entry_id = o.ledger_entry_id where ml.group_id = :id))
              -- a group being decided right now is left alone: settling it will fail on the index
              for update skip locked)""")
        .param("id", id)
        .update();
  }

  private void setState(long id, String state) {
    jdbc.sql(
            "update match_group set review_state = ?, version = version + 1, decided_at = now() where id = ?")
        .params(state, id)
        .update();
  }

  private static Map<String, Object> snapshot(String state, int version, List<String> approvals) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("review_state", state);
    m.put("version", version);
    if (approvals != null) {
      m.put("approved_by", approvals);
    }
    return m;
  }

  private static void requireReason(String reason, String what) {
    if (reason == null || reason.isBlank()) {
      throw ReviewException.invalid(what + " needs a reason");
    }
  }

  private void count(Actor actor, String action) {
    meters.counter("tieout.review.decisions", "user", actor.name(), "action", action).increment();
  }
}
