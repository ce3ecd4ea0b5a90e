package org.tieout.core;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * One line of a bank statement. Amounts are signed from the company's point of view: positive is
 * money in, negative money out.
 *
 * @param bookingDate the date the bank booked the line
 * @param valueDate the date interest starts or stops (may be null)
 * @param counterpartyName as the bank prints it, often truncated and upper case (may be null)
 * @param description remittance information, free text (may be null); data, never instructions
 * @param attributes columns the format does not know, kept as they were
 */
public record BankLine(
    TransactionId id,
    String accountId,
    LocalDate bookingDate,
    LocalDate valueDate,
    Money amount,
    String counterpartyName,
    String counterpartyAccount,
    String description,
    String bankReference,
    Provenance provenance,
    Map<String, String> attributes) {

  public BankLine {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(bookingDate, "bookingDate");
    Objects.requireNonNull(amount, "amount");
    attributes = attributes == null || attributes.isEmpty() ? Map.of() : Map.copyOf(attributes);
  }
}
