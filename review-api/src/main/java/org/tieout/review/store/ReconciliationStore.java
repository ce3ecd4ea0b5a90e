package org.tieout.review.store;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.tieout.core.BankLine;
import org.tieout.core.EntryId;
import org.tieout.core.LedgerEntry;
import org.tieout.core.MatchGroup;
import org.tieout.core.TransactionId;
import org.tieout.core.format.ImportResult;

/**
 * Imports, runs and results in PostgreSQL. Each write is one transaction; bulk rows go in with COPY
 * through a staging table and {@code on conflict do nothing}, so importing a file again (same
 * content hash) or a line again (same account and transaction id) changes nothing. A run is keyed
 * by its inputs and configuration: a rerun of a completed run writes nothing, and a run that died
 * half-way (status {@code running}, no results) is picked up and finished by the next one.
 */
public final class ReconciliationStore implements AutoCloseable {
  private static final int COPY_CHUNK = 20_000;
  private final Connection db;

  private ReconciliationStore(Connection db) {
    this.db = db;
  }

  /** The connection (not auto-committing), for readers in this package. */
  Connection connection() {
    return db;
  }

  /** Connects and brings the schema up to date with Flyway. */
  public static ReconciliationStore open(String jdbcUrl) throws SQLException {
    Flyway.configure()
        .dataSource(jdbcUrl, System.getenv("TIEOUT_DB_USER"), System.getenv("TIEOUT_DB_PASSWORD"))
        .load()
        .migrate();
    Connection c = connect(jdbcUrl);
    c.setAutoCommit(false);
    return new ReconciliationStore(c);
  }

  /** A connection with TIEOUT_DB_USER and TIEOUT_DB_PASSWORD when set (else the URL's own). */
  public static Connection connect(String jdbcUrl) throws SQLException {
    Properties props = new Properties();
    String user = System.getenv("TIEOUT_DB_USER");
    String password = System.getenv("TIEOUT_DB_PASSWORD");
    if (user != null) {
      props.setProperty("user", user);
    }
    if (password != null) {
      props.setProperty("password", password);
    }
    return DriverManager.getConnection(jdbcUrl, props);
  }

  /** What an import did: stored as new, or skipped because the file or the lines were there. */
  public record ImportOutcome(
      String file, boolean fileAlreadyImported, int inserted, int alreadyStored) {}

  public ImportOutcome importBank(ImportResult<BankLine> file) throws SQLException {
    return importFile(
        file,
        "bank",
        """
        create temp table stage_bank (like bank_line including defaults) on commit drop""",
        "stage_bank (account_id, transaction_id, booking_date, value_date, amount_minor, currency, counterparty_name,"
            + " counterparty_account, description, bank_reference, source_file_id, source_line, source_path)",
        (b, fileId) ->
            Arrays.asList(
                b.accountId(),
                b.id().value(),
                b.bookingDate(),
                b.valueDate(),
                b.amount().minor(),
                b.amount().currencyCode(),
                b.counterpartyName(),
                b.counterpartyAccount(),
                b.description(),
                b.bankReference(),
                fileId,
                b.provenance().line(),
                b.provenance().path()),
        """
        insert into bank_line (account_id, transaction_id, booking_date, value_date, amount_minor, currency,
          counterparty_name, counterparty_account, description, bank_reference, source_file_id, source_line, source_path)
        select account_id, transaction_id, booking_date, value_date, amount_minor, currency, counterparty_name,
          counterparty_account, description, bank_reference, source_file_id, source_line, source_path from stage_bank
        on conflict (account_id, transaction_id) do nothing""");
  }

  public ImportOutcome importLedger(ImportResult<LedgerEntry> file) throws SQLException {
    return importFile(
        file,
        "ledger",
        """
        create temp table stage_ledger (like ledger_entry including defaults) on commit drop""",
        "stage_ledger (entry_id, account_id, posting_date, amount_minor, currency, counterparty_name, description,"
            + " document_ref, gl_account, entry_type, created_by, created_at, source_file_id, source_line)",
        (e, fileId) ->
            Arrays.asList(
                e.id().value(),
                e.accountId(),
                e.postingDate(),
                e.amount().minor(),
                e.amount().currencyCode(),
                e.counterpartyName(),
                e.description(),
                e.documentRef(),
                e.glAccount(),
                e.entryType(),
                e.createdBy(),
                e.createdAt(),
                fileId,
                e.provenance().line()),
        """
        insert into ledger_entry (entry_id, account_id, posting_date, amount_minor, currency, counterparty_name,
          description, document_ref, gl_account, entry_type, created_by, created_at, source_file_id, source_line)
        select entry_id, account_id, posting_date, amount_minor, currency, counterparty_name, description,
          document_ref, gl_account, entry_type, created_by, created_at, source_file_id, source_line from stage_ledger
        on conflict (entry_id) do nothing""");
  }

