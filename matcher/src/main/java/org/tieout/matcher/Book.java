package org.tieout.matcher;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.tieout.core.BankLine;
import org.tieout.core.LedgerEntry;
import org.tieout.matcher.text.NameKey;
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
  final NameKey[] bankName;

  /**
   * The bank text normalised like a name and padded with blanks, to find ledger names in it; made
   * on first use, since most lines are matched before any rule needs it.
   */
  private final String[] bankText;

  final NameKey[] ledgerName;
  final String[] bankBlock;
  final String[] ledgerBlock;
  final String[][] bankRefs;

  /**
   * Every key of each entry's reference ({@link References#keys}: its compact key first), null when
   * it has none.
   */
  final String[][] ledgerRefs;

  final boolean[] bankTaken;
  final boolean[] ledgerTaken;

  /**
   * How many lines and entries are taken: none (the residue's book of open items) needs no check.
   */
  private int bankTakenCount;

  private int ledgerTakenCount;

  /** The counts when taken items were last dropped from the name indexes. */
  private int bankDropped;

  private int ledgerDropped;

  private final KeyIndex ledgerByRef;
  private final KeyIndex bankByRef;
  private final KeyIndex ledgerByAmount;
  private final KeyIndex ledgerByName;
  private final KeyIndex bankByName;

  Book(List<BankLine> bankLines, List<LedgerEntry> entries, MatchingConfig config) {
    this.bank = bankLines.toArray(BankLine[]::new);
    this.ledger = entries.toArray(LedgerEntry[]::new);
    this.config = config;
    // pools numbered in order of first appearance, by account, then currency (no key string per
    // item: the importer shares one string per account)
    Map<String, Map<String, Integer>> pools = new HashMap<>();
    List<String[]> poolNames = new java.util.ArrayList<>();
    bankPool = new int[bank.length];
    ledgerPool = new int[ledger.length];
    for (int i = 0; i < bank.length; i++) {
      bankPool[i] = pool(pools, poolNames, bank[i].accountId(), bank[i].amount().currencyCode());
    }
    for (int i = 0; i < ledger.length; i++) {
      ledgerPool[i] =
          pool(pools, poolNames, ledger[i].accountId(), ledger[i].amount().currencyCode());
    }
    poolLimits = new MatchingConfig.Limits[poolNames.size()];
    poolCurrency = new String[poolNames.size()];
    for (int id = 0; id < poolNames.size(); id++) {
      poolLimits[id] = config.forAccount(poolNames.get(id)[0]);
      poolCurrency[id] = poolNames.get(id)[1];
    }

    bankDay = new int[bank.length];
    bankMinor = new long[bank.length];
    bankName = new NameKey[bank.length];
    bankText = new String[bank.length];
    bankRefs = new String[bank.length][];
    // counterparty names repeat: each distinct one is normalised and keyed once
    NameSlot[][] names = nameKeys(bank, ledger);
    IntStream.range(0, bank.length)
        .parallel()
        .forEach(
            i -> {
              BankLine b = bank[i];
              bankDay[i] = (int) b.bookingDate().toEpochDay();
              bankMinor[i] = b.amount().minor();
              bankName[i] = NameSlot.key(names[0][i]);
              Set<String> keys = References.keysIn(b.description(), b.bankReference());
              bankRefs[i] = keys.toArray(String[]::new);
            });
    ledgerDay = new int[ledger.length];
    ledgerMinor = new long[ledger.length];
    ledgerName = new NameKey[ledger.length];
    ledgerRefs = new String[ledger.length][];
    IntStream.range(0, ledger.length)
        .parallel()
        .forEach(
            i -> {
              LedgerEntry e = ledger[i];
              ledgerDay[i] = (int) e.postingDate().toEpochDay();
              ledgerMinor[i] = e.amount().minor();
              ledgerName[i] = NameSlot.key(names[1][i]);
              String[] refs = References.keys(e.documentRef());
              ledgerRefs[i] = refs.length == 0 ? null : refs;
            });
    bankBlock = new String[bank.length];
    ledgerBlock = new String[ledger.length];
    // each distinct name's key made its blocks once
    for (int i = 0; i < bank.length; i++) {
      bankBlock[i] = bankName[i].block();
    }
    for (int i = 0; i < ledger.length; i++) {
      ledgerBlock[i] = ledgerName[i].block();
    }
    bankTaken = new boolean[bank.length];
    ledgerTaken = new boolean[ledger.length];

    // the five indexes are independent: build them side by side
    var refs =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> index(ledger.length, ledgerPool, i -> ledgerRefs[i], ledgerDay));
    var ledgerNames =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () ->
                index(
                    ledger.length,
                    ledgerPool,
                    i -> blockKeys(ledgerName[i], ledgerBlock[i]),
                    ledgerDay));
    var bankNames =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> index(bank.length, bankPool, i -> blockKeys(bankName[i], bankBlock[i]), bankDay));
    ledgerByAmount = amountIndex();
    ledgerByRef = refs.join();
    // a bank text's reference matters to the index only if some ledger entry carries it
    bankByRef =
        index(
            bank.length, bankPool, i -> knownRefs(ledgerByRef, bankPool[i], bankRefs[i]), bankDay);
    ledgerByName = ledgerNames.join();
    bankByName = bankNames.join();
  }

  private static int pool(
      Map<String, Map<String, Integer>> pools,
      List<String[]> names,
      String account,
      String currency) {
    Map<String, Integer> byCurrency = pools.computeIfAbsent(account, a -> new HashMap<>());
    Integer id = byCurrency.get(currency);
    if (id == null) {
      id = names.size();
      byCurrency.put(currency, id);
      names.add(new String[] {account, currency});
    }
    return id;
  }

  /** Items by pool and key, each key's sorted by day. */
  private static KeyIndex index(
      int n, int[] poolOf, java.util.function.IntFunction<String[]> keysOf, int[] day) {
    KeyIndex.Builder b = KeyIndex.Builder.ofText();
    for (int i = 0; i < n; i++) {
      String[] keys = keysOf.apply(i);
      if (keys != null) {
        for (String k : keys) {
          b.add(poolOf[i], k, i);
        }
      }
    }
    return b.build(day);
  }

  private KeyIndex amountIndex() {
    KeyIndex.Builder b = KeyIndex.Builder.ofNumbers();
    for (int i = 0; i < ledger.length; i++) {
      b.add(ledgerPool[i], ledgerMinor[i], i);
    }
    return b.build(ledgerDay);
  }

  MatchingConfig.Limits limits(int pool) {
    return poolLimits[pool];
  }

  /**
   * Open ledger entries of this pool with exactly this amount, dated within the window: all of
   * them, or the first {@code atMost + 1} when there are more than {@code atMost} (a common amount,
   * whose entries the caller looks up another way).
   */
  int[] ledgerWithAmount(int pool, long minor, int fromDay, int toDay, int atMost) {
    return filter(
        ledgerByAmount,
        ledgerByAmount.find(pool, minor),
        ledgerOpen(),
        null,
        fromDay,
        toDay,
        atMost + 1);
  }

  /**
   * How many ledger entries of this pool, open or settled, have exactly this amount within the
   * window; at most {@code atMost + 1}.
   */
  int ledgerCountWithAmount(int pool, long minor, int fromDay, int toDay, int atMost) {
    return filter(
            ledgerByAmount,
            ledgerByAmount.find(pool, minor),
            null,
            null,
            fromDay,
            toDay,
            atMost + 1)
        .length;
  }

  int[] ledgerWithRef(int pool, String key) {
    return filter(
        ledgerByRef,
        ledgerByRef.find(pool, key),
        ledgerOpen(),
        Integer.MIN_VALUE,
        Integer.MAX_VALUE);
  }

  int[] bankWithRef(int pool, String key) {
    return filter(
        bankByRef, bankByRef.find(pool, key), bankOpen(), Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  /**
   * Open ledger entries whose counterparty shares the name's blocking key, within the window (none
   * for an empty block: no item is filed under it).
   */
  int[] ledgerNamed(int pool, String block, int fromDay, int toDay) {
    return filter(ledgerByName, ledgerByName.find(pool, block), ledgerOpen(), fromDay, toDay);
  }

  /** Open ledger entries of this amount whose counterparty's blocking key is this one. */
  int[] ledgerNamedWithAmount(int pool, String block, long minor, int fromDay, int toDay) {
    return filter(
        ledgerByName,
        ledgerByName.find(pool, block),
        ledgerOpen(),
        i -> ledgerMinor[i] == minor && block.equals(ledgerBlock[i]),
        fromDay,
        toDay,
        Integer.MAX_VALUE);
  }

  /** At least this many ledger entries per bank line for {@link #paysInBulk}. */
  static final int BULK_ENTRIES_PER_LINE = 4;

  /** And at least this many entries in all: a handful say nothing. */
  static final int BULK_MIN_ENTRIES = 20;

  /**
   * Whether the line's counterparty is paid in bulk: its bank lines in the book each settle several
   * ledger entries on average (a card processor's payouts net dozens of its sales). One entry of
   * such a counterparty with the line's amount is then a coincidence far more often than a payment.
   * Counted over the whole book, matched or not; returns {entries, lines}, or null when it is not.
   */
  int[] paysInBulk(int b) {
    int pool = bankPool[b];
    String block = bankBlock[b];
    if (block.isEmpty()) {
      return null;
    }
    int l = ledgerByName.find(pool, block);
    int k = bankByName.find(pool, block);
    if (l < 0 || k < 0) {
      return null;
    }
    int entries = ledgerByName.filed(l);
    int lines = bankByName.filed(k);
    return entries >= BULK_MIN_ENTRIES && entries >= (long) BULK_ENTRIES_PER_LINE * lines
        ? new int[] {entries, lines}
        : null;
  }

  int[] bankNamed(int pool, String block, int fromDay, int toDay) {
    return filter(bankByName, bankByName.find(pool, block), bankOpen(), fromDay, toDay);
  }

  static final int[] EMPTY = new int[0];

  /**
   * A shared cache filled outside its locks: computeIfAbsent would hold a bin's lock while
   * normalising, and both cores would queue on the common names.
   */
  private static <K, V> V cached(
      java.util.concurrent.ConcurrentHashMap<K, V> cache,
      K key,
      java.util.function.Function<K, V> make) {
    V v = cache.get(key);
    if (v == null) {
      V made = make.apply(key);
      v = cache.putIfAbsent(key, made);
      if (v == null) {
        v = made;
      }
    }
    return v;
  }

  private static String[] knownRefs(KeyIndex ledgerRefs, int pool, String[] keys) {
    int known = 0;
    for (String k : keys) {
      if (ledgerRefs.find(pool, k) >= 0) {
        known++;
      }
    }
    if (known == 0) {
      return null;
    }
    String[] out = new String[known];
    int n = 0;
    for (String k : keys) {
      if (ledgerRefs.find(pool, k) >= 0) {
        out[n++] = k;
      }
    }
    return out;
  }

  /**
   * The keys an item is indexed under: its block, and for names of several words also the first
   * word alone, so that a one-word name on the other side still finds it. Never the empty key: a
   * name without a block finds nothing by name.
   */
  private static String[] blockKeys(NameKey name, String block) {
    if (block.isEmpty()) {
      return null;
    }
    String coarse = name.coarseBlock();
    return coarse.isEmpty() || coarse.equals(block)
        ? new String[] {block}
        : new String[] {block, coarse};
  }

  private static final java.util.concurrent.atomic.AtomicInteger KEY_IDS =
      new java.util.concurrent.atomic.AtomicInteger();

  /** A distinct raw counterparty name: its normalised form, then its key. */
  private static final class NameSlot {
    final String normalised;
    final Names.Forms forms;
    NameKey key;

    NameSlot(String raw) {
      this.normalised = Names.normalise(raw);
      this.forms = Names.legalForms(raw);
    }

    /** The key of an item's slot; no slot, no name. */
    static NameKey key(NameSlot slot) {
      return slot == null ? NameKey.EMPTY : slot.key;
    }
  }

  /**
   * Every bank line's and ledger entry's counterparty name as a slot that holds its key: distinct
   * raw names found and normalised in one parallel pass, which leaves each item its name's slot,
   * and one key per distinct normalised form, so similarity caches hit. Returns the bank's slots,
   * then the ledger's (null for an item without a name).
   */
  private static NameSlot[][] nameKeys(BankLine[] bank, LedgerEntry[] ledger) {
    java.util.concurrent.ConcurrentHashMap<String, NameSlot> slots =
        new java.util.concurrent.ConcurrentHashMap<>();
    NameSlot[] bankSlots = new NameSlot[bank.length];
    NameSlot[] ledgerSlots = new NameSlot[ledger.length];
    IntStream.range(0, bank.length + ledger.length)
        .parallel()
        .forEach(
            i -> {
              String raw =
                  i < bank.length
                      ? bank[i].counterpartyName()
                      : ledger[i - bank.length].counterpartyName();
              NameSlot slot = raw == null ? null : cached(slots, raw, NameSlot::new);
              if (i < bank.length) {
                bankSlots[i] = slot;
              } else {
                ledgerSlots[i - bank.length] = slot;
              }
            });
    // keyed on both cores: a key's id only names it in the similarity cache, so which of two
    // racing threads makes a normalised form's key does not change any result
    java.util.concurrent.ConcurrentHashMap<String, NameKey> byIdentity =
        new java.util.concurrent.ConcurrentHashMap<>();
    slots.forEach(
        1_000,
        (raw, slot) ->
            slot.key =
                cached(
                    byIdentity,
                    NameKey.identity(slot.normalised, slot.forms),
                    k -> newKey(slot.normalised, slot.forms)));
    return new NameSlot[][] {bankSlots, ledgerSlots};
  }

  private static NameKey newKey(String normalised, Names.Forms forms) {
    NameKey k = NameKey.of(normalised, forms);
    if (!k.isEmpty()) {
      k.assignId(KEY_IDS.getAndIncrement());
    }
    return k;
  }

  /** The taken marks to check, or null while none is taken. */
  private boolean[] ledgerOpen() {
    return ledgerTakenCount == 0 ? null : ledgerTaken;
  }

  private boolean[] bankOpen() {
    return bankTakenCount == 0 ? null : bankTaken;
  }

  private static int[] filter(KeyIndex index, int id, boolean[] taken, int fromDay, int toDay) {
    return filter(index, id, taken, null, fromDay, toDay, Integer.MAX_VALUE);
  }

  /**
   * The first {@code limit} of the key's items within the days that are open (not {@code taken};
   * all when it is null) and that {@code keep} keeps (all when null), in day order; none for no key
   * (-1). The open check is an array read, not a predicate: most lookups need no other, and one
   * call site for every kind of test would leave each a call the compiler cannot inline.
   */
  private static int[] filter(
      KeyIndex index,
      int id,
      boolean[] taken,
      java.util.function.IntPredicate keep,
      int fromDay,
      int toDay,
      int limit) {
    if (id < 0) {
      return EMPTY;
    }
    int[] sorted = index.positions;
    int[] days = index.days;
    int end = index.to(id);
    int lo = index.start(id, fromDay);
    if (taken == null && keep == null) {
      // every item of the window: one copy
      int hi = toDay == Integer.MAX_VALUE ? end : index.start(id, toDay + 1);
      return hi == lo
          ? EMPTY
          : Arrays.copyOfRange(sorted, lo, (int) Math.min(hi, (long) lo + limit));
    }
    int[] out = null;
    int n = 0;
    for (int k = lo; k < end && days[k] <= toDay && n < limit; k++) {
      int i = sorted[k];
      if ((taken == null || !taken[i]) && (keep == null || keep.test(i))) {
        if (out == null) {
          out = new int[Math.min(8, end - k)];
        } else if (n == out.length) {
          out = Arrays.copyOf(out, n * 2);
        }
        out[n++] = i;
      }
    }
    return out == null ? EMPTY : n == out.length ? out : Arrays.copyOf(out, n);
  }

  /**
   * Similarity of two names, remembered per pair in a lossy direct-mapped table: each slot packs
   * both names' ids (24 bits each) and the similarity (16 bits) into one long, written and read
   * whole, so threads never see half an entry; a collision only costs a recomputation.
   */
  private final java.util.concurrent.atomic.AtomicLongArray pairSimilarity =
      new java.util.concurrent.atomic.AtomicLongArray(1 << 21);

  private static final int ID_BITS = 24;

  private double cachedSimilarity(NameKey bn, NameKey ln) {
    int a = bn.id();
    int c = ln.id();
    if (a < 0 || c < 0 || a >= (1 << ID_BITS) - 1 || c >= (1 << ID_BITS) - 1) {
      return Math.round(Names.similarity(bn, ln) * 65535) / 65535.0;
    }
    long pair = ((long) a << ID_BITS) | c;
    int slot = (int) (mix(pair) & (pairSimilarity.length() - 1));
    long cell = pairSimilarity.getOpaque(slot);
    if (cell != 0 && (cell >>> 16) == pair + 1) {
      return (cell & 0xffff) / 65535.0;
    }
    long quantised = Math.round(Names.similarity(bn, ln) * 65535);
    pairSimilarity.setOpaque(slot, ((pair + 1) << 16) | quantised);
    // the same value whether it came from the table or not: results must not depend on timing
    return quantised / 65535.0;
  }

  private static long mix(long x) {
    x *= 0x9E3779B97F4A7C15L;
    return x ^ (x >>> 29);
  }

  /**
   * Counterparty similarity of a bank line and a ledger entry; when the names do not settle it,
   * whether the ledger name appears in the bank text (lines with no or a generic name field).
   */
  double nameSimilarity(int b, int e) {
    NameKey bn = bankName[b];
    NameKey ln = ledgerName[e];
    double byName = 0;
    if (!bn.isEmpty() && !ln.isEmpty()) {
      byName = cachedSimilarity(bn, ln);
    }
    if (byName >= limits(bankPool[b]).nameSimilarityMin()) {
      return byName;
    }
    return Math.max(byName, Names.containedIn(ln, bankText(b)));
  }

  /**
   * The entries, in their order, that pass {@code keep} (all when null) and whose counterparty is
   * at least {@code min} alike the line's ({@link #nameSimilarity}); at most {@code atMost} of
   * them.
   */
  int[] alikeLedger(
      int b, int[] entries, java.util.function.IntPredicate keep, double min, int atMost) {
    int[] out = new int[Math.min(entries.length, atMost)];
    int n = 0;
    Alike alike = new Alike(b, min);
    for (int i = 0; i < entries.length && n < atMost; i++) {
      int e = entries[i];
      if ((keep == null || keep.test(e)) && alike.test(e)) {
        out[n++] = e;
      }
    }
    return n == out.length ? out : Arrays.copyOf(out, n);
  }

  /**
   * {@link #alikeLedger} of {@link #ledgerNamed} for the line's counterparty within the days, read
   * straight from the index: when {@code atMost} stops it early, a busy counterparty's window (a
   * processor's thousands of open sales) is never listed whole.
   */
  int[] ledgerNamedAlike(
      int b, int fromDay, int toDay, java.util.function.IntPredicate keep, double min, int atMost) {
    Alike alike = new Alike(b, min);
    return filter(
        ledgerByName,
        ledgerByName.find(bankPool[b], bankBlock[b]),
        ledgerOpen(),
        e -> (keep == null || keep.test(e)) && alike.test(e),
        fromDay,
        toDay,
        atMost);
  }

  /**
   * The open bank lines of the entry's counterparty within the days, in day order, on the entry's
   * side of zero and at least {@code min} alike its name; at most {@code atMost}, read straight
   * from the index as {@link #ledgerNamedAlike} is.
   */
  int[] bankNamedAlike(int e, int fromDay, int toDay, double min, int atMost) {
    long sign = Long.signum(ledgerMinor[e]);
    return filter(
        bankByName,
        bankByName.find(ledgerPool[e], ledgerBlock[e]),
        bankOpen(),
        b -> Long.signum(bankMinor[b]) == sign && nameSimilarity(b, e) >= min,
        fromDay,
        toDay,
        atMost);
  }

  /**
   * Whether an entry's counterparty is at least {@code min} alike the line's, each distinct ledger
   * name compared once: a busy counterparty's window holds hundreds of entries of a few names, and
   * the shared similarity table is too large to stay in the processor's cache.
   */
  private final class Alike {
    private final int b;
    private final double min;
    private final NameKey[] seen = new NameKey[16];
    private final boolean[] alike = new boolean[16];

    Alike(int b, double min) {
      this.b = b;
      this.min = min;
    }

    boolean test(int e) {
      NameKey name = ledgerName[e];
      int slot = name.id() & 15;
      if (seen[slot] != name) {
        seen[slot] = name;
        alike[slot] = nameSimilarity(b, e) >= min;
      }
      return alike[slot];
    }
  }

  private String bankText(int b) {
    String t = bankText[b];
    if (t == null) {
      // racy but idempotent: two threads at worst compute the same string
      String n = Names.normalise(bank[b].description());
      t = n.isEmpty() ? "" : " " + n + " ";
      bankText[b] = t;
    }
    return t;
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

  /**
   * Drops the lines and entries taken since the last call from the counterparty indexes, so that a
   * busy counterparty's window holds its open items only (after the reference rule, a fifth of
   * them). Call between rules, with no lookup under way.
   */
  void dropTaken() {
    if (ledgerTakenCount > ledgerDropped) {
      ledgerByName.drop(ledgerTaken);
      ledgerDropped = ledgerTakenCount;
    }
    if (bankTakenCount > bankDropped) {
      bankByName.drop(bankTaken);
      bankDropped = bankTakenCount;
    }
  }

  void take(Candidate c) {
    for (int b : c.bank()) {
      if (bankTaken[b]) {
        throw new IllegalStateException("bank line " + bank[b].id() + " is already in a group");
      }
      bankTaken[b] = true;
      bankTakenCount++;
    }
    for (int e : c.ledger()) {
      if (ledgerTaken[e]) {
        throw new IllegalStateException(
            "ledger entry " + ledger[e].id() + " is already in a group");
      }
      ledgerTaken[e] = true;
      ledgerTakenCount++;
    }
  }

  /**
   * Counterparties (by pool and name block) seen paying an entry, by its reference, later than the
   * date window: an older open entry of theirs is then a real alternative to one in the window.
   * Filled between rule passes, read during them.
   */
  private final java.util.Set<String> latePayers = new java.util.HashSet<>();

  /** Notes a posted 1:1 payment: its payer pays late if it came after the date window. */
  void notePayment(int b, int e) {
    if (bankDay[b] - ledgerDay[e] > limits(ledgerPool[e]).dateWindowDays()) {
      latePayers.add(ledgerPool[e] + ":" + ledgerBlock[e]);
    }
  }

  /** Whether the entry's counterparty has paid another entry later than the date window. */
  boolean paysLate(int e) {
    return latePayers.contains(ledgerPool[e] + ":" + ledgerBlock[e]);
  }

  long sumLedger(int[] entries) {
    long s = 0;
    for (int e : entries) {
      s += ledgerMinor[e];
    }
    return s;
  }

  String money(int pool, long minor) {
    return org.tieout.core.Money.ofMinor(minor, poolCurrency[pool]).format();
  }
}
