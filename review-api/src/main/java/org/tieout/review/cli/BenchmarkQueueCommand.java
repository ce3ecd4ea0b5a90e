package org.tieout.review.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.tieout.review.service.Role;
import org.tieout.review.service.Users;
import org.tieout.review.store.ReconciliationStore;
import org.tieout.review.web.ReviewApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tieout benchmark-queue}: fills a database with open groups (if it has fewer than asked),
 * starts the service on it, and times the review queue page and the queue API: 50 items per page,
 * first pages and deep pages, as the server answers them on this machine.
 */
@Command(
    name = "benchmark-queue",
    mixinStandardHelpOptions = true,
    description = "Times the review queue (page and API) over a database with many open groups.")
final class BenchmarkQueueCommand implements Callable<Integer> {
  @Option(names = "--db", required = true, description = "JDBC URL of a scratch database or schema")
  String db;

  @Option(
      names = "--open",
      defaultValue = "100000",
      description = "open groups (default ${DEFAULT-VALUE})")
  int open;

  @Option(
      names = "--requests",
      defaultValue = "60",
      description = "requests per kind (default ${DEFAULT-VALUE})")
  int requests;

  @Override
  public Integer call() throws Exception {
    ReconciliationStore.open(db).close(); // the schema, through Flyway
    seed();
    SpringApplication app = new SpringApplication(ReviewApplication.class);
    ConfigurableApplicationContext ctx =
        app.run(
            "--server.port=0", "--spring.datasource.url=" + db, "--logging.level.org.tieout=WARN");
    try {
      int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
      Users users = ctx.getBean(Users.class);
      users.save("benchmark", "bench", "bench-password", EnumSet.of(Role.APPROVER), Set.of());
      // log in once, as a browser does: a session cookie, not a password hash check per request
      HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
      String base = "http://127.0.0.1:" + port;
      login(http, base);
      // warm up the JIT and the connection pool, then measure
      for (int i = 0; i < 30; i++) {
        get(http, base + "/queue");
        get(http, base + "/api/groups?limit=50");
      }
      report("queue page, first 50 (GET /queue)", http, base + "/queue");
      report("queue API, first 50 (GET /api/groups?limit=50)", http, base + "/api/groups?limit=50");
      report(
          "queue API, 50 from deep in the queue (keyset cursor)",
          http,
          base + "/api/groups?limit=50&after=" + deepCursor());
      report(
          "queue API, one account (filter)",
          http,
          base + "/api/groups?limit=50&account=" + anyAccount());
      return ExitCodes.OK;
    } finally {
      ctx.close();
    }
  }

