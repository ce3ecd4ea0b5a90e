package org.tieout.anomaly;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tieout.core.LedgerEntry;
import org.tieout.core.format.BadInputException;
import org.tieout.core.format.ImportProblem;
import org.tieout.core.format.MappedRows;

/**
 * A reviewer's decision that a pattern is expected: flags of one type for one counterparty or GL
 * account are suppressed for entries posted up to a date, with the reason and who decided. Kept in
 * a file ({@code expected.csv}) until the review service records decisions itself; the report lists
 * every flag a decision suppressed, so nothing disappears unseen.
 *
 * @param counterparty the counterparty's name as in the ledger (case and punctuation ignored), or
 *     null
 * @param glAccount the GL account, or null; at least one of the two is given
 * @param until the last posting date the decision covers: it expires after
 */
public record Expected(
    AnomalyType type,
    String counterparty,
    String glAccount,
    LocalDate until,
    String reason,
    String decidedBy) {

  public Expected {
    if (counterparty == null && glAccount == null) {
      throw new IllegalArgumentException("a decision names a counterparty or a GL account");
    }
  }

  public boolean covers(LedgerEntry e, Flag f) {
    return f.type() == type
        && !e.postingDate().isAfter(until)
        && (counterparty == null
            || Ledger.normalise(counterparty).equals(Ledger.normalise(e.counterpartyName())))
        && (glAccount == null || glAccount.equals(e.glAccount()));
  }

  public String describe() {
    return String.format(
        Locale.ROOT,
        "%s for %s expected until %s (%s, decided by %s)",
        type.code(),
        counterparty != null ? counterparty : "GL " + glAccount,
        until,
        reason,
        decidedBy);
  }

  /** Reads decisions: anomaly_type, counterparty_name, gl_account, until, reason, decided_by. */
  public static List<Expected> read(Path file) {
    List<Expected> out = new ArrayList<>();
    List<ImportProblem> problems;
    try (MappedRows rows = MappedRows.open(file, StandardCharsets.UTF_8, ',', 0)) {
      for (MappedRows.Row row : rows) {
        String type = row.required("anomaly_type");
        String until = row.required("until");
        String reason = row.required("reason");
        String by = row.required("decided_by");
        if (row.bad()) {
          continue;
        }
        try {
          out.add(
              new Expected(
                  AnomalyType.fromCode(type),
                  row.optional("counterparty_name"),
                  row.optional("gl_account"),
                  LocalDate.parse(until),
                  reason,
                  by));
        } catch (RuntimeException e) {
          row.fail(null, "bad_decision", e.getMessage());
        }
      }
      problems = rows.problems();
    }
    if (!problems.isEmpty()) {
      throw new BadInputException(problems);
    }
    return out;
  }
}
