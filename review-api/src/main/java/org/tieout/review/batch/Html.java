package org.tieout.review.batch;

/** Escaping for the HTML reports: every value from a file is text, never markup. */
public final class Html {
  private Html() {}

  public static String esc(Object value) {
    if (value == null) {
      return "";
    }
    String s = value.toString();
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  public static final String STYLE =
      """
      <style>
      body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem auto;max-width:1200px;color:#1d2733;padding:0 1rem}
      h1{font-size:1.6rem;margin-bottom:.2rem} h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #d8dee6;padding-bottom:.3rem}
      .muted{color:#5d6b7a;font-size:.9rem}
      .cards{display:flex;gap:1rem;flex-wrap:wrap;margin:1rem 0}
      .card{background:#f4f7fa;border:1px solid #dde4ec;border-radius:8px;padding:.8rem 1rem;min-width:160px}
      .card b{display:block;font-size:1.5rem}
      table{border-collapse:collapse;width:100%;font-size:.9rem;margin:.5rem 0}
      th,td{border-bottom:1px solid #e3e8ee;padding:.35rem .5rem;text-align:left;vertical-align:top}
      th{background:#f4f7fa} td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
      .bar{background:#2f7d5b;height:.6rem;border-radius:3px}
      .warn{color:#9a3412} .ok{color:#166534}
      code{font-size:.85em;background:#f4f7fa;padding:0 .2em;border-radius:3px}
      </style>
      """;
}