  private void report(String what, HttpClient http, String url) throws Exception {
    List<Double> ms = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      long t = System.nanoTime();
      int status = get(http, url);
      ms.add((System.nanoTime() - t) / 1e6);
      if (status != 200) {
        throw new IllegalStateException(url + " answered " + status);
      }
    }
    Collections.sort(ms);
    System.out.printf(
        Locale.ROOT,
        "%-58s p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms  (%d requests)%n",
        what,
        ms.get(ms.size() / 2),
        ms.get((int) Math.ceil(ms.size() * 0.95) - 1),
        ms.get(ms.size() - 1),
        ms.size());
  }

  private static int get(HttpClient http, String url) throws Exception {
    HttpRequest r =
        HttpRequest.newBuilder(URI.create(url))
            .header("Accept", url.contains("/api/") ? "application/json" : "text/html")
            .build();
    return http.send(r, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** Form login; the cookie manager keeps the session for the requests that follow. */
  private static void login(HttpClient http, String base) throws Exception {
    String page =
        http.send(
                HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
    if (!m.find()) {
      throw new IllegalStateException("no CSRF token on the login page");
    }
    String form =
        "username=bench&password=bench-password&_csrf="
            + java.net.URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
    int status =
        http.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build(),
                HttpResponse.BodyHandlers.discarding())
            .statusCode();
    if (status != 302) {
      throw new IllegalStateException("login answered " + status);
    }
  }

  private String deepCursor() throws Exception {
    try (Connection c = DriverManager.getConnection(db);
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "select confidence, id from match_group where review_state in ('open', 'pending_second')"
                    + " order by confidence desc, id offset "
                    + (open * 3 / 4)
                    + " limit 1")) {
      rs.next();
      return rs.getBigDecimal(1).toPlainString() + "_" + rs.getLong(2);
    }
  }

  private String anyAccount() throws Exception {
    try (Connection c = DriverManager.getConnection(db);
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "select account_id from match_group where account_id is not null limit 1")) {
      rs.next();
      return rs.getString(1);
    }
  }

  /** Open groups of one bank line and one or two ledger entries each, over 20 accounts. */
  private void seed() throws Exception {
    try (Connection c = DriverManager.getConnection(db);
        Statement st = c.createStatement()) {
      long have;
      try (ResultSet rs =
          st.executeQuery(
              "select count(*) from match_group where review_state in ('open', 'pending_second')")) {
        rs.next();
        have = rs.getLong(1);
      }
      if (have >= open) {
        System.out.printf(Locale.ROOT, "%,d open groups already there%n", have);
        return;
      }
      int n = open - (int) have;
      String tag = Long.toString(System.currentTimeMillis(), 36);
      System.out.printf(Locale.ROOT, "seeding %,d open groups...%n", n);
      c.setAutoCommit(false);
      st.execute(
          "insert into source_file (sha256, name, kind, row_count) values ('bench-bank-"
              + tag
              + "', 'bench-bank.csv', 'bank', "
              + n
              + "), ('bench-ledger-"
              + tag
              + "', 'bench-ledger.csv', 'ledger', "
              + n
              + ")");
      st.execute(
          """
          insert into bank_line (account_id, transaction_id, booking_date, amount_minor, currency,
            counterparty_name, description, source_file_id, source_line)
          select 'DE' || lpad((g %% 20)::text, 20, '0'), 'BENCH-%1$s-' || g, date '2026-01-01' + (g %% 300),
            1000 + (g * 7919) %% 900000, 'EUR', 'Counterparty ' || (g %% 5000), 'Payment ' || g,
            (select id from source_file where sha256 = 'bench-bank-%1$s'), g + 1
          from generate_series(1, %2$d) g"""
              .formatted(tag, n));
      st.execute(
          """
          insert into ledger_entry (entry_id, account_id, posting_date, amount_minor, currency,
            counterparty_name, description, document_ref, source_file_id, source_line)
          select 'BENCH-%1$s-' || g, 'DE' || lpad((g %% 20)::text, 20, '0'), date '2026-01-01' + (g %% 300) - 2,
            1000 + (g * 7919) %% 900000, 'EUR', 'Counterparty ' || (g %% 5000), 'Invoice ' || g, 'INV-' || g,
            (select id from source_file where sha256 = 'bench-ledger-%1$s'), g + 1
          from generate_series(1, %2$d) g"""
              .formatted(tag, n));
      st.execute(
          "insert into reconciliation_run (input_key, status, started_at, finished_at, inputs, configuration, counts)"
              + " values ('bench-"
              + tag
              + "', 'completed', now(), now(), '[]', '{}', '{\"bank_lines\": "
              + n
              + ", \"auto_matched_bank_lines\": 0}')");
      st.execute(
          """
          insert into match_group (run_id, stage, rule, confidence, status, explanation, review_state,
            account_id, currency, bank_total_minor, ledger_total_minor, oldest_date)
          select r.id, 'rule', 'amount_date', round((0.5 + (b.id %% 500) / 1000.0)::numeric, 4), 'proposed',
            'amount equal, counterparty similar', 'open', b.account_id, b.currency, b.amount_minor,
            b.amount_minor, b.booking_date
          from bank_line b, reconciliation_run r
          where r.input_key = 'bench-%1$s' and b.transaction_id like 'BENCH-%1$s-%%'
          order by b.id"""
              .formatted(tag));
      st.execute(
          """
          insert into match_group_bank (group_id, run_id, bank_line_id)
          select g.id, g.run_id, b.id from match_group g
          join reconciliation_run r on r.id = g.run_id and r.input_key = 'bench-%1$s'
          join bank_line b on b.transaction_id = 'BENCH-%1$s-' || (g.id - (select min(id) from match_group
            where run_id = r.id) + 1)"""
              .formatted(tag));
      st.execute(
          """
          insert into match_group_ledger (group_id, run_id, ledger_entry_id)
          select mb.group_id, mb.run_id, l.id from match_group_bank mb
          join reconciliation_run r on r.id = mb.run_id and r.input_key = 'bench-%1$s'
          join bank_line b on b.id = mb.bank_line_id
          join ledger_entry l on l.entry_id = b.transaction_id"""
              .formatted(tag));
      st.execute("analyze");
      c.commit();
    }
  }
}
