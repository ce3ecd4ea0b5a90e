package org.tieout.review.batch;

import static org.tieout.review.batch.Html.esc;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tieout.anomaly.AnomalyScorer;
import org.tieout.anomaly.AnomalyType;
import org.tieout.anomaly.Flag;

/**
 * {@code anomalies.html}: the review queue of flagged entries, highest score first, each with its
 * reasons.
 */
public final class AnomalyReport {
  private static final int SHOWN = 500;

  private AnomalyReport() {}

  public static String render(
      List<AnomalyScorer.Assessment> flagged, int entries, double threshold) {
    return render(flagged, entries, threshold, List.of());
  }

  /**
   * With every assessment that had flags suppressed by a reviewer's decision, listed at the end.
   */
  public static String render(
      List<AnomalyScorer.Assessment> flagged,
      int entries,
      double threshold,
      List<AnomalyScorer.Assessment> assessed) {
    Map<AnomalyType, Integer> byType = new EnumMap<>(AnomalyType.class);
    flagged.forEach(a -> a.flags().forEach(f -> byType.merge(f.type(), 1, Integer::sum)));
    StringBuilder h = new StringBuilder(64_000);
    h.append(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Tieout ledger anomalies</title>")
        .append(Html.STYLE)
        .append("</head><body><h1>Ledger anomalies</h1><p class=\"muted\">")
        .append(entries)
        .append(" entries scored; ")
        .append(flagged.size())
        .append(" flagged for review (score at least ")
        .append(String.format(Locale.ROOT, "%.2f", threshold))
        .append(").</p>");
    h.append(
        "<h2>Flags by type</h2><table><tr><th>Type</th><th class=\"num\">Flags</th><th class=\"num\">Weight</th></tr>");
    for (AnomalyType t : AnomalyType.values()) {
      h.append("<tr><td><code>")
          .append(t.code())
          .append("</code></td><td class=\"num\">")
          .append(byType.getOrDefault(t, 0))
          .append("</td><td class=\"num\">")
          .append(t.weight)
          .append("</td></tr>");
    }
    h.append(
            "</table><h2>Review queue</h2><table><tr><th class=\"num\">Score</th><th>Entry</th><th>Date</th><th class=\"num\">Amount</th>")
        .append("<th>Counterparty</th><th>GL</th><th>Posted by</th><th>Why</th></tr>");
    for (AnomalyScorer.Assessment a : flagged.subList(0, Math.min(SHOWN, flagged.size()))) {
      var e = a.entry();
      h.append("<tr><td class=\"num\">")
          .append(String.format(Locale.ROOT, "%.2f", a.score()))
          .append("</td><td>")
          .append(esc(e.id().value()))
          .append("</td><td>")
          .append(esc(e.postingDate()))
          .append("</td><td class=\"num\">")
          .append(esc(e.amount().format()))
          .append("</td><td>")
          .append(esc(e.counterpartyName()))
          .append("</td><td>")
          .append(esc(e.glAccount()))
          .append("</td><td>")
          .append(esc(e.createdBy()))
          .append("</td><td>");
      for (Flag f : a.flags()) {
        h.append("<div><code>")
            .append(f.type().code())
            .append("</code> ")
            .append(esc(f.explanation()))
            .append("</div>");
      }
      for (String s : a.suppressed()) {
        h.append("<div class=\"muted\">").append(esc(s)).append("</div>");
      }
      h.append("</td></tr>");
    }
    h.append("</table>");
    List<AnomalyScorer.Assessment> suppressed =
        assessed.stream().filter(a -> !a.suppressed().isEmpty()).toList();
    if (!suppressed.isEmpty()) {
      h.append(
          "<h2>Suppressed by reviewers' decisions</h2><table><tr><th>Entry</th><th>Flag and decision</th></tr>");
      for (AnomalyScorer.Assessment a : suppressed.subList(0, Math.min(SHOWN, suppressed.size()))) {
        for (String line : a.suppressed()) {
          h.append("<tr><td>")
              .append(esc(a.entry().id().value()))
              .append("</td><td>")
              .append(esc(line))
              .append("</td></tr>");
        }
      }
      h.append("</table>");
    }
    if (flagged.size() > SHOWN) {
      h.append("<p class=\"muted\">")
          .append(flagged.size() - SHOWN)
          .append(" more in anomalies.csv.</p>");
    }
    return h.append("</body></html>\n").toString();
  }
}
