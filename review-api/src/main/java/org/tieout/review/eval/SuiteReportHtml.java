package org.tieout.review.eval;

import static org.tieout.review.batch.Html.esc;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tieout.review.batch.Html;

/** The suite report as a page an engineer reads before changing a prompt or a model. */
public final class SuiteReportHtml {
  private SuiteReportHtml() {}

  @SuppressWarnings("unchecked")
  public static String render(Map<String, Object> d, Map<String, List<String>> diff) {
    StringBuilder h = new StringBuilder(16_384);
    h.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Evaluation: ")
        .append(esc(d.get("suite")))
        .append("</title><style>")
        .append(Html.STYLE)
        .append("</style></head><body><h1>Evaluation suite ")
        .append(esc(d.get("suite")))
        .append("</h1><p>")
        .append(esc(d.get("description")))
        .append("</p>");
    boolean passed = Boolean.TRUE.equals(d.get("passed"));
    h.append("<p><strong>")
        .append(passed ? "Passed" : "FAILED")
        .append("</strong> ")
        .append(esc(String.join("; ", (List<String>) d.get("failures"))))
        .append("</p><p>")
        .append(esc(d.get("bank_lines")))
        .append(" bank lines, ")
        .append(esc(d.get("ledger_entries")))
        .append(" ledger entries, ")
        .append(esc(d.get("duration_s")))
        .append(" s.</p>");
    h.append("<h2>Pairs</h2><table><tr><th></th><th>predicted</th><th>correct</th>")
        .append("<th>precision</th><th>recall</th><th>F1</th></tr>");
    for (String k : List.of("auto_matched", "proposed", "auto_and_proposed")) {
      row(h, k, (Map<String, Object>) d.get(k));
    }
    h.append("</table><h2>By stage</h2><table><tr><th></th><th>predicted</th><th>correct</th>")
        .append("<th>precision</th><th>recall</th><th>F1</th></tr>");
    ((Map<String, Object>) d.get("by_stage")).forEach((k, v) -> row(h, k, (Map<String, Object>) v));
    h.append("</table><h2>By rule or prompt version</h2><table><tr><th></th><th>predicted</th>")
        .append("<th>correct</th><th>precision</th><th>recall</th><th>F1</th></tr>");
    ((Map<String, Object>) d.get("by_rule")).forEach((k, v) -> row(h, k, (Map<String, Object>) v));
    h.append("</table><h2>Precision by confidence</h2><table><tr><th>confidence</th>")
        .append("<th>pairs</th><th>correct</th><th>precision</th></tr>");
    for (Map<String, Object> b : (List<Map<String, Object>>) d.get("confidence_buckets")) {
      h.append("<tr><td>")
          .append(esc(b.get("confidence")))
          .append("</td><td class=\"num\">")
          .append(esc(b.get("pairs")))
          .append("</td><td class=\"num\">")
          .append(esc(b.get("correct")))
          .append("</td><td class=\"num\">")
          .append(fmt(b.get("precision")))
          .append("</td></tr>");
    }
    h.append("</table><h2>LLM stage</h2><table>");
    ((Map<String, Object>) d.get("llm"))
        .forEach(
            (k, v) ->
                h.append("<tr><th>")
                    .append(esc(k))
                    .append("</th><td>")
                    .append(esc(v))
                    .append("</td></tr>"));
    h.append("</table>");
    if (diff != null) {
      h.append("<h2>Against the baseline</h2>");
      for (String side : List.of("better", "worse")) {
        List<String> cases = diff.get(side);
        h.append("<h3>").append(cases.size()).append(" case(s) ").append(side).append("</h3><ul>");
        cases.stream()
            .limit(200)
            .forEach(c -> h.append("<li><code>").append(esc(c)).append("</code></li>"));
        h.append("</ul>");
      }
    }
    return h.append("</body></html>").toString();
  }

  private static void row(StringBuilder h, String label, Map<String, Object> m) {
    h.append("<tr><td>")
        .append(esc(label))
        .append("</td><td class=\"num\">")
        .append(esc(m.get("pairs_predicted")))
        .append("</td><td class=\"num\">")
        .append(esc(m.get("pairs_correct")))
        .append("</td><td class=\"num\">")
        .append(fmt(m.get("precision")))
        .append("</td><td class=\"num\">")
        .append(fmt(m.get("recall")))
        .append("</td><td class=\"num\">")
        .append(fmt(m.get("f1")))
        .append("</td></tr>");
  }

  private static String fmt(Object v) {
    return v instanceof Number n ? String.format(Locale.ROOT, "%.4f", n.doubleValue()) : "–";
  }
}
