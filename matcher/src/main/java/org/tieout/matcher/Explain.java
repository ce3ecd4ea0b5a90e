package org.tieout.matcher;

/** Phrases the rules' explanations share, so they read alike in the report and the review page. */
final class Explain {
  private Explain() {}

  static String days(int gap) {
    int d = Math.abs(gap);
    if (d == 0) {
      return "same day";
    }
    return d + (d == 1 ? " day" : " days") + (gap > 0 ? " after the ledger" : " before the ledger");
  }

  static String similarity(double s) {
    return Math.round(s * 100) + "%";
  }

  static String ids(Book book, int[] ledger) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < ledger.length && i < 6; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(book.ledger[ledger[i]].id().value());
    }
    if (ledger.length > 6) {
      sb.append(" and ").append(ledger.length - 6).append(" more");
    }
    return sb.toString();
  }
}
