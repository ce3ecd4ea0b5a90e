package org.tieout.core;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;

/**
 * A ledger entry expected to settle through a bank account, signed the same way as bank lines.
 *
 * @param postingDate the date it was posted in the ledger
 * @param documentRef invoice, bill or payout number (may be null)
 * @param entryType e.g. customer_payment, vendor_payment, payout, fee (may be null)
 * @param createdBy user or system that posted it (may be null)
 * @param createdAt when it was posted (may be null)
 */
public record LedgerEntry(
    EntryId id,
    String accountId,
    LocalDate postingDate,
    Money amount,
    String counterpartyName,
    String description,
    String documentRef,
    String glAccount,
    String entryType,
    String createdBy,
    OffsetDateTime createdAt,
    Provenance provenance,
    Map<String, String> attributes) {

  public LedgerEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(postingDate, "postingDate");
    Objects.requireNonNull(amount, "amount");
    attributes = attributes == null || attributes.isEmpty() ? Map.of() : Map.copyOf(attributes);
  }
}
