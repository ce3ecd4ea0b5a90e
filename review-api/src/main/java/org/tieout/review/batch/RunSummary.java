package org.tieout.review.batch;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tieout.core.BankLine;
import org.tieout.core.LedgerEntry;
import org.tieout.core.MatchGroup;
import org.tieout.core.Money;
import org.tieout.core.Provenance;
import org.tieout.matcher.Reconciliation;

/**
 * What a controller wants to know of a run: how much was matched on its own, what is left by
 * account and age, and the largest open items. Ages are counted to an explicit as-of date.
 */
public record RunSummary(
    LocalDate asOf,
    int bankLines,
    int ledgerEntries,
    int autoMatchedBankLines,
    int proposedBankLines,
    int autoMatchedLedgerEntries,
    int proposedLedgerEntries,
    long autoMatchedGroups,
    long proposedGroups,
    Map<String, Reconciliation.RuleCount> byRule,
    Map<String, Map<String, Money>> openBankByAccountAndAge,
    Map<String, Map<String, Money>> openLedgerByAccountAndAge,
    List<OpenItem> largestOpenItems,
    Map<String, Duration> phases) {

  public static final List<String> AGE_BUCKETS =
      List.of("0-7 days", "8-30 days", "31-60 days", "61-90 days", "over 90 days");
  private static final int LARGEST = 25;

  /** The phases kept in their order and never changed after. */
  public RunSummary {
    phases = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(phases));
  }

  /** An unmatched bank line or ledger entry, as the report lists it. */
  public record OpenItem(
      String side,
      String id,
      String account,
      LocalDate date,
      Money amount,
      String counterparty,
      String text,
      String provenance) {}

  public double autoMatchRate() {
    return bankLines == 0 ? 0 : (double) autoMatchedBankLines / bankLines;
  }

  /**
   * {@code phases}: how long each phase took (import, storing the inputs when a database is used,
   * rules, residue), in order; the run's duration is their sum.
   */
  public static RunSummary of(
      Inputs inputs, Reconciliation rec, LocalDate asOfOrNull, Map<String, Duration> phases) {
    LocalDate asOf = asOfOrNull != null ? asOfOrNull : latestDate(inputs);
    int autoBank = 0;
    int propBank = 0;
    int autoLedger = 0;
    int propLedger = 0;
    for (MatchGroup g : rec.groups()) {
      if (g.isAuto()) {
        autoBank += g.bankIds().size();
        autoLedger += g.ledgerIds().size();
      } else {
        propBank += g.bankIds().size();
        propLedger += g.ledgerIds().size();
      }
    }
    // proposals are still open for the books: they count in the open amounts until approved
    List<BankLine> openBank = new ArrayList<>(rec.unmatchedBank());
    List<LedgerEntry> openLedger = new ArrayList<>(rec.unmatchedLedger());
    addProposed(inputs, rec, openBank, openLedger);
    Map<String, Map<String, String>> keys = new java.util.HashMap<>();
    Map<String, Map<String, Money>> bankAges = new TreeMap<>();
    for (BankLine b : openBank) {
      age(bankAges, keys, b.accountId(), b.amount(), b.bookingDate().until(asOf, ChronoUnit.DAYS));
    }
    Map<String, Map<String, Money>> ledgerAges = new TreeMap<>();
    for (LedgerEntry e : openLedger) {
      age(
          ledgerAges,
          keys,
          e.accountId(),
          e.amount(),
          e.postingDate().until(asOf, ChronoUnit.DAYS));
    }
    List<OpenItem> largest = new ArrayList<>();
    largestFirst(openBank, b -> Math.abs(b.amount().minor()))
        .forEach(
            b ->
                largest.add(
                    new OpenItem(
                        "bank",
                        b.id().value(),
                        b.accountId(),
                        b.bookingDate(),
                        b.amount(),
                        b.counterpartyName(),
                        b.description(),
                        location(b.provenance()))));
    largestFirst(openLedger, e -> Math.abs(e.amount().minor()))
        .forEach(
            e ->
                largest.add(
                    new OpenItem(
                        "ledger",
                        e.id().value(),
                        e.accountId(),
                        e.postingDate(),
                        e.amount(),
                        e.counterpartyName(),
                        e.description(),
                        location(e.provenance()))));
    largest.sort(Comparator.comparingLong((OpenItem i) -> -Math.abs(i.amount().minor())));
    long autoGroups = rec.autoMatchedGroups();
    return new RunSummary(
        asOf,
        inputs.bank().size(),
        inputs.ledger().size(),
        autoBank,
        propBank,
        autoLedger,
        propLedger,
        autoGroups,
        rec.groups().size() - autoGroups,
        rec.byRule(),
        bankAges,
        ledgerAges,
        largest.subList(0, Math.min(LARGEST, largest.size())),
        phases);
  }

  /** The run's duration up to its results: the sum of its phases. */
  public Duration duration() {
    return phases.values().stream().reduce(Duration.ZERO, Duration::plus);
  }

  private static void addProposed(
      Inputs inputs, Reconciliation rec, List<BankLine> openBank, List<LedgerEntry> openLedger) {
    java.util.Set<String> bankIds = new java.util.HashSet<>();
    java.util.Set<String> ledgerIds = new java.util.HashSet<>();
    for (MatchGroup g : rec.groups()) {
      if (!g.isAuto()) {
        g.bankIds().forEach(id -> bankIds.add(id.value()));
        g.ledgerIds().forEach(id -> ledgerIds.add(id.value()));
      }
    }
    if (bankIds.isEmpty() && ledgerIds.isEmpty()) {
      return;
    }
    inputs.bank().stream().filter(b -> bankIds.contains(b.id().value())).forEach(openBank::add);
    inputs.ledger().stream()
        .filter(e -> ledgerIds.contains(e.id().value()))
        .forEach(openLedger::add);
  }

  private static String location(Provenance p) {
    return p == null ? "" : p.location();
  }

  /**
   * The {@link #LARGEST} items of largest size, largest first, ties in list order: what a stable
   * sort and a limit give, without sorting every open item.
   */
  private static <T> List<T> largestFirst(
      List<T> items, java.util.function.ToLongFunction<T> size) {
    // a heap of the kept positions, the one to drop next on top (smallest, then latest)
    Comparator<Integer> dropFirst =
        Comparator.comparingLong((Integer i) -> size.applyAsLong(items.get(i)))
            .thenComparing(Comparator.reverseOrder());
    java.util.PriorityQueue<Integer> kept = new java.util.PriorityQueue<>(dropFirst);
    for (int i = 0; i < items.size(); i++) {
      kept.add(i);
      if (kept.size() > LARGEST) {
        kept.poll();
      }
    }
    List<Integer> order = new ArrayList<>(kept);
    order.sort(dropFirst.reversed());
    return order.stream().map(items::get).toList();
  }

  /** Account and currency as the report shows them, one string per pair. */
  private static String accountKey(
      Map<String, Map<String, String>> keys, String account, String currency) {
    return keys.computeIfAbsent(account, a -> new java.util.HashMap<>())
        .computeIfAbsent(currency, c -> account + " (" + c + ")");
  }

  private static void age(
      Map<String, Map<String, Money>> sums,
      Map<String, Map<String, String>> keys,
      String account,
      Money amount,
      long days) {
    String bucket =
        days <= 7
            ? AGE_BUCKETS.get(0)
            : days <= 30
                ? AGE_BUCKETS.get(1)
                : days <= 60
                    ? AGE_BUCKETS.get(2)
                    : days <= 90 ? AGE_BUCKETS.get(3) : AGE_BUCKETS.get(4);
    String key = accountKey(keys, account, amount.currencyCode());
    Map<String, Money> byBucket = sums.computeIfAbsent(key, k -> new LinkedHashMap<>());
    byBucket.merge(bucket, amount.abs(), Money::plus);
  }

  private static LocalDate latestDate(Inputs inputs) {
    LocalDate latest = LocalDate.MIN;
    for (BankLine b : inputs.bank()) {
      if (b.bookingDate().isAfter(latest)) {
        latest = b.bookingDate();
      }
    }
    for (LedgerEntry e : inputs.ledger()) {
      if (e.postingDate().isAfter(latest)) {
        latest = e.postingDate();
      }
    }
    return latest.equals(LocalDate.MIN) ? LocalDate.EPOCH : latest;
  }
}
