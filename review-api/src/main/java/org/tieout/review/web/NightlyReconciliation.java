package org.tieout.review.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.tieout.matcher.MatchingConfig;
import org.tieout.matcher.Progress;
import org.tieout.review.batch.BatchRun;

/**
 * The nightly batch: at {@code tieout.nightly.cron}, reconciles every file in the configured bank
 * and ledger directories into the database. A PostgreSQL advisory lock, held on its own connection
 * for the whole run, lets only one instance run it. The run itself is resumable: files already
 * imported are skipped by hash, and a run that died is finished by the next one with the same
 * inputs (see the batch run's database side).
 */
@Component
public class NightlyReconciliation {
  private static final Logger LOG = LoggerFactory.getLogger(NightlyReconciliation.class);
  private static final long LOCK = 0x6e6967687479L;
  private final DataSource dataSource;
  private final MeterRegistry meters;
  private final String bankDir;
  private final String ledgerDir;
  private final String outDir;
  private final String jdbcUrl;

  public NightlyReconciliation(
      DataSource dataSource,
      MeterRegistry meters,
      @Value("${tieout.nightly.bank-dir:}") String bankDir,
      @Value("${tieout.nightly.ledger-dir:}") String ledgerDir,
      @Value("${tieout.nightly.out-dir}") String outDir,
      @Value("${spring.datasource.url}") String url,
      @Value("${spring.datasource.username:}") String user,
      @Value("${spring.datasource.password:}") String password) {
    this.dataSource = dataSource;
    this.meters = meters;
    this.bankDir = bankDir;
    this.ledgerDir = ledgerDir;
    this.outDir = outDir;
    this.jdbcUrl = withCredentials(url, user, password);
  }

  /** What one attempt did. */
  public record Outcome(boolean ran, String message) {}

  @Scheduled(cron = "${tieout.nightly.cron:-}")
  public void scheduled() {
    Outcome o = runOnce();
    LOG.info("nightly reconciliation: {}", o.message());
  }

  /** Runs the reconciliation now, unless another instance holds the lock. */
  public Outcome runOnce() {
    if (bankDir.isBlank() || ledgerDir.isBlank()) {
      return new Outcome(false, "no tieout.nightly.bank-dir / ledger-dir configured");
    }
    try (Connection lockHolder = dataSource.getConnection()) {
      if (!tryLock(lockHolder)) {
        meters.counter("tieout.nightly.skipped", "reason", "locked").increment();
        return new Outcome(false, "another instance is running the nightly reconciliation");
      }
      try {
        List<Path> bank = files(bankDir);
        List<Path> ledger = files(ledgerDir);
        if (bank.isEmpty() || ledger.isEmpty()) {
          return new Outcome(false, "nothing to reconcile in " + bankDir + " / " + ledgerDir);
        }
        Timer.Sample sample = Timer.start(meters);
        BatchRun.Result r =
            new BatchRun(Progress.NONE, this::countLlm)
                .run(
                    new BatchRun.Request(
                        bank,
                        ledger,
                        Path.of(outDir, LocalDate.now().toString()),
                        null,
                        MatchingConfig.defaultConfig(),
                        true,
                        LocalDate.now(),
                        jdbcUrl,
                        true));
        sample.stop(meters.timer("tieout.run.duration", "trigger", "nightly"));
        meters
            .counter("tieout.run.groups", "status", "auto_matched")
            .increment(r.summary().autoMatchedGroups());
        meters
            .counter("tieout.run.groups", "status", "proposed")
            .increment(r.summary().proposedGroups());
        return new Outcome(true, String.join("; ", r.stored()));
      } finally {
        unlock(lockHolder);
      }
    } catch (SQLException e) {
      meters.counter("tieout.nightly.failed").increment();
      return new Outcome(false, "database error: " + e.getMessage());
    } catch (RuntimeException e) {
      meters.counter("tieout.nightly.failed").increment();
      LOG.error("nightly reconciliation failed; the next run resumes it", e);
      return new Outcome(false, "failed: " + e.getMessage());
    }
  }

  /** LLM calls as metrics: outcomes, tokens, estimated cost and latency. */
  private void countLlm(org.tieout.review.residue.LlmProposer.Outcome o, double cost) {
    meters
        .counter("tieout.llm.calls", "outcome", o.status(), "cached", String.valueOf(o.fromCache()))
        .increment();
    meters.counter("tieout.llm.tokens", "kind", "input").increment(o.inputTokens());
    meters.counter("tieout.llm.tokens", "kind", "output").increment(o.outputTokens());
    meters.counter("tieout.llm.cost").increment(cost);
    if (!o.fromCache() && o.latencyMs() > 0) {
      meters.timer("tieout.llm.latency").record(java.time.Duration.ofMillis(o.latencyMs()));
    }
  }

  private static boolean tryLock(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select pg_try_advisory_lock(?)")) {
      ps.setLong(1, LOCK);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  private static void unlock(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select pg_advisory_unlock(?)")) {
      ps.setLong(1, LOCK);
      ps.execute();
    }
  }

  private static List<Path> files(String dir) {
    try (Stream<Path> s = Files.list(Path.of(dir))) {
      return s.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  static String withCredentials(String url, String user, String password) {
    if (user == null || user.isBlank()) {
      return url;
    }
    String sep = url.contains("?") ? "&" : "?";
    return url
        + sep
        + "user="
        + URLEncoder.encode(user, StandardCharsets.UTF_8)
        + (password == null || password.isBlank()
            ? ""
            : "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8));
  }
}
