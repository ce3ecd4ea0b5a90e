package org.tieout.core;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount in the minor units of its currency (cents for EUR, yen for JPY). Arithmetic refuses
 * mixed currencies; the scale is the currency's ISO 4217 default and never changes.
 */
public record Money(long minor, Currency currency) implements Comparable<Money> {

  public Money {
    Objects.requireNonNull(currency, "currency");
  }

  public static Money ofMinor(long minor, String currencyCode) {
    return new Money(minor, currency(currencyCode));
  }

  /** Parses a decimal like {@code -1250.40}; more decimals than the currency has is an error. */
  public static Money parse(String decimal, String currencyCode) {
    Currency currency = currency(currencyCode);
    return new Money(parseMinor(decimal, scale(currency)), currency);
  }

  public static Money of(BigDecimal amount, String currencyCode) {
    Currency currency = currency(currencyCode);
    try {
      return new Money(amount.movePointRight(scale(currency)).longValueExact(), currency);
    } catch (ArithmeticException e) {
      throw new NumberFormatException(
          amount.toPlainString()
              + " has more decimals than "
              + currency.getCurrencyCode()
              + " allows");
    }
  }

  /** ISO 4217 code to currency; unknown codes are an error, not a default. */
  public static Currency currency(String code) {
    if (code == null || code.length() != 3) {
      throw new IllegalArgumentException(
          "currency must be a 3-letter ISO 4217 code, got '" + code + "'");
    }
    try {
      return Currency.getInstance(code.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown ISO 4217 currency '" + code + "'");
    }
  }

  public static int scale(Currency currency) {
    return Math.max(0, currency.getDefaultFractionDigits());
  }

  /**
   * Strict decimal parser: optional sign, digits, optional '.' and at most {@code scale} decimals.
   * No grouping, no exponent, no blanks. Written by hand because it runs for every imported line.
   */
  public static long parseMinor(String s, int scale) {
    if (s == null || s.isEmpty()) {
      throw new NumberFormatException("empty amount");
    }
    int i = 0;
    boolean negative = false;
    char first = s.charAt(0);
    if (first == '-' || first == '+') {
      negative = first == '-';
      i = 1;
    }
    long value = 0;
    int decimals = -1;
    int digits = 0;
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '.') {
        if (decimals >= 0) {
          throw new NumberFormatException("'" + s + "' has two decimal points");
        }
        decimals = 0;
      } else if (c >= '0' && c <= '9') {
        if (decimals >= 0 && ++decimals > scale) {
          if (c == '0') {
            digits++;
            continue; // trailing zeros past the currency's scale change nothing
          }
          throw new NumberFormatException(
              "'" + s + "' has more than " + scale + " decimals for this currency");
        }
        value = Math.addExact(Math.multiplyExact(value, 10), c - '0');
        digits++;
      } else {
        throw new NumberFormatException(
            "'" + s + "' is not a plain decimal (expected digits with '.' and no grouping)");
      }
    }
    if (digits == 0) {
      throw new NumberFormatException("'" + s + "' has no digits");
    }
    for (int d = Math.max(decimals, 0); d < scale; d++) {
      value = Math.multiplyExact(value, 10);
    }
    return negative ? -value : value;
  }

  public int scale() {
    return scale(currency);
  }

  public String currencyCode() {
    return currency.getCurrencyCode();
  }

  public BigDecimal toBigDecimal() {
    return BigDecimal.valueOf(minor, scale());
  }

  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(Math.addExact(minor, other.minor), currency);
  }

  public Money minus(Money other) {
    requireSameCurrency(other);
    return new Money(Math.subtractExact(minor, other.minor), currency);
  }

  public Money negate() {
    return new Money(Math.negateExact(minor), currency);
  }

  public Money abs() {
    return minor < 0 ? negate() : this;
  }

  public boolean isZero() {
    return minor == 0;
  }

  public boolean isNegative() {
    return minor < 0;
  }

  private void requireSameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException(
          "cannot combine " + currencyCode() + " with " + other.currencyCode());
    }
  }

  @Override
  public int compareTo(Money other) {
    requireSameCurrency(other);
    return Long.compare(minor, other.minor);
  }

  /** Plain decimal as the interchange format writes it: {@code -1250.40}. */
  public String toPlainString() {
    return toBigDecimal().toPlainString();
  }

  /** For people: {@code EUR -1,250.40}. Hand-made: explanations format millions of amounts. */
  public String format() {
    int scale = scale();
    long abs = Math.abs(minor);
    long pow = 1;
    for (int k = 0; k < scale; k++) {
      pow *= 10;
    }
    String whole = Long.toString(abs / pow);
    StringBuilder sb = new StringBuilder(whole.length() + 12).append(currencyCode()).append(' ');
    if (minor < 0) {
      sb.append('-');
    }
    for (int k = 0; k < whole.length(); k++) {
      if (k > 0 && (whole.length() - k) % 3 == 0) {
        sb.append(',');
      }
      sb.append(whole.charAt(k));
    }
    if (scale > 0) {
      String frac = Long.toString(abs % pow);
      sb.append('.');
      for (int k = frac.length(); k < scale; k++) {
        sb.append('0');
      }
      sb.append(frac);
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return currencyCode() + " " + toPlainString();
  }
}
