package org.tieout.matcher;

import java.util.List;

/**
 * What the learned scorer knows about a residue candidate (one bank line with one or more ledger
 * entries). Every feature is a number in about 0..1 (logs for counts); documented in {@code
 * docs/matching.md}.
 */
public final class PairFeatures {
  private PairFeatures() {}

  static final int AMOUNT_GAP = 0;
  static final int EXACT_AMOUNT = 1;
  static final int FEE_NETTED = 2;
  static final int DATE_GAP = 3;
  static final int BANK_FIRST = 4;
  static final int NAME_SIMILARITY = 5;
  static final int NO_NAME = 6;
  static final int TEXT_SIMILARITY = 7;
  static final int REFERENCE_IN_TEXT = 8;
  static final int SHARED_REFERENCE = 9;
  static final int ENTRIES = 10;
  static final int FEE_ENTRY = 11;
  static final int ALTERNATIVES = 12;
  static final int LOOK_ALIKE_LINES = 13;
  static final int COVERAGE = 14;
  static final int DATE_SPAN = 15;
  static final int PARTIAL = 16;
  static final int AMOUNT_FITS = 17;
  static final int REFERENCE_AND_FIT = 18;
  static final int SHARED_REFERENCE_AND_FIT = 19;
  static final int FEE_SCHEDULE_FIT = 20;
  static final int FEE_SCHEDULE_ALTERNATIVES = 21;
  static final int FEE_SCHEDULE_UNIQUE = 22;
  static final int SAME_PERIOD = 23;
  static final int OTHER_PERIOD = 24;
  static final int FEE_SCHEDULE_MISFIT = 25;
  static final int EMBEDDING_SIMILARITY = 26;

  private static final List<String> ALL =
      List.of(
          "amount_gap",
          "exact_amount",
          "fee_netted",
          "date_gap",
          "bank_before_ledger",
          "name_similarity",
          "bank_name_missing",
          "text_similarity",
          "reference_in_text",
          "shared_reference",
          "entries_log",
          "fee_entry",
          "alternatives_log",
          "look_alike_lines_log",
          "window_coverage",
          "date_span",
          "partial_payment",
          "amount_fits",
          "reference_and_amount_fit",
          "shared_reference_and_amount_fit",
          "fee_schedule_fit",
          "fee_schedule_alternatives_log",
          "fee_schedule_unique",
          "same_month_named",
          "other_month_named",
          "fee_schedule_misfit",
          "embedding_similarity");

  /** The feature names, in row order, with or without the embedding similarity column. */
  public static List<String> names(boolean embeddings) {
    return embeddings ? ALL : ALL.subList(0, EMBEDDING_SIMILARITY);
  }
}
