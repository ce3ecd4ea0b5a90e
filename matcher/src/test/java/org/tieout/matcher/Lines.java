package org.tieout.matcher;

import java.time.LocalDate;
import org.tieout.core.BankLine;
import org.tieout.core.EntryId;
import org.tieout.core.LedgerEntry;
import org.tieout.core.Money;
import org.tieout.core.TransactionId;

/** Terse builders for hand-made test books. */
final class Lines {
  static final String ACCOUNT = "DE01";
  static final LocalDate DAY = LocalDate.of(2026, 3, 10);

  private Lines() {}

  static BankLine bank(String id, int dayOffset, String amount, String name, String text) {
    return new BankLine(
        new TransactionId(id),
        ACCOUNT,
        DAY.plusDays(dayOffset),
        null,
        Money.parse(amount, "EUR"),
        name,
        null,
        text,
        null,
        null,
        null);
  }

  static LedgerEntry entry(String id, int dayOffset, String amount, String name, String ref) {
    return entry(id, dayOffset, amount, name, ref, "posting " + id);
  }

  static LedgerEntry entry(
      String id, int dayOffset, String amount, String name, String ref, String description) {
    return new LedgerEntry(
        new EntryId(id),
        ACCOUNT,
        DAY.plusDays(dayOffset),
        Money.parse(amount, "EUR"),
        name,
        description,
        ref,
        "1200",
        "customer_payment",
        "clerk1",
        null,
        null,
        null);
  }
}
