package org.tieout.review.batch;

import static org.tieout.review.batch.Html.esc;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tieout.core.Money;
import org.tieout.core.SourceFile;
import org.tieout.matcher.Reconciliation;

/** {@code report.html}: the run as a controller reads it. One self-contained page, no scripts. */
final class HtmlReport {
  private HtmlReport() {}

  static String render(
      RunSummary s, Inputs inputs, Map<String, String> ruleDescriptions, List<String> stageNotes) {
    StringBuilder h = new StringBuilder(32_768);
    h.append(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Tieout reconciliation report</title>")
        .append(Html.STYLE)
        .append("</head><body>");
    h.append("<h1>Reconciliation report</h1><p class=\"muted\">As of ")
        .append(esc(s.asOf()))
        .append(" &middot; ")
        .append(s.bankLines())
        .append(" bank lines, ")
        .append(s.ledgerEntries())
        .append(" ledger entries &middot; run took ")
        .append(seconds(s.duration()));
    if (!s.phases().isEmpty()) {
      StringBuilder parts = new StringBuilder();
      s.phases()
          .forEach(
              (phase, took) ->
                  parts
                      .append(parts.isEmpty() ? "" : ", ")
                      .append(phase.replace('_', ' '))
                      .append(' ')
                      .append(seconds(took)));
      h.append(" (").append(esc(parts.toString())).append(')');
    }
    h.append("</p>");
    h.append("<div class=\"cards\">");
    card(h, pct(s.autoMatchRate()), "of bank lines auto-matched");
    card(h, String.valueOf(s.autoMatchedGroups()), "groups posted without review");
    card(h, String.valueOf(s.proposedGroups()), "groups waiting for review");
    card(
        h,
        String.valueOf(s.bankLines() - s.autoMatchedBankLines() - s.proposedBankLines()),
        "bank lines with no match");
    card(
        h,
        String.valueOf(
            s.ledgerEntries() - s.autoMatchedLedgerEntries() - s.proposedLedgerEntries()),
        "ledger entries with no match");
    h.append("</div>");
    for (String note : stageNotes) {
      h.append("<p class=\"warn\">").append(esc(note)).append("</p>");
    }

    h.append(
            "<h2>Matches by rule</h2><p class=\"muted\">Rules run in this order; the first that fits an item decides.</p>")
        .append(
            "<table><tr><th>Rule</th><th>What it looks for</th><th class=\"num\">Auto-matched</th><th class=\"num\">Proposed</th></tr>");
    for (Map.Entry<String, String> r : ruleDescriptions.entrySet()) {
      Reconciliation.RuleCount c =
          s.byRule().getOrDefault(r.getKey(), new Reconciliation.RuleCount(0, 0));
      h.append("<tr><td><code>")
          .append(esc(r.getKey()))
          .append("</code></td><td>")
          .append(esc(r.getValue()))
          .append("</td><td class=\"num\">")
          .append(c.autoMatched())
          .append("</td><td class=\"num\">")
          .append(c.proposed())
          .append("</td></tr>");
    }
    h.append("</table>");

    ageTable(h, "Open bank lines by account and age", s.openBankByAccountAndAge());
    ageTable(h, "Open ledger entries by account and age", s.openLedgerByAccountAndAge());
    h.append(
        "<p class=\"muted\">Open means not auto-matched: proposals count as open until a reviewer approves them. Amounts are absolute values.</p>");

    h.append(
        "<h2>Largest open items</h2><table><tr><th>Side</th><th>Id</th><th>Account</th><th>Date</th><th class=\"num\">Amount</th><th>Counterparty</th><th>Text</th><th>Source</th></tr>");
    for (RunSummary.OpenItem i : s.largestOpenItems()) {
      h.append("<tr><td>")
          .append(esc(i.side()))
          .append("</td><td>")
          .append(esc(i.id()))
          .append("</td><td>")
          .append(esc(i.account()))
          .append("</td><td>")
          .append(esc(i.date()))
          .append("</td><td class=\"num\">")
          .append(esc(i.amount().format()))
          .append("</td><td>")
          .append(esc(i.counterparty()))
          .append("</td><td>")
          .append(esc(i.text()))
          .append("</td><td><code>")
          .append(esc(i.provenance()))
          .append("</code></td></tr>");
    }
    h.append("</table>");

    h.append("<h2>Inputs</h2><table><tr><th>File</th><th>SHA-256</th></tr>");
    for (SourceFile f : inputs.files()) {
      h.append("<tr><td>")
          .append(esc(f.name()))
          .append("</td><td><code>")
          .append(esc(f.contentHash()))
          .append("</code></td></tr>");
    }
    h.append("</table>");
    if (!inputs.problems().isEmpty()) {
      h.append("<p class=\"warn\">")
          .append(inputs.problems().size())
          .append(" row(s) were skipped as invalid; see <code>rejects.csv</code>.</p>");
    }
    for (String n : inputs.notes()) {
      h.append("<p class=\"muted\">").append(esc(n)).append("</p>");
    }
    h.append("</body></html>\n");
    return h.toString();
  }

  private static void card(StringBuilder h, String value, String label) {
    h.append("<div class=\"card\"><b>")
        .append(esc(value))
        .append("</b>")
        .append(esc(label))
        .append("</div>");
  }

  private static void ageTable(
      StringBuilder h, String title, Map<String, Map<String, Money>> sums) {
    h.append("<h2>").append(esc(title)).append("</h2>");
    if (sums.isEmpty()) {
      h.append("<p class=\"ok\">Nothing open.</p>");
      return;
    }
    h.append("<table><tr><th>Account</th>");
    for (String b : RunSummary.AGE_BUCKETS) {
      h.append("<th class=\"num\">").append(esc(b)).append("</th>");
    }
    h.append("</tr>");
    for (Map.Entry<String, Map<String, Money>> row : sums.entrySet()) {
      h.append("<tr><td>").append(esc(row.getKey())).append("</td>");
      for (String b : RunSummary.AGE_BUCKETS) {
        Money m = row.getValue().get(b);
        h.append("<td class=\"num\">")
            .append(m == null ? "&ndash;" : esc(m.format()))
            .append("</td>");
      }
      h.append("</tr>");
    }
    h.append("</table>");
  }

  private static String seconds(java.time.Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }

  static String pct(double v) {
    return String.format(Locale.ROOT, "%.1f%%", v * 100);
  }
}
