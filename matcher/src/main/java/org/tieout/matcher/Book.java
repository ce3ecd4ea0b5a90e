package org.tieout.matcher;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.tieout.core.BankLine;
import org.tieout.core.LedgerEntry;
import org.tieout.matcher.text.Names;
import org.tieout.matcher.text.References;

/**
 * The bank lines and ledger entries of one run, with what every rule needs computed once
 * (normalised names and references, days, amounts) and indexes to find candidates without scanning.
 * Items are addressed by position; {@link #take} marks them matched, so that no item ever enters
 * two groups.
 */
final class Book {
  final BankLine[] bank;
  final LedgerEntry[] ledger;
  final MatchingConfig config;

  /** Pool of an item: account and currency together; items only match within one pool. */
  final int[] bankPool;

  final int[] ledgerPool;
  final MatchingConfig.Limits[] poolLimits;
  final String[] poolCurrency;
  final int[] bankDay;
  final int[] ledgerDay;
  final long[] bankMinor;
  final long[] ledgerMinor;
  final String[] bankName;
  final String[] bankText;
  final String[] ledgerName;
  final String[][] bankRefs;
  final String[] ledgerRef;
  final boolean[] bankTaken;
  final boolean[] ledgerTaken;

  private final Map<String, int[]> ledgerByRef;
  private final Map<String, int[]> bankByRef;
  private final Map<Long, int[]> ledgerByAmount;
  private final Map<String, int[]> ledgerByName;
  private final Map<String, int[]> bankByName;

  Book(List<BankLine> bankLines, List<LedgerEntry> entries, MatchingConfig config) {
    this.bank = bankLines.toArray(BankLine[]::new);
    this.ledger = entries.toArray(LedgerEntry[]::new);
    this.config = config;
    Map<String, Integer> pools = new HashMap<>();
    bankPool = new int[bank.length];
    ledgerPool = new int[ledger.length];
    for (int i = 0; i < bank.length; i++) {
      bankPool[i] =
          pools.computeIfAbsent(
              poolKey(bank[i].accountId(), bank[i].amount().currencyCode()), k -> pools.size());
    }
    for (int i = 0; i < ledger.length; i++) {
      ledgerPool[i] =
          pools.computeIfAbsent(
              poolKey(ledger[i].accountId(), ledger[i].amount().currencyCode()), k -> pools.size());
    }
    poolLimits = new MatchingConfig.Limits[pools.size()];
    poolCurrency = new String[pools.size()];
    pools.forEach(
        (key, id) -> {
          int bar = key.indexOf('\u0000');
          poolLimits[id] = config.forAccount(key.substring(0, bar));
          poolCurrency[id] = key.substring(bar + 1);
        });

    bankDay = new int[bank.length];
    bankMinor = new long[bank.length];
    bankName = new String[bank.length];
    bankText = new String[bank.length];
    bankRefs = new String[bank.length][];
    IntStream.range(0, bank.length)
        .parallel()
        .forEach(
            i -> {
              BankLine b = bank[i];
              bankDay[i] = (int) b.bookingDate().toEpochDay();
              bankMinor[i] = b.amount().minor();
              bankName[i] = Names.normalise(b.counterpartyName());
              bankText[i] = Names.normalise(b.description());
              Set<String> keys = References.keysIn(b.description(), b.bankReference());
              bankRefs[i] = keys.toArray(String[]::new);
            });
    ledgerDay = new int[ledger.length];
    ledgerMinor = new long[ledger.length];
    ledgerName = new String[ledger.length];
    ledgerRef = new String[ledger.length];
    IntStream.range(0, ledger.length)
        .parallel()
        .forEach(
            i -> {
              LedgerEntry e = ledger[i];
              ledgerDay[i] = (int) e.postingDate().toEpochDay();
              ledgerMinor[i] = e.amount().minor();
              ledgerName[i] = Names.normalise(e.counterpartyName());
              ledgerRef[i] = References.key(e.documentRef());
            });
    bankTaken = new boolean[bank.length];
    ledgerTaken = new boolean[ledger.length];

    ledgerByRef =
        index(
            ledger.length,
            i -> ledgerRef[i] == null ? null : new String[] {ledgerPool[i] + ":" + ledgerRef[i]},
            ledgerDay);
    bankByRef = index(bank.length, i -> prefixed(bankPool[i], bankRefs[i]), bankDay);
    ledgerByName = index(ledger.length, i -> nameKeys(ledgerPool[i], ledgerName[i]), ledgerDay);
    bankByName = index(bank.length, i -> nameKeys(bankPool[i], bankName[i]), bankDay);
    ledgerByAmount = amountIndex();
  }

  static String poolKey(String account, String currency) {
    return account + '\u0000' + currency;
  }

  private static String[] prefixed(int pool, String[] keys) {
    String[] out = new String[keys.length];
    for (int k = 0; k < keys.length; k++) {
      out[k] = pool + ":" + keys[k];
    }
    return out;
  }

  private static String[] nameKeys(int pool, String normalisedName) {
    String block = Names.blockKey(normalisedName);
    return block.isEmpty() ? null : new String[] {pool + ":" + block};
  }

