package org.tieout.review;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.tieout.core.format.InterchangeCsv;
import org.tieout.matcher.MatchingConfig;
import org.tieout.matcher.Progress;
import org.tieout.matcher.dataset.DatasetGenerator;
import org.tieout.review.batch.BatchRun;

/**
 * The real PostgreSQL that scripts/ensure-postgres.sh provides ({@code -Dtieout.test.jdbc} to point
 * elsewhere); each caller gets a schema of its own.
 */
public final class TestDatabase {
  private TestDatabase() {}

  /**
   * A JDBC URL on a new, empty schema whose name starts with {@code prefix}; with {@code
   * withPublic}, {@code public} follows it on the search path (where the pgvector type lives).
   */
  public static String freshSchema(String prefix, boolean withPublic) throws SQLException {
    String base =
        System.getProperty(
            "tieout.test.jdbc",
            "jdbc:postgresql://127.0.0.1:5432/tieout_test?user=tieout&password=tieout");
    String schema = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(base);
        Statement st = c.createStatement()) {
      st.execute("create schema " + schema);
    }
    return base + "&currentSchema=" + schema + (withPublic ? ",public" : "");
  }

  /**
   * Reconciles a bank file and a ledger file into the database with the default configuration, as
   * {@code reconcile --db} does; outputs go to {@code out}.
   */
  public static BatchRun.Result reconcile(
      String jdbcUrl, Path bank, Path ledger, Path out, LocalDate asOf, boolean scoreAnomalies) {
    return new BatchRun(Progress.NONE)
        .run(
            new BatchRun.Request(
                List.of(bank),
                List.of(ledger),
                out,
                null,
                MatchingConfig.defaultConfig(),
                false,
                asOf,
                jdbcUrl,
                scoreAnomalies));
  }

  /** Writes a generated dataset's files into {@code dir} and reconciles them into the database. */
  public static BatchRun.Result reconcile(
      String jdbcUrl, DatasetGenerator.Dataset d, Path dir, LocalDate asOf, boolean scoreAnomalies)
      throws java.io.IOException {
    Path bank = dir.resolve("bank.csv");
    Path ledger = dir.resolve("ledger.csv");
    InterchangeCsv.writeBank(bank, d.bank());
    InterchangeCsv.writeLedger(ledger, d.ledger());
    return reconcile(jdbcUrl, bank, ledger, dir.resolve("out"), asOf, scoreAnomalies);
  }
}
