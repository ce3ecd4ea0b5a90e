package org.tieout.review;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

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
}
