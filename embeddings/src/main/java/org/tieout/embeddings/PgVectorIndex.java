package org.tieout.embeddings;

import com.pgvector.PGvector;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Ledger vectors in PostgreSQL with pgvector: one table per dimension, an HNSW index on cosine
 * distance, and the business filters in the same SQL as the nearest-neighbour order. Iterative
 * index scans (pgvector 0.8) keep a selective filter from starving the result. Vectors of different
 * models never mix: the model id is part of every row and every query.
 */
public final class PgVectorIndex implements VectorIndex {
  private final Connection db;
  private final String model;
  private final String table;

  /** Uses (and owns) the connection; creates the extension, table and index when missing. */
  public PgVectorIndex(Connection db, String model, int dimension) throws SQLException {
    this.db = db;
    this.model = model;
    this.table = "ledger_vector_" + dimension;
    db.setAutoCommit(true);
    try (Statement st = db.createStatement()) {
      st.execute("create extension if not exists vector");
      st.execute(
          "create table if not exists "
              + table
              + " (entry_id text not null, model text not null, account_id text not null,"
              + " currency char(3) not null, amount_minor bigint not null, posting_date date not null,"
              + " open boolean not null, embedding vector("
              + dimension
              + ") not null, primary key (model, entry_id))");
      st.execute(
          "create index if not exists "
              + table
              + "_hnsw on "
              + table
              + " using hnsw (embedding vector_cosine_ops)");
      // a selective filter (one account, a date window) is cheaper read through a b-tree and
      // ranked exactly; the planner picks between this and the HNSW index per query
      st.execute(
          "create index if not exists "
              + table
              + "_filter on "
              + table
              + " (model, currency, account_id, posting_date)");
      st.execute("set hnsw.iterative_scan = relaxed_order");
      st.execute("set hnsw.ef_search = 100");
    }
    PGvector.addVectorType(db);
  }

  @Override
  public void upsert(List<Item> items) {
    String sql =
        "insert into "
            + table
            + " (entry_id, model, account_id, currency, amount_minor, posting_date, open, embedding)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (model, entry_id) do update set"
            + " account_id = excluded.account_id, currency = excluded.currency,"
            + " amount_minor = excluded.amount_minor, posting_date = excluded.posting_date,"
            + " open = excluded.open, embedding = excluded.embedding";
    try {
      db.setAutoCommit(false);
      try (PreparedStatement ps = db.prepareStatement(sql)) {
        int n = 0;
        for (Item it : items) {
          ps.setString(1, it.id());
          ps.setString(2, model);
          ps.setString(3, it.account());
          ps.setString(4, it.currency());
          ps.setLong(5, it.amountMinor());
          ps.setObject(6, it.date());
          ps.setBoolean(7, it.open());
          ps.setObject(8, new PGvector(it.vector()));
          ps.addBatch();
          if (++n % 1000 == 0) {
            ps.executeBatch();
          }
        }
        ps.executeBatch();
      }
      db.commit();
    } catch (SQLException e) {
      rollback();
      throw new IllegalStateException("cannot store vectors: " + e.getMessage(), e);
    } finally {
      autoCommit();
    }
  }

  @Override
  public void markSettled(Collection<String> ids) {
    try (PreparedStatement ps =
        db.prepareStatement(
            "update " + table + " set open = false where model = ? and entry_id = any(?)")) {
      ps.setString(1, model);
      ps.setArray(2, db.createArrayOf("text", ids.toArray()));
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot mark vectors settled: " + e.getMessage(), e);
    }
  }

  @Override
  public List<Hit> search(float[] query, Filter f, int k) {
    String sql =
        "select entry_id, 1 - (embedding <=> ?) from "
            + table
            + " where model = ? and currency = ? and (cast(? as text) is null or account_id = ?)"
            + " and amount_minor between ? and ?"
            + " and (cast(? as date) is null or posting_date >= ?)"
            + " and (cast(? as date) is null or posting_date <= ?)"
            + " and (open or not ?)"
            + " order by embedding <=> ?, entry_id limit ?";
    try (PreparedStatement ps = db.prepareStatement(sql)) {
      PGvector q = new PGvector(query);
      ps.setObject(1, q);
      ps.setString(2, model);
      ps.setString(3, f.currency());
      ps.setString(4, f.account());
      ps.setString(5, f.account());
      ps.setLong(6, f.minAmountMinor());
      ps.setLong(7, f.maxAmountMinor());
      ps.setObject(8, f.from());
      ps.setObject(9, f.from());
      ps.setObject(10, f.to());
      ps.setObject(11, f.to());
      ps.setBoolean(12, f.openOnly());
      ps.setObject(13, q);
      ps.setInt(14, k);
      List<Hit> out = new ArrayList<>(k);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Hit(rs.getString(1), rs.getDouble(2)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("vector search failed: " + e.getMessage(), e);
    }
  }

  @Override
  public int size() {
    try (PreparedStatement ps =
        db.prepareStatement("select count(*) from " + table + " where model = ?")) {
      ps.setString(1, model);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try {
      db.close();
    } catch (SQLException ignored) {
      // closing anyway
    }
  }

  private void rollback() {
    try {
      db.rollback();
    } catch (SQLException ignored) {
      // the original error is the one to report
    }
  }

  private void autoCommit() {
    try {
      db.setAutoCommit(true);
    } catch (SQLException ignored) {
      // the connection is unusable; the next call reports it
    }
  }
}
