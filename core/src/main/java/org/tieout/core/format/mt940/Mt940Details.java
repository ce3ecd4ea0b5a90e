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

  private Mt940Details() {}

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