  private <T> ImportOutcome importFile(
      ImportResult<T> file,
      String kind,
      String stageDdl,
      String copyTarget,
      java.util.function.BiFunction<T, Long, List<Object>> row,
      String insert)
      throws SQLException {
    try {
      long fileId;
      try (PreparedStatement ps =
          db.prepareStatement(
              "insert into source_file (sha256, name, kind, row_count) values (?, ?, ?, ?) on conflict (sha256) do nothing returning id")) {
        ps.setString(1, file.source().contentHash());
        ps.setString(2, file.source().name());
        ps.setString(3, kind);
        ps.setInt(4, file.items().size());
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            db.rollback();
            return new ImportOutcome(file.source().name(), true, 0, file.items().size());
          }
          fileId = rs.getLong(1);
        }
      }
      try (Statement st = db.createStatement()) {
        st.execute(stageDdl);
      }
      copy(
          "copy " + copyTarget + " from stdin (format csv, null '\\N')",
          file.items(),
          item -> row.apply(item, fileId));
      int inserted;
      try (Statement st = db.createStatement()) {
        inserted = st.executeUpdate(insert);
      }
      db.commit();
      return new ImportOutcome(
          file.source().name(), false, inserted, file.items().size() - inserted);
    } catch (SQLException | RuntimeException e) {
      db.rollback();
      throw e;
    }
  }

  /** Streams rows into a COPY in chunks, as CSV with {@code \N} for null. */
  private <T> void copy(String sql, List<T> rows, Function<T, List<Object>> values)
      throws SQLException {
    CopyIn in = ((PGConnection) db.unwrap(PGConnection.class)).getCopyAPI().copyIn(sql);
    try {
      CSVFormat format =
          CSVFormat.RFC4180.builder().setNullString("\\N").setRecordSeparator('\n').get();
      StringWriter buffer = new StringWriter(1 << 20);
      CSVPrinter printer = new CSVPrinter(buffer, format);
      int n = 0;
      for (T r : rows) {
        printer.printRecord(values.apply(r));
        if (++n % COPY_CHUNK == 0) {
          flush(in, buffer);
        }
      }
      printer.flush();
      flush(in, buffer);
      in.endCopy();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (in.isActive()) {
        in.cancelCopy();
      }
    }
  }

  private static void flush(CopyIn in, StringWriter buffer) throws SQLException {
    byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
    in.writeToCopy(bytes, 0, bytes.length);
    buffer.getBuffer().setLength(0);
  }

  /**
   * Stores anomaly flags for review, one per entry and source (a rerun adds nothing). The entries
   * must have been imported. Returns how many flags were new.
   */
  public int storeFlags(List<org.tieout.anomaly.AnomalyScorer.Assessment> flagged, String source)
      throws SQLException {
    try {
      try (Statement st = db.createStatement()) {
        st.execute(
            "create temp table stage_flag (entry_id text, score numeric(5, 4), types text, explanation text)"
                + " on commit drop");
      }
      copy(
          "copy stage_flag (entry_id, score, types, explanation) from stdin (format csv, null '\\N')",
          flagged,
          a ->
              Arrays.asList(
                  a.entry().id().value(),
                  String.format(Locale.ROOT, "%.4f", Math.min(1.0, a.score())),
                  String.join(
                      ";", a.flags().stream().map(f -> f.type().code()).distinct().toList()),
                  String.join(
                      " ", a.flags().stream().map(org.tieout.anomaly.Flag::explanation).toList())));
      int inserted;
      try (PreparedStatement ps =
          db.prepareStatement(
              """
              insert into anomaly_flag (ledger_entry_id, score, types, explanation, source)
              select l.id, s.score, s.types, s.explanation, ? from stage_flag s
              join ledger_entry l on l.entry_id = s.entry_id
              on conflict (ledger_entry_id, source) do nothing""")) {
        ps.setString(1, source);
        inserted = ps.executeUpdate();
      }
      db.commit();
      return inserted;
    } catch (SQLException | RuntimeException e) {
      db.rollback();
      throw e;
    }
  }

  /** Reviewers' decisions, recorded in the review service, that patterns are expected. */
  public static List<org.tieout.anomaly.Expected> expectations(String jdbcUrl) throws SQLException {
    List<org.tieout.anomaly.Expected> out = new ArrayList<>();
    try (ReconciliationStore store = open(jdbcUrl);
        Statement st = store.db.createStatement();
        ResultSet rs =
            st.executeQuery(
                "select anomaly_type, counterparty_name, gl_account, until, reason, decided_by"
                    + " from anomaly_expectation where until >= current_date")) {
      while (rs.next()) {
        out.add(
            new org.tieout.anomaly.Expected(
                org.tieout.anomaly.AnomalyType.fromCode(rs.getString(1)),
                rs.getString(2),
                rs.getString(3),
                rs.getObject(4, java.time.LocalDate.class),
                rs.getString(5),
                rs.getString(6)));
      }
      store.db.commit();
    }
    return out;
  }

  /** A run as the store knows it; {@code alreadyCompleted} means there is nothing left to do. */
  public record RunRecord(long id, boolean alreadyCompleted, int attempts) {}

  /**
   * Records that a run starts, in a transaction of its own, so that a run that dies is visible. A
   * completed run with the same key is returned as such; a dead one is taken over.
   */
  public RunRecord beginRun(String inputKey, String inputsJson, String configJson)
      throws SQLException {
    try (PreparedStatement ps =
        db.prepareStatement(
            """
        insert into reconciliation_run (input_key, status, started_at, inputs, configuration)
        values (?, 'running', ?, ?::jsonb, ?::jsonb)
        on conflict (input_key) do update set attempts = reconciliation_run.attempts + 1, started_at = excluded.started_at
          where reconciliation_run.status = 'running'
        returning id, attempts""")) {
      ps.setString(1, inputKey);
      ps.setObject(2, java.sql.Timestamp.from(Instant.now()));
      ps.setString(3, inputsJson);
      ps.setString(4, configJson);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          RunRecord r = new RunRecord(rs.getLong(1), false, rs.getInt(2));
          db.commit();
          return r;
        }
      }
      try (PreparedStatement q =
          db.prepareStatement("select id, attempts from reconciliation_run where input_key = ?")) {
        q.setString(1, inputKey);
        try (ResultSet rs = q.executeQuery()) {
          rs.next();
          RunRecord r = new RunRecord(rs.getLong(1), true, rs.getInt(2));
          db.commit();
          return r;
        }
      }
    } catch (SQLException e) {
      db.rollback();
      throw e;
    }
  }

  /**
   * Stores a run's groups and marks it completed, all in one transaction: either the whole result
   * is there or none of it.
   */
  public void completeRun(
      long runId,
      List<MatchGroup> groups,
      Map<TransactionId, String> accountOf,
      String countsJson,
      Duration duration)
      throws SQLException {
    try {
      try (PreparedStatement lock =
          db.prepareStatement("select status from reconciliation_run where id = ? for update")) {
        lock.setLong(1, runId);
        try (ResultSet rs = lock.executeQuery()) {
          if (!rs.next() || !rs.getString(1).equals("running")) {
            db.rollback();
            return; // another process finished it meanwhile
          }
        }
      }
      long firstId = reserveGroupIds(groups.size());
      Map<String, Long> bankIds =
          ids("select account_id || chr(1) || transaction_id, id from bank_line", groups.isEmpty());
      Map<String, Long> ledgerIds = ids("select entry_id, id from ledger_entry", groups.isEmpty());
      copy(
          "copy match_group (id, run_id, stage, rule, confidence, status, explanation) from stdin (format csv, null '\\N')",
          indexed(groups),
          g ->
              Arrays.asList(
                  firstId + g.index(),
                  runId,
                  g.group().stage().code(),
                  g.group().rule(),
                  String.format(Locale.ROOT, "%.4f", g.group().confidence()),
                  g.group().status().code(),
                  g.group().explanation()));
      List<long[]> bankRows = new ArrayList<>();
      List<long[]> ledgerRows = new ArrayList<>();
      for (Indexed ig : indexed(groups)) {
        for (TransactionId t : ig.group().bankIds()) {
          bankRows.add(new long[] {firstId + ig.index(), lookup(bankIds, accountOf, t)});
        }
        for (EntryId e : ig.group().ledgerIds()) {
          Long id = ledgerIds.get(e.value());
          if (id == null) {
            throw new IllegalStateException("ledger entry " + e + " is not in the store");
          }
          ledgerRows.add(new long[] {firstId + ig.index(), id});
        }
      }
      copy(
          "copy match_group_bank (group_id, run_id, bank_line_id) from stdin (format csv)",
          bankRows,
          r -> List.of(r[0], runId, r[1]));
      copy(
          "copy match_group_ledger (group_id, run_id, ledger_entry_id) from stdin (format csv)",
          ledgerRows,
          r -> List.of(r[0], runId, r[1]));
      settle(runId);
      try (PreparedStatement done =
          db.prepareStatement(
              "update reconciliation_run set status = 'completed', finished_at = now(), counts = ?::jsonb, duration_ms = ? where id = ?")) {
        done.setString(1, countsJson);
        done.setLong(2, duration.toMillis());
        done.setLong(3, runId);
        done.executeUpdate();
      }
      db.commit();
    } catch (SQLException | RuntimeException e) {
      db.rollback();
      throw e;
    }
  }

  /**
   * Gives the run's groups what the review queue filters on (account, currency, totals, oldest
   * date), settles the auto-matched ones, and marks as superseded any group with a line or entry
   * that an earlier group already settled: that decision stands until someone reverses it.
   */
  private void settle(long runId) throws SQLException {
    String[] steps = {
      """
      update match_group g set account_id = s.account_id, currency = s.currency,
        bank_total_minor = s.total, oldest_date = s.oldest
      from (select mb.group_id, min(b.account_id) account_id, min(b.currency) currency,
              sum(b.amount_minor) total, min(b.booking_date) oldest
            from match_group_bank mb join bank_line b on b.id = mb.bank_line_id
            where mb.run_id = ? group by mb.group_id) s
      where g.id = s.group_id""",
      """
      update match_group g set ledger_total_minor = s.total
      from (select ml.group_id, sum(l.amount_minor) total
            from match_group_ledger ml join ledger_entry l on l.id = ml.ledger_entry_id
            where ml.run_id = ? group by ml.group_id) s
      where g.id = s.group_id""",
      """
      update match_group g set review_state = 'superseded'
      where g.run_id = ? and (
        exists (select 1 from match_group_bank mb join match_group_bank o
                  on o.bank_line_id = mb.bank_line_id and o.settled where mb.group_id = g.id)
        or exists (select 1 from match_group_ledger ml join match_group_ledger o
                  on o.ledger_entry_id = ml.ledger_entry_id and o.settled where ml.group_id = g.id))""",
      """
      update match_group set review_state = 'posted', decided_at = now()
      where run_id = ? and status = 'auto_matched' and review_state = 'open'""",
      """
      update match_group_bank mb set settled = true from match_group g
      where g.id = mb.group_id and g.run_id = ? and g.review_state = 'posted'""",
      """
      update match_group_ledger ml set settled = true from match_group g
      where g.id = ml.group_id and g.run_id = ? and g.review_state = 'posted'"""
    };
    for (String sql : steps) {
      try (PreparedStatement ps = db.prepareStatement(sql)) {
        ps.setLong(1, runId);
        ps.executeUpdate();
      }
    }
  }

  private record Indexed(int index, MatchGroup group) {}

  private static List<Indexed> indexed(List<MatchGroup> groups) {
    List<Indexed> out = new ArrayList<>(groups.size());
    for (int i = 0; i < groups.size(); i++) {
      out.add(new Indexed(i, groups.get(i)));
    }
    return out;
  }

  private long reserveGroupIds(int n) throws SQLException {
    if (n == 0) {
      return 0;
    }
    // one block of consecutive ids, so the COPY can carry them
    try (Statement st = db.createStatement();
        ResultSet rs =
            st.executeQuery(
                "select nextval('match_group_id_seq') from generate_series(1, " + n + ")")) {
      long first = -1;
      long previous = -1;
      boolean consecutive = true;
      while (rs.next()) {
        long v = rs.getLong(1);
        if (first < 0) {
          first = v;
        } else if (v != previous + 1) {
          consecutive = false;
        }
        previous = v;
      }
      if (!consecutive) {
        throw new IllegalStateException("match_group ids were not consecutive; retry the run");
      }
      return first;
    }
  }

  private Map<String, Long> ids(String sql, boolean skip) throws SQLException {
    Map<String, Long> m = new HashMap<>();
    if (skip) {
      return m;
    }
    try (Statement st = db.createStatement()) {
      st.setFetchSize(50_000);
      try (ResultSet rs = st.executeQuery(sql)) {
        while (rs.next()) {
          m.put(rs.getString(1), rs.getLong(2));
        }
      }
    }
    return m;
  }

  /** Transaction ids are unique per account; groups name them without it, the run knows it. */
  private static long lookup(
      Map<String, Long> ids, Map<TransactionId, String> accountOf, TransactionId t) {
    String account = accountOf.get(t);
    Long id = account == null ? null : ids.get(account + '\u0001' + t.value());
    if (id == null) {
      throw new IllegalStateException("bank line " + t + " of this run is not in the store");
    }
    return id;
  }

  /** Counts for tests and the command line. */
  public long count(String table) throws SQLException {
    if (!table.matches("[a-z_]+")) {
      throw new IllegalArgumentException(table);
    }
    try (Statement st = db.createStatement();
        ResultSet rs = st.executeQuery("select count(*) from " + table)) {
      rs.next();
      long n = rs.getLong(1);
      db.commit();
      return n;
    }
  }

  @Override
  public void close() throws SQLException {
    db.close();
  }
}
