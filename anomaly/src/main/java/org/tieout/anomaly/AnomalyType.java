package org.tieout.anomaly;

import java.util.Locale;

/** The kinds of ledger anomaly Tieout flags, with the weight each has in the combined score. */
public enum AnomalyType {
  DUPLICATE_PAYMENT(0.95),
  AMOUNT_OUTLIER(0.85),
  BELOW_APPROVAL_THRESHOLD(0.8),
  ROUND_AMOUNT(0.7),
  OFF_HOURS(0.75),
  WEEKEND_POSTING(0.7),
  RARE_ACCOUNT_PAIR(0.75),
  NEW_COUNTERPARTY(0.75),
  BENFORD_DEVIATION(0.6),
  /** The learned model's probability, for patterns no single rule names. */
  LEARNED_PATTERN(0.7);

  /**
   * How much a flag of this type alone counts, 0..1: a duplicate payment is money lost unless
   * recovered; a posting at night is only worth a look.
   */
  public final double weight;

  AnomalyType(double weight) {
    this.weight = weight;
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static AnomalyType fromCode(String code) {
    return valueOf(code.trim().toUpperCase(Locale.ROOT));
  }
}
