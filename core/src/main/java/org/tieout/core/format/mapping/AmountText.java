package org.tieout.core.format.mapping;

import org.tieout.core.Money;

/**
 * Amounts as banks print them: decimal comma, thousands separators, a trailing minus, parentheses
 * for negatives, blanks. Turned into the strict form and parsed at the currency's scale.
 */
final class AmountText {
  private AmountText() {}

  static long parse(
      String text, String decimalSeparator, String thousandsSeparator, String currency) {
    String s = text.strip().replace("\u00A0", "").replace(" ", "");
    boolean negative = false;
    if (s.startsWith("(") && s.endsWith(")")) {
      negative = true;
      s = s.substring(1, s.length() - 1);
    }
    if (s.endsWith("-")) {
      negative = !negative;
      s = s.substring(0, s.length() - 1);
    }
    if (!thousandsSeparator.isEmpty()) {
      s = s.replace(thousandsSeparator, "");
    }
    if (!decimalSeparator.equals(".")) {
      if (s.contains(".")) {
        throw new NumberFormatException(
            "'"
                + text
                + "' has a '.' but this layout's decimal separator is '"
                + decimalSeparator
                + "'");
      }
      s = s.replace(decimalSeparator, ".");
    }
    long minor = Money.parseMinor(s, Money.scale(Money.currency(currency)));
    return negative ? -minor : minor;
  }
}
