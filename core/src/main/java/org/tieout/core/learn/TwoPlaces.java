package org.tieout.core.learn;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A number with two decimals, exactly as {@code String.format(Locale.ROOT, "%.2f", v)} writes it
 * (the shortest decimal that reads back as {@code v}, rounded half up; "-0.00" for a small
 * negative), without the formatter: a run explains tens of thousands of proposals with a few such
 * numbers each.
 */
public final class TwoPlaces {
  private TwoPlaces() {}

  public static String of(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return Double.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity";
    }
    BigDecimal rounded = new BigDecimal(Double.toString(v)).setScale(2, RoundingMode.HALF_UP);
    String s = rounded.toPlainString();
    // BigDecimal has no negative zero; the formatter keeps the sign of what it rounded
    return rounded.signum() == 0 && (v < 0 || 1 / v < 0) ? "-" + s : s;
  }
}
