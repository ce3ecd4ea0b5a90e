package org.tieout.review.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tieout.core.BankLine;
import org.tieout.core.EntryId;
import org.tieout.core.LedgerEntry;
import org.tieout.core.Money;
import org.tieout.core.Provenance;
import org.tieout.core.SourceFile;
import org.tieout.core.TransactionId;
import org.tieout.matcher.LearnedResidue;

/**
 * Reviewers' decisions on proposed and manual groups, read back from the store as training data for
 * the learned residue scorer: the residue they were made on (the bank lines and ledger entries of
 * the decided accounts, around the decided dates, that no rule posted) and what people said of it.
 * Approved groups, and manual matches (a reviewer's fix), are right; rejected groups, and groups
 * approved and later unmatched (reversed), are wrong. Groups still waiting for a decision say
 * nothing.
 *
 * @param bank the residue's bank lines
 * @param ledger the residue's ledger entries
 * @param labels what the decisions say of a candidate (see {@link LearnedResidue.Labels#decisions})
 * @param settledGroups groups people settled (approved or matched by hand)
 * @param refusedGroups groups people rejected or reversed
 */
public record ReviewedResidue(
    List<BankLine> bank,
    List<LedgerEntry> ledger,
    LearnedResidue.Labels labels,
    int settledGroups,
    int refusedGroups) {

  /** How far around the decided lines' dates the residue is read. */
  static final int DAYS_AROUND = 60;

  public static ReviewedResidue load(String jdbcUrl) throws SQLException {
    try (ReconciliationStore store = ReconciliationStore.open(jdbcUrl)) {
      Connection db = store.connection();
      try {
        ReviewedResidue r = read(db);
        db.commit();
        return r;
      } catch (SQLException | RuntimeException e) {
        db.rollback();
        throw e;
      }
    }
  }

  private record Decided(boolean settled, List<String> lines, List<String> entries) {}

  private static ReviewedResidue read(Connection db) throws SQLException {
    Map<Long, Decided> groups = new LinkedHashMap<>();
    Set<String> accounts = new HashSet<>();
    LocalDate from = null;
    LocalDate to = null;
    try (PreparedStatement ps =
            db.prepareStatement(
                """
                select g.id, g.review_state, 'b', b.transaction_id, b.account_id, b.booking_date
                from match_group g
                join match_group_bank mb on mb.group_id = g.id
                join bank_line b on b.id = mb.bank_line_id
                where g.review_state in ('approved', 'rejected', 'reversed')
                  and g.status in ('proposed', 'manual')
                union all
                select g.id, g.review_state, 'l', l.entry_id, l.account_id, l.posting_date
                from match_group g
                join match_group_ledger ml on ml.group_id = g.id
                join ledger_entry l on l.id = ml.ledger_entry_id
                where g.review_state in ('approved', 'rejected', 'reversed')
                  and g.status in ('proposed', 'manual')
                order by 1, 3, 4""");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        boolean approved = rs.getString(2).equals("approved");
        Decided d =
            groups.computeIfAbsent(
                rs.getLong(1), k -> new Decided(approved, new ArrayList<>(), new ArrayList<>()));
        (rs.getString(3).equals("b") ? d.lines() : d.entries()).add(rs.getString(4));
        accounts.add(rs.getString(5));
        LocalDate day = rs.getObject(6, LocalDate.class);
        from = from == null || day.isBefore(from) ? day : from;
        to = to == null || day.isAfter(to) ? day : to;
      }
    }
    Set<String> settledPairs = new HashSet<>();
    Set<String> settledLines = new HashSet<>();
    Set<String> settledEntries = new HashSet<>();
    Set<String> refused = new HashSet<>();
    int settled = 0;
    for (Decided d : groups.values()) {
      settled += d.settled() ? 1 : 0;
      for (String b : d.lines()) {
        if (d.settled()) {
          settledLines.add(b);
          d.entries().forEach(e -> settledPairs.add(b + "|" + e));
        } else {
          refused.add(LearnedResidue.Labels.groupKey(b, d.entries()));
        }
      }
      if (d.settled()) {
        settledEntries.addAll(d.entries());
      }
    }
    if (groups.isEmpty()) {
      return new ReviewedResidue(
          List.of(),
          List.of(),
          LearnedResidue.Labels.decisions(Set.of(), Set.of(), Set.of(), Set.of()),
          0,
          0);
    }
    String[] accountList = accounts.toArray(String[]::new);
    LocalDate start = from.minusDays(DAYS_AROUND);
    LocalDate end = to.plusDays(DAYS_AROUND);
    return new ReviewedResidue(
        bank(db, accountList, start, end),
        ledger(db, accountList, start, end),
        LearnedResidue.Labels.decisions(settledPairs, settledLines, settledEntries, refused),
        settled,
        groups.size() - settled);
  }

  /** Reads one row into an item. */
  @FunctionalInterface
  private interface Row<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /** The decided accounts' bank lines in the window that no rule posted. */
  private static List<BankLine> bank(Connection db, String[] accounts, LocalDate from, LocalDate to)
      throws SQLException {
    return unposted(
        db,
        """
        select b.transaction_id, b.account_id, b.booking_date, b.value_date, b.amount_minor,
               b.currency, b.counterparty_name, b.counterparty_account, b.description,
               b.bank_reference, f.name, f.sha256, b.source_line, b.source_path
        from bank_line b join source_file f on f.id = b.source_file_id
        where b.account_id = any (?) and b.booking_date between ? and ?
          and not exists (
            select 1 from match_group_bank mb join match_group g on g.id = mb.group_id
            where mb.bank_line_id = b.id and g.review_state = 'posted')
        order by b.id""",
        accounts,
        from,
        to,
        rs ->
            new BankLine(
                new TransactionId(rs.getString(1)),
                rs.getString(2),
                rs.getObject(3, LocalDate.class),
                rs.getObject(4, LocalDate.class),
                Money.ofMinor(rs.getLong(5), rs.getString(6).trim()),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                Provenance.atPath(
                    new SourceFile(rs.getString(11), rs.getString(12)),
                    rs.getLong(13),
                    rs.getString(14)),
                Map.of()));
  }

  /** The decided accounts' ledger entries in the window that no rule posted. */
  private static List<LedgerEntry> ledger(
      Connection db, String[] accounts, LocalDate from, LocalDate to) throws SQLException {
    return unposted(
        db,
        """
        select l.entry_id, l.account_id, l.posting_date, l.amount_minor, l.currency,
               l.counterparty_name, l.description, l.document_ref, l.gl_account,
               l.entry_type, l.created_by, l.created_at, f.name, f.sha256, l.source_line
        from ledger_entry l join source_file f on f.id = l.source_file_id
        where l.account_id = any (?) and l.posting_date between ? and ?
          and not exists (
            select 1 from match_group_ledger ml join match_group g on g.id = ml.group_id
            where ml.ledger_entry_id = l.id and g.review_state = 'posted')
        order by l.id""",
        accounts,
        from,
        to,
        rs ->
            new LedgerEntry(
                new EntryId(rs.getString(1)),
                rs.getString(2),
                rs.getObject(3, LocalDate.class),
                Money.ofMinor(rs.getLong(4), rs.getString(5).trim()),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                rs.getString(11),
                rs.getObject(12, java.time.OffsetDateTime.class),
                Provenance.atLine(
                    new SourceFile(rs.getString(13), rs.getString(14)), rs.getLong(15)),
                Map.of()));
  }

  /** Runs {@code sql} with the accounts and the window as its three parameters. */
  private static <T> List<T> unposted(
      Connection db, String sql, String[] accounts, LocalDate from, LocalDate to, Row<T> row)
      throws SQLException {
    List<T> out = new ArrayList<>();
    try (PreparedStatement ps = db.prepareStatement(sql)) {
      ps.setArray(1, db.createArrayOf("text", accounts));
      ps.setObject(2, from);
      ps.setObject(3, to);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(row.read(rs));
        }
      }
    }
    return out;
  }
}
