package org.tieout.review.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only audit trail. Every decision and configuration change is one event, written in the
 * same transaction as the change it records, and carrying the hash of the event before it: a
 * changed, removed or reordered event breaks the chain, and {@link #verify()} says where. The
 * database itself refuses UPDATE, DELETE and TRUNCATE on the table.
 */
@Component
public class AuditTrail {
  static final String GENESIS = "0".repeat(64);
  private static final long CHAIN_LOCK = 0x7469656f7574L; // serialises appends across instances
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  public AuditTrail(JdbcClient jdbc, javax.sql.DataSource dataSource) {
    this.jdbc = jdbc;
    this.template = new JdbcTemplate(dataSource);
    this.template.setFetchSize(10_000);
  }

  /** What happened, to what, and why; the states are maps written as JSON. */
  public record Event(
      String actor,
      String action,
      String subject,
      Map<String, ?> before,
      Map<String, ?> after,
      String reason,
      String model,
      String promptVersion) {}

  /** One stored event as it is read back. */
  public record Stored(
      long seq,
      Instant at,
      String actor,
      String action,
      String subject,
      String before,
      String after,
      String reason,
      String model,
      String promptVersion,
      String prevHash,
      String hash) {
    Stored withHash(String h) {
      return new Stored(
          seq,
          at,
          actor,
          action,
          subject,
          before,
          after,
          reason,
          model,
          promptVersion,
          prevHash,
          h);
    }
  }

  /** Appends an event; must run inside the transaction that makes the change. */
  public Stored append(Event e) {
    jdbc.sql("select pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query((rs, n) -> 1).list();
    List<Object[]> last =
        jdbc.sql("select seq, hash from audit_event order by seq desc limit 1")
            .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
            .list();
    long seq = last.isEmpty() ? 1 : (Long) last.get(0)[0] + 1;
    String prev = last.isEmpty() ? GENESIS : (String) last.get(0)[1];
    Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
    String before = e.before() == null ? null : JSON.writeValueAsString(e.before());
    String after = e.after() == null ? null : JSON.writeValueAsString(e.after());
    Stored unhashed =
        new Stored(
            seq,
            at,
            e.actor(),
            e.action(),
            e.subject(),
            before,
            after,
            e.reason(),
            e.model(),
            e.promptVersion(),
            prev,
            null);
    Stored s = unhashed.withHash(hash(unhashed));
    jdbc.sql(
            """
            insert into audit_event (seq, at, actor, action, subject, before_state, after_state,
              reason, model, prompt_version, prev_hash, hash)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            s.seq(),
            OffsetDateTime.ofInstant(s.at(), java.time.ZoneOffset.UTC),
            s.actor(),
            s.action(),
            s.subject(),
            s.before(),
            s.after(),
            s.reason(),
            s.model(),
            s.promptVersion(),
            s.prevHash(),
            s.hash())
        .update();
    return s;
  }

  /** The newest events first, optionally only those about one subject. */
  public List<Stored> recent(String subject, int limit) {
    String where = subject == null ? "" : " where subject = :subject";
    JdbcClient.StatementSpec spec =
        jdbc.sql("select * from audit_event" + where + " order by seq desc limit :limit")
            .param("limit", limit);
    if (subject != null) {
      spec = spec.param("subject", subject);
    }
    return spec.query((rs, n) -> read(rs)).list();
  }

  /** The outcome of checking the chain: how many events, and the first one that is wrong. */
  public record Verification(boolean intact, long events, Long firstBrokenSeq, String problem) {}

  /** Recomputes every hash and link, in order, streaming the table. */
  @org.springframework.transaction.annotation.Transactional(readOnly = true)
  public Verification verify() {
    long[] count = {0};
    String[] prevHash = {GENESIS};
    Verification[] broken = {null};
    template.query(
        "select * from audit_event order by seq",
        (RowCallbackHandler)
            rs -> {
              if (broken[0] != null) {
                return;
              }
              Stored s = read(rs);
              count[0]++;
              if (s.seq() != count[0]) {
                broken[0] = broken(s.seq(), "sequence jumps from " + (count[0] - 1));
              } else if (!s.prevHash().equals(prevHash[0])) {
                broken[0] = broken(s.seq(), "does not link to the event before it");
              } else if (!hash(s).equals(s.hash())) {
                broken[0] = broken(s.seq(), "content does not match its hash");
              }
              prevHash[0] = s.hash();
            });
    return broken[0] != null ? broken[0] : new Verification(true, count[0], null, null);
  }

  private static Verification broken(long seq, String problem) {
    return new Verification(false, seq, seq, "event " + seq + " " + problem);
  }

  private static Stored read(ResultSet rs) throws SQLException {
    return new Stored(
        rs.getLong("seq"),
        rs.getObject("at", OffsetDateTime.class).toInstant(),
        rs.getString("actor"),
        rs.getString("action"),
        rs.getString("subject"),
        rs.getString("before_state"),
        rs.getString("after_state"),
        rs.getString("reason"),
        rs.getString("model"),
        rs.getString("prompt_version"),
        rs.getString("prev_hash"),
        rs.getString("hash"));
  }

  /** SHA-256 over every field, each length-prefixed so that no two events encode alike. */
  static String hash(Stored s) {
    StringBuilder sb = new StringBuilder(256);
    for (Object f :
        new Object[] {
          s.seq(),
          s.at(),
          s.actor(),
          s.action(),
          s.subject(),
          s.before(),
          s.after(),
          s.reason(),
          s.model(),
          s.promptVersion(),
          s.prevHash()
        }) {
      if (f == null) {
        sb.append("-|");
      } else {
        String v = f.toString();
        sb.append(v.length()).append(':').append(v).append('|');
      }
    }
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(d.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