  /** A multimap from key to positions, each list sorted by day. */
  private static Map<String, int[]> index(
      int n, java.util.function.IntFunction<String[]> keysOf, int[] day) {
    Map<String, List<Integer>> lists = new HashMap<>();
    for (int i = 0; i < n; i++) {
      String[] keys = keysOf.apply(i);
      if (keys == null) {
        continue;
      }
      for (String k : keys) {
        lists.computeIfAbsent(k, x -> new ArrayList<>(2)).add(i);
      }
    }
    Map<String, int[]> out = new HashMap<>(lists.size() * 2);
    lists.forEach((k, v) -> out.put(k, sortedByDay(v, day)));
    return out;
  }

  private Map<Long, int[]> amountIndex() {
    Map<Long, List<Integer>> lists = new HashMap<>();
    for (int i = 0; i < ledger.length; i++) {
      lists
          .computeIfAbsent(amountKey(ledgerPool[i], ledgerMinor[i]), x -> new ArrayList<>(2))
          .add(i);
    }
    Map<Long, int[]> out = new HashMap<>(lists.size() * 2);
    lists.forEach((k, v) -> out.put(k, sortedByDay(v, ledgerDay)));
    return out;
  }

  private static long amountKey(int pool, long minor) {
    return minor * 31 + pool * 0x9E3779B97F4A7C15L;
  }

  private static int[] sortedByDay(List<Integer> positions, int[] day) {
    return positions.stream()
        .sorted((a, b) -> Integer.compare(day[a], day[b]))
        .mapToInt(Integer::intValue)
        .toArray();
  }

  MatchingConfig.Limits limits(int pool) {
    return poolLimits[pool];
  }

  /** Open ledger entries of this pool with exactly this amount, dated within the window. */
  int[] ledgerWithAmount(int pool, long minor, int fromDay, int toDay) {
    int[] all = ledgerByAmount.get(amountKey(pool, minor));
    if (all == null) {
      return EMPTY;
    }
    return filter(
        all,
        i -> ledgerPool[i] == pool && ledgerMinor[i] == minor && !ledgerTaken[i],
        ledgerDay,
        fromDay,
        toDay);
  }

  int[] ledgerWithRef(int pool, String key) {
    int[] all = ledgerByRef.get(pool + ":" + key);
    return all == null
        ? EMPTY
        : filter(all, i -> !ledgerTaken[i], ledgerDay, Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  int[] bankWithRef(int pool, String key) {
    int[] all = bankByRef.get(pool + ":" + key);
    return all == null
        ? EMPTY
        : filter(all, i -> !bankTaken[i], bankDay, Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  /** Open ledger entries whose counterparty shares the name's blocking key, within the window. */
  int[] ledgerNamed(int pool, String normalisedName, int fromDay, int toDay) {
    String block = Names.blockKey(normalisedName);
    int[] all = block.isEmpty() ? null : ledgerByName.get(pool + ":" + block);
    return all == null ? EMPTY : filter(all, i -> !ledgerTaken[i], ledgerDay, fromDay, toDay);
  }

  int[] bankNamed(int pool, String normalisedName, int fromDay, int toDay) {
    String block = Names.blockKey(normalisedName);
    int[] all = block.isEmpty() ? null : bankByName.get(pool + ":" + block);
    return all == null ? EMPTY : filter(all, i -> !bankTaken[i], bankDay, fromDay, toDay);
  }

  static final int[] EMPTY = new int[0];

  private static int[] filter(
      int[] sorted, java.util.function.IntPredicate keep, int[] day, int fromDay, int toDay) {
    int lo = 0;
    int hi = sorted.length;
    // sorted by day: binary search the window's start
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (day[sorted[mid]] < fromDay) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    int[] out = null;
    int n = 0;
    for (int k = lo; k < sorted.length && day[sorted[k]] <= toDay; k++) {
      int i = sorted[k];
      if (keep.test(i)) {
        if (out == null) {
          out = new int[Math.min(8, sorted.length - k)];
        } else if (n == out.length) {
          out = Arrays.copyOf(out, n * 2);
        }
        out[n++] = i;
      }
    }
    return out == null ? EMPTY : n == out.length ? out : Arrays.copyOf(out, n);
  }

  /**
   * Counterparty similarity of a bank line and a ledger entry, using the bank text when the bank
   * has no name.
   */
  double nameSimilarity(int b, int e) {
    double byName = Names.similarity(bankName[b], ledgerName[e]);
    if (byName >= 0.9) {
      return byName;
    }
    return Math.max(byName, Names.containedIn(ledgerName[e], bankText[b]));
  }

  boolean isFree(Candidate c) {
    for (int b : c.bank()) {
      if (bankTaken[b]) {
        return false;
      }
    }
    for (int e : c.ledger()) {
      if (ledgerTaken[e]) {
        return false;
      }
    }
    return true;
  }

  void take(Candidate c) {
    for (int b : c.bank()) {
      if (bankTaken[b]) {
        throw new IllegalStateException("bank line " + bank[b].id() + " is already in a group");
      }
      bankTaken[b] = true;
    }
    for (int e : c.ledger()) {
      if (ledgerTaken[e]) {
        throw new IllegalStateException(
            "ledger entry " + ledger[e].id() + " is already in a group");
      }
      ledgerTaken[e] = true;
    }
  }

  long sumLedger(int[] entries) {
    long s = 0;
    for (int e : entries) {
      s += ledgerMinor[e];
    }
    return s;
  }

  long sumBank(int[] lines) {
    long s = 0;
    for (int b : lines) {
      s += bankMinor[b];
    }
    return s;
  }

  String money(int pool, long minor) {
    return org.tieout.core.Money.ofMinor(minor, poolCurrency[pool]).format();
  }
}
