package org.tieout.review.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tieout.matcher.Progress;
import org.tieout.matcher.dataset.DatasetGenerator;
import org.tieout.review.TestDatabase;
import org.tieout.review.service.FourEyes;
import org.tieout.review.service.Role;
import org.tieout.review.service.Users;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The review service on a random port, over the real PostgreSQL that scripts/ensure-postgres.sh
 * provides, in a schema of its own per test class, seeded with a generated reconciliation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ServiceTestSupport {
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final String PASSWORD = "password-1234";
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Users users;
  @Autowired FourEyes fourEyes;

  static String url;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry r) throws Exception {
    if (url == null) {
      url = TestDatabase.freshSchema("svc_", false);
      seed(url);
    }
    r.add("spring.datasource.url", () -> url);
    r.add("tieout.review.four-eyes-amount", () -> "10000");
  }

  /** A generated statement and ledger, reconciled into the schema: auto matches and proposals. */
  static void seed(String jdbcUrl) throws Exception {
    Path dir = Files.createTempDirectory("tieout-it");
    DatasetGenerator.Dataset d =
        new DatasetGenerator(new DatasetGenerator.Options(31, 600, LocalDate.of(2026, 3, 1), 60))
            .generate(Progress.NONE);
    TestDatabase.reconcile(jdbcUrl, d, dir, LocalDate.of(2026, 5, 1), true);
  }

  void user(String name, Role role, String... accounts) {
    boolean exists = users.list().stream().anyMatch(u -> u.username().equals(name));
    if (!exists) {
      users.save("test-setup", name, PASSWORD, EnumSet.of(role), Set.of(accounts));
    }
  }

  record Reply(int status, JsonNode body, java.net.http.HttpHeaders headers, String text) {}

  Reply get(String user, String path) throws Exception {
    return send(user, "GET", path, null, null);
  }

  Reply post(String user, String path, String json) throws Exception {
    return send(user, "POST", path, json, null);
  }

  Reply send(String user, String method, String path, String json, String idempotencyKey)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (user != null) {
      b.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }
    if (idempotencyKey != null) {
      b.header("Idempotency-Key", idempotencyKey);
    }
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    b.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode body = null;
    String ct = r.headers().firstValue("Content-Type").orElse("");
    if (ct.contains("json") && !r.body().isEmpty()) {
      body = JSON.readTree(r.body());
    }
    return new Reply(r.statusCode(), body, r.headers(), r.body());
  }

  /** Open proposals' ids, most confident first. */
  List<Long> openGroups(int n) {
    return jdbc.sql(
            "select id from match_group where review_state = 'open' and status = 'proposed' order by confidence desc, id limit ?")
        .param(n)
        .query(Long.class)
        .list();
  }

  /** Open proposals' ids, most confident first, of groups that one approval decides. */
  List<Long> openGroupsOfOneApproval(int n) {
    return jdbc
        .sql(
            "select id, bank_total_minor, ledger_total_minor, currency from match_group"
                + " where review_state = 'open' and status = 'proposed' order by confidence desc, id")
        .query(
            (rs, i) ->
                fourEyes.approvalsRequired(rs.getLong(2), rs.getLong(3), rs.getString(4)) == 1
                    ? rs.getLong(1)
                    : -1L)
        .list()
        .stream()
        .filter(id -> id >= 0)
        .limit(n)
        .toList();
  }

  /**
   * A bank line and a ledger entry in one currency that nothing settles and no manual match holds.
   */
  long[] openPair() {
    return jdbc.sql(
            """
            select b.id, l.id from bank_line b join ledger_entry l on l.currency = b.currency
            where not exists (select 1 from match_group_bank m where m.bank_line_id = b.id and m.settled)
              and not exists (select 1 from match_group_ledger m where m.ledger_entry_id = l.id and m.settled)
              and not exists (select 1 from match_group_bank m join match_group g on g.id = m.group_id
                              where m.bank_line_id = b.id and g.status = 'manual')
              and not exists (select 1 from match_group_ledger m join match_group g on g.id = m.group_id
                              where m.ledger_entry_id = l.id and g.status = 'manual')
            order by b.id, l.id limit 1""")
        .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)})
        .single();
  }
}
