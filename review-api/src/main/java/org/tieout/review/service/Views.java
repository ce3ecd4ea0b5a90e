package org.tieout.review.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the API and the pages show. Amounts are decimal strings with their currency: never floats.
 */
public final class Views {
  private Views() {}

  /** A match group as a reviewer sees it, with its lines, entries and approvals. */
  public record Group(
      long id,
      Long runId,
      String stage,
      String rule,
      double confidence,
      String status,
      String reviewState,
      int version,
      String accountId,
      String currency,
      String bankTotal,
      String ledgerTotal,
      String difference,
      LocalDate oldestDate,
      int ageDays,
      String explanation,
      String preparedBy,
      String differenceReason,
      String model,
      String promptVersion,
      List<String> approvedBy,
      int approvalsRequired,
      List<BankItem> bankLines,
      List<LedgerItem> ledgerEntries) {}

  /** A bank line with where it came from. */
  public record BankItem(
      long id,
      String accountId,
      String transactionId,
      LocalDate bookingDate,
      String amount,
      String currency,
      String counterparty,
      String description,
      String reference,
      String source) {}

  /** A ledger entry with where it came from. */
  public record LedgerItem(
      long id,
      String entryId,
      String accountId,
      LocalDate postingDate,
      String amount,
      String currency,
      String counterparty,
      String description,
      String documentRef,
      String source) {}

  /**
   * One page of the queue: the items, how many match the filter, and where the next page starts.
   */
  public record Page<T>(List<T> items, long total, String next) {}

  /** An anomaly flag on a ledger entry. */
  public record Flag(
      long id,
      double score,
      String types,
      String explanation,
      String state,
      int version,
      String source,
      String decidedBy,
      String reason,
      LedgerItem entry) {}

  /** A stored reconciliation run. */
  public record Run(
      long id,
      String status,
      Instant startedAt,
      Instant finishedAt,
      Long durationMs,
      int attempts,
      String counts,
      long bankLines,
      long autoMatchedLines,
      double autoMatchRate) {}

  /** What a bulk approval did to each group it touched. */
  public record BulkResult(
      int approved,
      int awaitingSecondApproval,
      int conflicts,
      int refused,
      List<String> problems) {}
}
