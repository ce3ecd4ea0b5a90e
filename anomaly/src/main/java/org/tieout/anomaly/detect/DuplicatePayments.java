package org.tieout.anomaly.detect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tieout.anomaly.AnomalyConfig;
import org.tieout.anomaly.AnomalyType;
import org.tieout.anomaly.Detector;
import org.tieout.anomaly.Flag;
import org.tieout.anomaly.Ledger;
import org.tieout.core.DocumentReferences;
import org.tieout.core.LedgerEntry;

/**
 * The same bill paid twice: the same counterparty and amount with the same invoice number (exact),
 * or close in time with a reference missing or one typo apart (fuzzy); and Nigrini's
 * same-same-different: the same invoice number and amount booked to another counterparty. The later
 * entry is flagged. Two different invoices of the same amount (rent, subscriptions) are not
 * duplicates, and neither are equal amounts weeks apart without references.
 */
public final class DuplicatePayments implements Detector {
  /** Equal amounts without references count only this close together. */
  static final int NO_REFERENCE_DAYS = 3;

  /**
   * A reference one character off counts only within a week: invoice numbers are sequential, so two
   * real invoices of the same amount a few weeks apart are often one character apart too.
   */
  static final int TYPO_DAYS = 7;

  @Override
  public String name() {
    return "duplicate_payment";
  }

  /** A reference on this many entries is a batch or payout id, not an invoice number. */
  static final int BATCH_REFERENCE = 3;

  /**
   * A counterparty posting about daily (a card processor) has equal amounts without references
   * every day.
   */
  static final int DENSE_ENTRIES = 30;

  @Override
  public List<Flag> detect(Ledger ledger, AnomalyConfig config) {
    List<Flag> flags = new ArrayList<>();
    Map<String, Integer> refCount = new HashMap<>();
    for (int i = 0; i < ledger.size(); i++) {
      if (ledger.ref(i) != null) {
        refCount.merge(ledger.ref(i), 1, Integer::sum);
      }
    }
    Map<String, Integer> firstByRefAmount = new HashMap<>();
    for (List<Integer> entries : ledger.byParty().values()) {
      boolean dense = isDense(ledger, entries);
      for (int k = 1; k < entries.size(); k++) {
        int i = entries.get(k);
        Flag f = againstEarlier(ledger, entries, k, i, config, refCount, dense);
        if (f != null) {
          flags.add(f);
        }
      }
    }
    // same-same-different: one invoice number and amount, two counterparties
    for (int i = 0; i < ledger.size(); i++) {
      String ref = ledger.ref(i);
      if (ref == null || ledger.party(i).isEmpty() || refCount.get(ref) >= BATCH_REFERENCE) {
        continue;
      }
      String key = ref + '|' + ledger.get(i).amount();
      Integer first = firstByRefAmount.putIfAbsent(key, i);
      if (first != null && !ledger.party(first).equals(ledger.party(i))) {
        LedgerEntry e = ledger.get(i);
        LedgerEntry o = ledger.get(first);
        flags.add(
            new Flag(
                e.id(),
                AnomalyType.DUPLICATE_PAYMENT,
                0.8,
                "same invoice "
                    + e.documentRef()
                    + " and amount "
                    + e.amount().format()
                    + " as "
                    + o.id().value()
                    + ", but booked to "
                    + e.counterpartyName()
                    + " instead of "
                    + o.counterpartyName()));
      }
    }
    return flags;
  }

  private static boolean isDense(Ledger ledger, List<Integer> entries) {
    if (entries.size() < DENSE_ENTRIES) {
      return false;
    }
    long span =
        ledger.get(entries.get(entries.size() - 1)).postingDate().toEpochDay()
            - ledger.get(entries.get(0)).postingDate().toEpochDay();
    return span <= entries.size();
  }

  private static String invoiceOf(Ledger ledger, int i, Map<String, Integer> refCount) {
    String ref = ledger.ref(i);
    return ref == null || refCount.get(ref) >= BATCH_REFERENCE ? null : ref;
  }

  private static Flag againstEarlier(
      Ledger ledger,
      List<Integer> entries,
      int k,
      int i,
      AnomalyConfig config,
      Map<String, Integer> refCount,
      boolean dense) {
    LedgerEntry e = ledger.get(i);
    for (int back = k - 1; back >= 0; back--) {
      int j = entries.get(back);
      LedgerEntry o = ledger.get(j);
      long days = e.postingDate().toEpochDay() - o.postingDate().toEpochDay();
      if (days > Math.max(config.duplicateWindowDays(), 120)) {
        break;
      }
      if (!o.amount().equals(e.amount())) {
        continue;
      }
      String a = invoiceOf(ledger, i, refCount);
      String b = invoiceOf(ledger, j, refCount);
      if (a != null && a.equals(b)) {
        return new Flag(
            e.id(),
            AnomalyType.DUPLICATE_PAYMENT,
            1.0,
            "same invoice "
                + e.documentRef()
                + " and amount "
                + e.amount().format()
                + " as "
                + o.id().value()
                + " posted "
                + days
                + " day(s) earlier for "
                + e.counterpartyName());
      }
      if (days > config.duplicateWindowDays()) {
        continue;
      }
      boolean oneMissing = (a == null) != (b == null);
      boolean typo =
          a != null && b != null && days <= TYPO_DAYS && DocumentReferences.oneEditApart(a, b);
      boolean bothMissing = a == null && b == null;
      if (oneMissing || typo || (bothMissing && !dense && days <= NO_REFERENCE_DAYS)) {
        String why =
            typo
                ? "invoice " + e.documentRef() + " is one character off " + o.documentRef()
                : bothMissing ? "neither has an invoice number" : "one has no invoice number";
        return new Flag(
            e.id(),
            AnomalyType.DUPLICATE_PAYMENT,
            typo ? 0.9 : 0.75,
            "same counterparty "
                + e.counterpartyName()
                + " and amount "
                + e.amount().format()
                + " as "
                + o.id().value()
                + " "
                + days
                + " day(s) earlier; "
                + why);
      }
    }
    return null;
  }
}
