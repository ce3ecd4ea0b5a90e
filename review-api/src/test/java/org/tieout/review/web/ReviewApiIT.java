package org.tieout.review.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.tieout.review.service.AuditTrail;
import org.tieout.review.service.Role;

class ReviewApiIT extends ServiceTestSupport {
  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Autowired AuditTrail audit;

  @BeforeEach
  void people() {
    user("viewer", Role.VIEWER);
    user("preparer", Role.PREPARER);
    user("approver", Role.APPROVER);
    user("approver2", Role.APPROVER);
    user("chief", Role.ADMIN);
  }

  @Test
  void everyEndpointNeedsAuthentication() throws Exception {
    List<String> checked = new ArrayList<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
      for (String pattern : e.getKey().getPatternValues()) {
        if (pattern.equals("/login")) {
          continue; // the login page is the one page everyone may see
        }
        String path = pattern.replaceAll("\\{[^}]+}", "1").replace("/**", "/x");
        List<String> methods =
            e.getKey().getMethodsCondition().getMethods().isEmpty()
                ? List.of("GET")
                : e.getKey().getMethodsCondition().getMethods().stream().map(Enum::name).toList();
        for (String m : methods) {
          Reply r = send(null, m, path, m.equals("GET") ? null : "{}", null);
          assertThat(r.status()).as(m + " " + path).isEqualTo(401);
          checked.add(m + " " + path);
        }
      }
    }
    for (String path :
        List.of(
            "/actuator/prometheus",
            "/actuator/health",
            "/v3/api-docs",
            "/swagger-ui.html",
            "/app.js",
            "/queue")) {
      assertThat(get(null, path).status()).as(path).isEqualTo(401);
      checked.add("GET " + path);
    }
    assertThat(checked).hasSizeGreaterThan(25).contains("POST /api/groups/1/approve");
    // a wrong password is no better than none
    Reply wrong = send("nobody-here", "GET", "/api/groups", null, null);
    assertThat(wrong.status()).isEqualTo(401);
  }

  @Test
  void aViewerCannotApproveAndTheGroupStaysOpen() throws Exception {
    long id = openGroups(1).get(0);
    Reply r = post("viewer", "/api/groups/" + id + "/approve", "{}");
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.body().path("detail").asString()).contains("approver role");
    assertThat(state(id)).isEqualTo("open");
    assertThat(get("viewer", "/api/groups/" + id).status()).isEqualTo(200);
  }

  @Test
  void aPreparerCannotApproveTheirOwnManualMatch() throws Exception {
    user("lead", Role.APPROVER); // approvers can also prepare
    long[] pair = openPair();
    Reply made =
        post(
            "lead",
            "/api/manual-matches",
            "{\"bankLineIds\":["
                + pair[0]
                + "],\"ledgerEntryIds\":["
                + pair[1]
                + "],\"differenceReason\":\"bank charge\"}");
    assertThat(made.status()).as(made.text()).isEqualTo(200);
    long id = made.body().path("id").asLong();
    assertThat(made.body().path("preparedBy").asString()).isEqualTo("lead");

    Reply own = post("lead", "/api/groups/" + id + "/approve", "{}");
    assertThat(own.status()).isEqualTo(403);
    assertThat(own.body().path("detail").asString()).contains("four eyes");
    assertThat(post("preparer", "/api/groups/" + id + "/approve", "{}").status()).isEqualTo(403);
    assertThat(state(id)).isEqualTo("open");

    Reply other = post("approver", "/api/groups/" + id + "/approve", "{}");
    assertThat(other.status()).isEqualTo(200);
    assertThat(other.body().path("reviewState").asString()).isIn("approved", "pending_second");
  }

  @Test
  void aManualMatchMustBalanceOrSayWhy() throws Exception {
    long[] pair = openPair();
    long bankAmount =
        jdbc.sql("select amount_minor from bank_line where id = ?")
            .param(pair[0])
            .query(Long.class)
            .single();
    long ledgerAmount =
        jdbc.sql("select amount_minor from ledger_entry where id = ?")
            .param(pair[1])
            .query(Long.class)
            .single();
    Reply r =
        post(
            "preparer",
            "/api/manual-matches",
            "{\"bankLineIds\":[" + pair[0] + "],\"ledgerEntryIds\":[" + pair[1] + "]}");
    if (bankAmount != ledgerAmount) {
      assertThat(r.status()).isEqualTo(422);
      assertThat(r.body().path("detail").asString()).contains("does not balance");
    } else {
      assertThat(r.status()).isEqualTo(200);
    }
    assertThat(
            post("viewer", "/api/manual-matches", "{\"bankLineIds\":[1],\"ledgerEntryIds\":[1]}")
                .status())
        .isEqualTo(403);
  }

  @Test
  void aboveTheFourEyesAmountOneApprovalIsNotEnough() throws Exception {
    Reply set =
        send(
            "chief",
            "PUT",
            "/api/settings/four-eyes",
            "{\"amount\":\"0.01\",\"reason\":\"test: every group needs two approvers\"}",
            null);
    assertThat(set.status()).as(set.text()).isEqualTo(200);
    try {
      long id = openGroups(1).get(0);
      Reply first = post("approver", "/api/groups/" + id + "/approve", "{}");
      assertThat(first.status()).isEqualTo(200);
      assertThat(first.body().path("reviewState").asString()).isEqualTo("pending_second");
      assertThat(settledLines(id)).isZero();

      Reply again = post("approver", "/api/groups/" + id + "/approve", "{}");
      assertThat(again.status()).isEqualTo(403);
      assertThat(again.body().path("detail").asString()).contains("second, different approver");

      Reply second = post("approver2", "/api/groups/" + id + "/approve", "{}");
      assertThat(second.status()).isEqualTo(200);
      assertThat(second.body().path("reviewState").asString()).isEqualTo("approved");
      assertThat(second.body().path("approvedBy").toString()).contains("approver", "approver2");
      assertThat(settledLines(id)).isPositive();
    } finally {
      send(
          "chief",
          "PUT",
          "/api/settings/four-eyes",
          "{\"amount\":\"10000\",\"reason\":\"test done\"}",
          null);
    }
  }

  @Test
  void twoConcurrentApprovalsOfConflictingGroupsOneWins() throws Exception {
    for (int round = 0; round < 4; round++) {
      long[] pair = openPair();
      // two manual matches that claim the same bank line
      long a = manual(pair[0], pair[1]);
      long b = manual(pair[0], pair[1]);
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        Callable<Reply> approveA =
            () -> {
              start.await();
              return post("approver", "/api/groups/" + a + "/approve", "{}");
            };
        Callable<Reply> approveB =
            () -> {
              start.await();
              return post("approver2", "/api/groups/" + b + "/approve", "{}");
            };
        Future<Reply> fa = pool.submit(approveA);
        Future<Reply> fb = pool.submit(approveB);
        start.countDown();
        List<Integer> statuses = List.of(fa.get().status(), fb.get().status());
        assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(200, 409);
      } finally {
        pool.shutdown();
      }
      long approved =
          jdbc.sql(
                  "select count(*) from match_group where id in (?, ?) and review_state = 'approved'")
              .params(a, b)
              .query(Long.class)
              .single();
      assertThat(approved).isEqualTo(1);
      long settled =
          jdbc.sql("select count(*) from match_group_bank where bank_line_id = ? and settled")
              .param(pair[0])
              .query(Long.class)
              .single();
      assertThat(settled).isEqualTo(1);
    }
  }

  @Test
  void theSameGroupApprovedTwiceAtOnceIsDecidedOnce() throws Exception {
    // a group one approval decides: the second, at the same moment, is a conflict
    long id = openGroupsOfOneApproval(3).get(2);
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Reply> one =
          pool.submit(
              () -> {
                start.await();
                return post("approver", "/api/groups/" + id + "/approve", "{}");
              });
      Future<Reply> two =
          pool.submit(
              () -> {
                start.await();
                return post("approver2", "/api/groups/" + id + "/approve", "{}");
              });
      start.countDown();
      assertThat(List.of(one.get().status(), two.get().status()))
          .containsExactlyInAnyOrder(200, 409);
    } finally {
      pool.shutdown();
    }
    assertThat(
            jdbc.sql("select count(*) from approval where group_id = ?")
                .param(id)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void anIdempotencyKeyReplaysTheFirstResult() throws Exception {
    long id = openGroups(1).get(0);
    String key = UUID.randomUUID().toString();
    String body = "{\"reason\":\"not this customer\"}";
    Reply first = send("preparer", "POST", "/api/groups/" + id + "/reject", body, key);
    assertThat(first.status()).isEqualTo(200);
    Reply replay = send("preparer", "POST", "/api/groups/" + id + "/reject", body, key);
    assertThat(replay.status()).isEqualTo(200);
    assertThat(replay.text()).isEqualTo(first.text());
    assertThat(replay.headers().firstValue("Idempotent-Replayed")).contains("true");
    // carried out once: one audit event
    assertThat(audit.recent("match_group:" + id, 10)).hasSize(1);
    Reply different =
        send("preparer", "POST", "/api/groups/" + id + "/reject", "{\"reason\":\"other\"}", key);
    assertThat(different.status()).isEqualTo(422);
    // without the key, the same request is a new decision on a group that is no longer open
    assertThat(post("preparer", "/api/groups/" + id + "/reject", body).status()).isEqualTo(409);
  }

  @Test
  void aStaleVersionIsAConflict() throws Exception {
    long id = openGroups(1).get(0);
    int version = get("approver", "/api/groups/" + id).body().path("version").asInt();
    Reply stale =
        post("approver", "/api/groups/" + id + "/approve", "{\"version\":" + (version + 5) + "}");
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
  }

  @Test
  void rejectAndUnmatchNeedReasonsAndUnmatchIsAReversal() throws Exception {
    long id = openGroups(1).get(0);
    assertThat(post("preparer", "/api/groups/" + id + "/reject", "{\"reason\":\" \"}").status())
        .isEqualTo(422);
    long posted =
        jdbc.sql("select id from match_group where review_state = 'posted' order by id limit 1")
            .query(Long.class)
            .single();
    assertThat(
            post("preparer", "/api/groups/" + posted + "/unmatch", "{\"reason\":\"x\"}").status())
        .isEqualTo(403);
    Reply undo =
        post("approver", "/api/groups/" + posted + "/unmatch", "{\"reason\":\"wrong customer\"}");
    assertThat(undo.status()).isEqualTo(200);
    assertThat(undo.body().path("reviewState").asString()).isEqualTo("reversed");
    assertThat(settledLines(posted)).isZero();
    // the group is still there, with its lines
    assertThat(get("viewer", "/api/groups/" + posted).body().path("bankLines").size()).isPositive();
  }

  @Test
  void aUserLimitedToOneAccountDoesNotSeeOthers() throws Exception {
    List<String> accounts =
        jdbc.sql(
                "select distinct account_id from match_group where account_id is not null order by 1")
            .query(String.class)
            .list();
    assertThat(accounts).hasSizeGreaterThan(1);
    user("narrow", Role.APPROVER, accounts.get(0));
    long other =
        jdbc.sql(
                "select id from match_group where account_id = ? and review_state = 'open' limit 1")
            .param(accounts.get(1))
            .query(Long.class)
            .single();
    assertThat(get("narrow", "/api/groups/" + other).status()).isEqualTo(404);
    assertThat(post("narrow", "/api/groups/" + other + "/approve", "{}").status()).isEqualTo(404);
    Reply page = get("narrow", "/api/groups?limit=200");
    page.body()
        .path("items")
        .forEach(g -> assertThat(g.path("accountId").asString()).isEqualTo(accounts.get(0)));
  }

  @Test
  void everyDecisionIsInTheAuditTrailAndTheChainVerifies() throws Exception {
    List<Long> ids = openGroups(8);
    long a = ids.get(6);
    long r = ids.get(7);
    assertThat(post("approver", "/api/groups/" + a + "/approve", "{}").status()).isEqualTo(200);
    assertThat(
            post("preparer", "/api/groups/" + r + "/reject", "{\"reason\":\"duplicate\"}").status())
        .isEqualTo(200);
    long flag =
        jdbc.sql("select id from anomaly_flag where state = 'open' order by id limit 1")
            .query(Long.class)
            .single();
    assertThat(
            post("preparer", "/api/flags/" + flag + "/dismiss", "{\"reason\":\"monthly rent\"}")
                .status())
        .isEqualTo(200);

    assertThat(audit.recent("match_group:" + a, 10).get(0).action()).isEqualTo("group.approve");
    AuditTrail.Stored rejected = audit.recent("match_group:" + r, 10).get(0);
    assertThat(rejected.actor()).isEqualTo("preparer");
    assertThat(rejected.reason()).isEqualTo("duplicate");
    assertThat(rejected.before()).contains("\"open\"");
    assertThat(rejected.after()).contains("\"rejected\"");
    assertThat(audit.recent("anomaly_flag:" + flag, 10).get(0).action()).isEqualTo("flag.dismiss");

    Reply verify = get("chief", "/api/audit/verify");
    assertThat(verify.body().path("intact").asBoolean()).as(verify.text()).isTrue();
    assertThat(verify.body().path("events").asLong()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void theDatabaseRefusesChangesToTheAuditTrailAndVerifyCatchesTampering() throws Exception {
    post(
        "preparer",
        "/api/groups/" + openGroups(1).get(0) + "/reject",
        "{\"reason\":\"audit test\"}");
    long seq = jdbc.sql("select min(seq) from audit_event").query(Long.class).single();
    assertThatThrownBy(
            () ->
                jdbc.sql("update audit_event set reason = 'edited' where seq = ?")
                    .param(seq)
                    .update())
        .rootCause()
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.sql("delete from audit_event where seq = ?").param(seq).update())
        .rootCause()
        .hasMessageContaining("append-only");

    String original =
        jdbc.sql("select actor from audit_event where seq = ?")
            .param(seq)
            .query(String.class)
            .single();
    // someone with the rights to switch the trigger off edits a row: verification finds it
    tamper(seq, "mallory");
    try {
      AuditTrail.Verification v = audit.verify();
      assertThat(v.intact()).isFalse();
      assertThat(v.firstBrokenSeq()).isEqualTo(seq);
      assertThat(get("chief", "/api/audit/verify").body().path("intact").asBoolean()).isFalse();
    } finally {
      tamper(seq, original);
    }
    assertThat(audit.verify().intact()).isTrue();
  }

  @Test
  void aDismissalCanMarkThePatternExpectedUntilADate() throws Exception {
    long flag =
        jdbc.sql(
                """
                select a.id from anomaly_flag a join ledger_entry l on l.id = a.ledger_entry_id
                where a.state = 'open' and l.counterparty_name is not null order by a.id desc limit 1""")
            .query(Long.class)
            .single();
    String until = java.time.LocalDate.now().plusMonths(6).toString();
    Reply r =
        post(
            "preparer",
            "/api/flags/" + flag + "/dismiss",
            "{\"reason\":\"annual maintenance contract\",\"expectedFor\":\"counterparty\",\"expectedUntil\":\""
                + until
                + "\"}");
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    List<org.tieout.anomaly.Expected> decisions =
        org.tieout.review.store.ReconciliationStore.expectations(url);
    assertThat(decisions)
        .anySatisfy(
            d -> {
              assertThat(d.reason()).isEqualTo("annual maintenance contract");
              assertThat(d.decidedBy()).isEqualTo("preparer");
              assertThat(d.until()).isEqualTo(until);
            });
    assertThat(audit.recent("anomaly_flag:" + flag, 1).get(0).after()).contains("expected_until");
    // an expectation without an end, or on a confirmation, is refused
    long other =
        jdbc.sql("select id from anomaly_flag where state = 'open' order by id limit 1")
            .query(Long.class)
            .single();
    assertThat(
            post(
                    "preparer",
                    "/api/flags/" + other + "/dismiss",
                    "{\"reason\":\"x\",\"expectedFor\":\"counterparty\"}")
                .status())
        .isEqualTo(422);
  }

  private void tamper(long seq, String actor) {
    jdbc.sql("alter table audit_event disable trigger audit_event_no_update").update();
    jdbc.sql("update audit_event set actor = ? where seq = ?").params(actor, seq).update();
    jdbc.sql("alter table audit_event enable trigger audit_event_no_update").update();
  }

  private long manual(long bankLine, long ledgerEntry) throws Exception {
    Reply r =
        post(
            "preparer",
            "/api/manual-matches",
            "{\"bankLineIds\":["
                + bankLine
                + "],\"ledgerEntryIds\":["
                + ledgerEntry
                + "],\"differenceReason\":\"test\"}");
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    return r.body().path("id").asLong();
  }

  private String state(long id) {
    return jdbc.sql("select review_state from match_group where id = ?")
        .param(id)
        .query(String.class)
        .single();
  }

  private long settledLines(long id) {
    return jdbc.sql("select count(*) from match_group_bank where group_id = ? and settled")
        .param(id)
        .query(Long.class)
        .single();
  }
}
