package org.tieout.core.format.mt940;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counterparty fields inside the free-text :86: field. Banks structure it differently: German GVC
 * subfields ({@code ?32} name, {@code ?31} account), Dutch slash keywords ({@code /NAME/}, {@code
 * /IBAN/}); anything else yields nothing rather than a guess.
 */
final class Mt940Details {
  private static final Pattern GVC_NAME = Pattern.compile("\\?3[23]([^?]*)");
  private static final Pattern GVC_ACCOUNT = Pattern.compile("\\?31([^?]*)");
  private static final Pattern SLASH_NAME = Pattern.compile("/NAME/([^/]*)");
  private static final Pattern SLASH_IBAN = Pattern.compile("/(?:IBAN|ACCW)/([A-Z0-9]+)");

  /** A German structured :86: field: a three-digit business code, then {@code ?NN} subfields. */
  private static final Pattern GVC = Pattern.compile("^\\d{3}\\?\\d{2}");

  private static final Pattern SUBFIELD = Pattern.compile("\\?(\\d{2})([^?]*)");

  /**
   * A subfield of the purpose (?20-?29, ?60-?63) this long is full: the text went on in the next.
   */
  private static final int SUBFIELD_WIDTH = 27;

  private Mt940Details() {}

  /**
   * The text a reviewer reads, and references are looked for in: for a German structured field, the
   * posting text ({@code ?00}) and the purpose ({@code ?20}-{@code ?29}, {@code ?60}-{@code ?63})
   * without the subfield codes, the purpose's pieces joined as written (a full piece was cut
   * mid-word, {@code RE-2026-00?2142} is {@code RE-2026-0042}); any other field as it is.
   */
  static String readable(String text) {
    if (text == null || !GVC.matcher(text).find()) {
      return text;
    }
    String posting = null;
    StringBuilder purpose = new StringBuilder();
    int last = -1;
    Matcher m = SUBFIELD.matcher(text);
    while (m.find()) {
      int code = Integer.parseInt(m.group(1));
      String value = m.group(2);
      if (code == 0) {
        posting = value.strip();
      } else if ((code >= 20 && code <= 29) || (code >= 60 && code <= 63)) {
        if (!purpose.isEmpty() && last < SUBFIELD_WIDTH) {
          purpose.append(' ');
        }
        purpose.append(value);
        last = value.length();
      }
    }
    String joined = purpose.toString().strip().replaceAll("\\s+", " ");
    if (posting == null || posting.isEmpty()) {
      return joined.isEmpty() ? text : joined;
    }
    return joined.isEmpty() ? posting : posting + " " + joined;
  }

  static String counterpartyName(String text) {
    if (text == null) {
      return null;
    }
    Matcher gvc = GVC_NAME.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (gvc.find()) {
      sb.append(gvc.group(1));
    }
    if (!sb.isEmpty()) {
      return sb.toString().strip();
    }
    Matcher slash = SLASH_NAME.matcher(text);
    if (slash.find() && !slash.group(1).isBlank()) {
      return slash.group(1).strip();
    }
    return null;
  }

  static String counterpartyAccount(String text) {
    if (text == null) {
      return null;
    }
    Matcher gvc = GVC_ACCOUNT.matcher(text);
    if (gvc.find() && !gvc.group(1).isBlank()) {
      return gvc.group(1).strip();
    }
    Matcher slash = SLASH_IBAN.matcher(text);
    return slash.find() ? slash.group(1) : null;
  }
}
