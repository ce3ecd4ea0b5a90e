package org.tieout.matcher;

import org.tieout.matcher.text.NameKey;
import org.tieout.matcher.text.Names;

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

  /**
   * "counterparty 80% alike", saying why when the names' legal forms differ (which caps it): "50%
   * alike (legal forms differ: GMBH against AB)".
   */
  static String counterparty(Book book, int b, int e, double similarity) {
    return "counterparty " + similarity(similarity) + " alike" + legalForms(book, b, e);
  }

  /** " (legal forms differ: GMBH against AB)" when they do, else nothing. */
  static String legalForms(Book book, int b, int e) {
    NameKey bn = book.bankName[b];
    NameKey ln = book.ledgerName[e];
    return Names.legalFormsDiffer(bn, ln)
        ? " (legal forms differ: " + bn.legalForm() + " against " + ln.legalForm() + ")"
        : "";
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
