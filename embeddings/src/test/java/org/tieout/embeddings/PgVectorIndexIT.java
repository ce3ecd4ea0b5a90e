package org.tieout.embeddings;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;

/**
 * The same contract against PostgreSQL with pgvector (scripts/ensure-postgres.sh), a schema per
 * test.
 */
class PgVectorIndexIT extends VectorIndexContract {
  @Override
  VectorIndex create() throws Exception {
    String base =
        System.getProperty(
            "tieout.test.jdbc",
            "jdbc:postgresql://127.0.0.1:5432/tieout_test?user=tieout&password=tieout");
    String schema = "vec_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(base);
        Statement st = c.createStatement()) {
      st.execute("create extension if not exists vector");
      st.execute("create schema " + schema);
    }
    // the extension's type lives in public
    return new PgVectorIndex(
        DriverManager.getConnection(base + "&currentSchema=" + schema + ",public"),
        "test-model",
        8);
  }
}
