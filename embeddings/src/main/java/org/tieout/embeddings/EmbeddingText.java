package org.tieout.embeddings;

import java.util.Locale;
import org.tieout.core.BankLine;
import org.tieout.core.LedgerEntry;
import org.tieout.core.Money;

/**
 * The one way bank lines and ledger entries become text for embedding: counterparty, description,
 * references, and the amount as a band (direction, currency and order of magnitude), so that
 * similar payments land near each other without the exact amount dominating. Bank text is data: it
 * is only ever embedded, never read as instructions.
 */
public final class EmbeddingText {
  private EmbeddingText() {}

  public static String of(BankLine b) {
    return join(b.counterpartyName(), b.description(), b.bankReference(), b.amount());
  }

  public static String of(LedgerEntry e) {
    return join(e.counterpartyName(), e.description(), e.documentRef(), e.amount());
  }

  private static String join(String party, String text, String ref, Money amount) {
    StringBuilder sb = new StringBuilder(128);
    sb.append("counterparty: ").append(clean(party));
    sb.append(" | text: ").append(clean(text));
    sb.append(" | references: ").append(clean(ref));
    sb.append(" | amount: ").append(band(amount));
    return sb.toString();
  }

  private static String clean(String s) {
    return s == null ? "" : s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  /** e.g. "incoming eur 100-1000": direction, currency, decade of the absolute amount. */
  static String band(Money m) {
    long major = Math.abs(m.minor()) / pow10(m.scale());
    long low = 1;
    while (low * 10 <= major) {
      low *= 10;
    }
    String range = major < 1 ? "0-1" : low + "-" + low * 10;
    return (m.minor() < 0 ? "outgoing " : "incoming ")
        + m.currencyCode().toLowerCase(Locale.ROOT)
        + " "
        + range;
  }

  private static long pow10(int n) {
    long p = 1;
    for (int i = 0; i < n; i++) {
      p *= 10;
    }
    return p;
  }
}
