package org.tieout.review.cli;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.tieout.matcher.MatchingConfig;
import org.tieout.matcher.Progress;
import org.tieout.review.batch.BatchRun;
import org.tieout.review.web.ReviewApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tieout serve}: the review service. With {@code --db} (or SPRING_DATASOURCE_URL) it uses
 * that PostgreSQL; without, it starts an embedded PostgreSQL, seeds it with the demo dataset's
 * reconciliation and anomaly flags, and creates demo users.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Starts the review service (web page, REST API, nightly runs, metrics).")
final class ServeCommand implements Callable<Integer> {
  static final String DEMO_PASSWORD = "tieout-demo";

  @Option(
      names = "--db",
      description =
          "JDBC URL of the PostgreSQL to use (user and password from TIEOUT_DB_USER / TIEOUT_DB_PASSWORD);"
              + " default: an embedded PostgreSQL seeded with the demo data")
  String db;

  @Option(
      names = "--port",
      description = "HTTP port (default ${DEFAULT-VALUE})",
      defaultValue = "8080")
  int port;

  @Option(
      names = "--address",
      description =
          "address to listen on (default: 127.0.0.1 for the embedded demo, all otherwise)")
  String address;

  @Option(
      names = "--data-dir",
      description =
          "where the embedded PostgreSQL keeps its data (default: a fresh temporary directory)")
  Path dataDir;

  @Override
  public Integer call() throws Exception {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("server.port", port);
    String url = db != null ? db : System.getenv("SPRING_DATASOURCE_URL");
    EmbeddedPostgres embedded = null;
    boolean demo = url == null;
    if (demo) {
      System.out.println("tieout: no database given; starting an embedded PostgreSQL...");
      Path dir = dataDir != null ? dataDir : Files.createTempDirectory("tieout-pg");
      try {
        embedded =
            EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(dataDir == null)
                .start();
      } catch (IOException | IllegalStateException e) {
        System.err.println(
            "tieout: the embedded PostgreSQL did not start ("
                + e.getMessage()
                + "). PostgreSQL refuses to run as root: start as an ordinary user (./tieout does"
                + " this for you), or give --db.");
        return ExitCodes.DATABASE;
      }
      url = embedded.getJdbcUrl("postgres", "postgres");
      props.put("server.address", address != null ? address : "127.0.0.1");
      props.put("tieout.demo.users-password", DEMO_PASSWORD);
      seedDemo(url);
    } else if (address != null) {
      props.put("server.address", address);
    }
    props.put("spring.datasource.url", url);
    String user = System.getenv("TIEOUT_DB_USER");
    String password = System.getenv("TIEOUT_DB_PASSWORD");
    if (user != null) {
      props.put("spring.datasource.username", user);
    }
    if (password != null) {
      props.put("spring.datasource.password", password);
    }
    SpringApplication app = new SpringApplication(ReviewApplication.class);
    app.setMainApplicationClass(ReviewApplication.class);
    // as command-line arguments, these outrank application.yml
    String[] args =
        props.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    ConfigurableApplicationContext ctx = app.run(args);
    String host = (String) props.getOrDefault("server.address", "localhost");
    int actualPort =
        ((org.springframework.boot.web.server.context.WebServerApplicationContext) ctx)
            .getWebServer()
            .getPort();
    System.out.println("tieout: review service at http://" + host + ":" + actualPort + "/");
    if (demo) {
      System.out.println(
          "tieout: demo users viewer, preparer, approver, approver2 and admin, all with password '"
              + DEMO_PASSWORD
              + "'. Log in as approver to work the queue. The embedded database lives until you stop"
              + " the service.");
    }
    EmbeddedPostgres pg = embedded;
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  ctx.close();
                  if (pg != null) {
                    try {
                      pg.close();
                    } catch (IOException ignored) {
                      // shutting down anyway
                    }
                  }
                }));
    Thread.currentThread().join();
    return ExitCodes.OK;
  }

  /** Reconciles the bundled demo dataset into the database, with anomaly scoring on the residue. */
  static void seedDemo(String jdbcUrl) throws IOException {
    Path dir = Files.createTempDirectory("tieout-demo");
    Path bank = extract("demo/bank.csv", dir);
    Path ledger = extract("demo/ledger.csv", dir);
    BatchRun.Result r =
        new BatchRun(Progress.NONE)
            .run(
                new BatchRun.Request(
                    List.of(bank),
                    List.of(ledger),
                    dir.resolve("out"),
                    null,
                    MatchingConfig.defaultConfig(),
                    false,
                    LocalDate.now(),
                    jdbcUrl,
                    true));
    System.out.println(
        "tieout: demo data loaded: "
            + r.summary().bankLines()
            + " bank lines, "
            + r.summary().autoMatchedGroups()
            + " groups auto-matched, "
            + r.summary().proposedGroups()
            + " proposed for review");
  }

  private static Path extract(String resource, Path dir) {
    try (InputStream in = ServeCommand.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the demo dataset is not in this build: " + resource);
      }
      Path p = dir.resolve(Path.of(resource).getFileName());
      Files.copy(in, p, StandardCopyOption.REPLACE_EXISTING);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
