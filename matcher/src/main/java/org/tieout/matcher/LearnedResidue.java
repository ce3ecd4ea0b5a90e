package org.tieout.matcher;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.tieout.core.BankLine;
import org.tieout.core.EntryId;
import org.tieout.core.LedgerEntry;
import org.tieout.core.MatchGroup;
import org.tieout.core.MatchStage;
import org.tieout.core.MatchStatus;
import org.tieout.core.learn.TwoPlaces;
import org.tieout.matcher.text.Periods;
import org.tieout.matcher.text.References;
import org.tieout.matcher.text.SortedSets;

/**
 * Proposals for the residue the rules left, from retrieval and the learned scorer: each open bank
 * line gets candidates (single entries near its amount, entries sharing a reference with it or with
 * each other, and sets of the counterparty's entries that add up to it, exactly or less a fee), the
 * {@link PairScorer} gives each the probability that it is right, and the most probable candidates
 * are taken greedily so that no line or entry is in two groups. Everything it makes is {@code
 * proposed}: the scorer proposes, an accountant decides.
 */
public final class LearnedResidue {

  /** Embedding similarity of a bank line's text and a ledger entry's, in -1..1. */
  @FunctionalInterface
  public interface Similarity {
    double of(BankLine line, LedgerEntry entry);
  }

  /**
   * @param threshold least probability for a candidate to be proposed
   * @param daysBefore how long before the bank date an entry may be dated
   * @param daysAfter how long after
   */
  public record Settings(double threshold, int daysBefore, int daysAfter) {
    public static final Settings DEFAULT = new Settings(0.5, 45, 10);
  }

  /** A candidate's features and whether it was right, for training. */
  public record Example(double[] features, boolean right) {}

  /**
   * What is known of a candidate, for training: right, wrong, or null when nobody knows (such a
   * candidate is left out of training).
   */
  public interface Labels {
    Boolean of(String bankId, List<String> entryIds);

    /** Whether one pair of a candidate is right, null when nobody knows. */
    Boolean pair(String bankId, String entryId, List<String> candidate);

    /**
     * A labelled dataset: right when every pair is in {@code truthPairs} (keys {@code
     * bankId|entryId}), wrong otherwise.
     */
    static Labels truth(Set<String> truthPairs) {
      return new Labels() {
        @Override
        public Boolean of(String b, List<String> entries) {
          return entries.stream().allMatch(e -> truthPairs.contains(b + "|" + e));
        }

        @Override
        public Boolean pair(String b, String e, List<String> candidate) {
          return truthPairs.contains(b + "|" + e);
        }
      };
    }

    /**
     * Reviewers' decisions. A line people settled ({@code settledPairs}, keys {@code
     * bankId|entryId}, and {@code settledLines}) makes its candidates right when they are what
     * people settled and wrong otherwise; a candidate that takes an entry people settled with
     * another line is wrong; a candidate people rejected ({@link #groupKey}) is wrong; of any other
     * candidate nothing is known.
     */
    static Labels decisions(
        Set<String> settledPairs,
        Set<String> settledLines,
        Set<String> settledEntries,
        Set<String> rejected) {
      return new Labels() {
        @Override
        public Boolean of(String b, List<String> entries) {
          if (settledLines.contains(b)) {
            return entries.stream().allMatch(e -> settledPairs.contains(b + "|" + e));
          }
          if (rejected.contains(groupKey(b, entries))
              || entries.stream().anyMatch(settledEntries::contains)) {
            return false;
          }
          return null;
        }

        @Override
        public Boolean pair(String b, String e, List<String> candidate) {
          if (settledLines.contains(b)) {
            return settledPairs.contains(b + "|" + e);
          }
          if (rejected.contains(groupKey(b, candidate)) || settledEntries.contains(e)) {
            return false;
          }
          return null;
        }
      };
    }

    /** One bank line and a set of entries as one key (the entries in any order). */
    static String groupKey(String bankId, java.util.Collection<String> entryIds) {
      return bankId + "|" + String.join(",", new java.util.TreeSet<>(entryIds));
    }
  }

  /** The proposals, and how much work they took, for the run's note. */
  public record Result(List<MatchGroup> groups, int linesScored, long candidates) {}

  public static final String RULE_SINGLE = "learned_pair";
  public static final String RULE_GROUP = "learned_group";
  public static final String RULE_PARTS = "learned_part_payments";

  private static final int SINGLES_PER_LINE = 30;

  /**
   * Residue lines a thread takes at a time: a line's searches cost from microseconds to tens of
   * milliseconds, so threads take few at once and none is left with a long run at the end.
   */
  private static final int LINES_PER_CLAIM = 16;

  private static final String[] NO_KEYS = new String[0];

  /**
   * The widest date span of the entries {@link #groups} gathers by a shared reference (those from
   * {@code GROUP_DAYS} before a line to 3 days after it): a key met again only further away groups
   * nothing.
   */
  private static final int SHARED_KEY_DAYS = LearnedResidue.GROUP_DAYS + 3;

  private static final int GROUP_POOL = 22;
  private static final int GROUP_DAYS = 14;
  private static final int MAX_GROUP = 10;

  private static final int SOLUTIONS = 8;
  private static final long SEARCH_STEPS = 40_000;

  /**
   * A line's best candidates kept to compete (more kept, more second choices when the first is
   * taken), within {@link #KEPT_IN_ALL} for the whole residue: all of them on a few thousand lines,
   * about eleven on a million-line benchmark's residue, never fewer than {@link #KEPT_AT_LEAST}.
   */
  private static final int KEPT_PER_LINE = 40;

  private static final int KEPT_AT_LEAST = 6;
  private static final long KEPT_IN_ALL = 2_000_000;

  /**
   * More of a processor's open sales than this in the two weeks before a line and the schedule
   * search is skipped: the nearest {@link #GROUP_POOL} cover less than a payout's days, and sets
   * that fit would fit by chance.
   */
  private static final int SCHEDULE_MAX_SALES = 3 * GROUP_POOL;

  /**
   * A set found by its sum alone is no candidate when more other sets than this (expected) would
   * reach its sum by chance: one in a hundred.
   */
  private static final double CHANCE_SETS = 0.01;

  /**
   * More sets than this of any size, among all the search tried for a line (the nearest {@link
   * #GROUP_POOL} open entries of its side in its window), expected to reach a set's sum by chance,
   * and a set that rests on its sum alone is no candidate: the search was bound to find one. Six of
   * a busy customer's 22 nearest open invoices adding up to a transfer to the cent are such a find:
   * 1.7 million sets of two to ten of them were tried.
   */
  private static final double SEARCH_CHANCE_SETS = 1;

  /** A payout reaches the bank within a week of the processor booking its fee. */
  private static final int FEE_BOOKED_DAYS = 7;

  /**
   * The most of a counterparty's open entries around a line that the residue reads: a busier one's
   * nearest this many.
   */
  private static final int BUSY_WINDOW = 2000;

  /** A counterparty with more entries than this in a fortnight is not combined by sum alone. */
  private static final int PARTY_WINDOW = 9;

  /**
   * With its count known, a fee-anchored payout is searched among this many of the processor's
   * sales (a busy week), within this many steps.
   */
  private static final int FEE_ANCHORED_POOL = 48;

  private static final long FEE_ANCHORED_STEPS = 200_000;

  private final MatchingConfig config;
  private final PairScorer scorer;
  private final Settings settings;

  public LearnedResidue(MatchingConfig config, PairScorer scorer, Settings settings) {
    this.config = config;
    this.scorer = scorer;
    this.settings = settings;
  }

  /**
   * What the scorer looks at: the lines and entries the rules left open, and those of the rules'
   * own proposals (a rule proposes when it cannot be sure; the scorer weighs those again, and a
   * proposal of its own replaces the rule's where they disagree).
   */
  public static Reconciliation reopenProposals(
      Reconciliation rec, List<BankLine> bank, List<LedgerEntry> ledger) {
    Set<String> bankIds = new HashSet<>();
    Set<String> entryIds = new HashSet<>();
    List<MatchGroup> kept = new ArrayList<>();
    for (MatchGroup g : rec.groups()) {
      if (g.status() == MatchStatus.PROPOSED) {
        g.bankIds().forEach(id -> bankIds.add(id.value()));
        g.ledgerIds().forEach(id -> entryIds.add(id.value()));
      } else {
        kept.add(g);
      }
    }
    if (bankIds.isEmpty() && entryIds.isEmpty()) {
      return rec;
    }
    List<BankLine> openBank = new ArrayList<>(rec.unmatchedBank());
    bank.stream().filter(b -> bankIds.contains(b.id().value())).forEach(openBank::add);
    List<LedgerEntry> openLedger = new ArrayList<>(rec.unmatchedLedger());
    ledger.stream().filter(e -> entryIds.contains(e.id().value())).forEach(openLedger::add);
    return new Reconciliation(kept, openBank, openLedger, rec.byRule());
  }

  /**
   * The rules' result with the scorer's proposals: a rule's proposal that shares a line or an entry
   * with one of the scorer's gives way to it; the others stand.
   */
  public static Reconciliation merge(
      Reconciliation rules, Reconciliation reopened, List<MatchGroup> learned) {
    Set<String> learnedBank = new HashSet<>();
    Set<String> learnedLedger = new HashSet<>();
    for (MatchGroup g : learned) {
      g.bankIds().forEach(id -> learnedBank.add(id.value()));
      g.ledgerIds().forEach(id -> learnedLedger.add(id.value()));
    }
    // what stays open: the reopened lines and entries in no proposal that stands (a line the rules
    // auto-matched was never reopened, so only proposals need looking at)
    Set<String> proposedBank = new HashSet<>(learnedBank);
    Set<String> proposedLedger = new HashSet<>(learnedLedger);
    List<MatchGroup> groups = new ArrayList<>();
    Map<String, Reconciliation.RuleCount> byRule = new java.util.LinkedHashMap<>();
    for (MatchGroup g : rules.groups()) {
      if (g.status() == MatchStatus.PROPOSED) {
        if (g.bankIds().stream().anyMatch(id -> learnedBank.contains(id.value()))
            || g.ledgerIds().stream().anyMatch(id -> learnedLedger.contains(id.value()))) {
          continue; // gives way to the scorer's proposal
        }
        g.bankIds().forEach(id -> proposedBank.add(id.value()));
        g.ledgerIds().forEach(id -> proposedLedger.add(id.value()));
      }
      groups.add(g);
    }
    groups.addAll(learned);
    for (MatchGroup g : groups) {
      byRule.merge(
          g.rule(),
          g.isAuto() ? new Reconciliation.RuleCount(1, 0) : new Reconciliation.RuleCount(0, 1),
          (a, b) ->
              new Reconciliation.RuleCount(
                  a.autoMatched() + b.autoMatched(), a.proposed() + b.proposed()));
    }
    return new Reconciliation(
        groups,
        reopened.unmatchedBank().stream()
            .filter(b -> !proposedBank.contains(b.id().value()))
            .toList(),
        reopened.unmatchedLedger().stream()
            .filter(e -> !proposedLedger.contains(e.id().value()))
            .toList(),
        byRule);
  }

  /**
   * Proposes groups for the open lines among the open entries; {@code fees}: the processors' fee
   * schedules learned from the run's matched payouts ({@link FeeSchedules#learn}).
   */
  public Result propose(
      List<BankLine> openBank,
      List<LedgerEntry> openLedger,
      Similarity sim,
      FeeSchedules fees,
      Progress progress) {
    return propose(openBank, openLedger, sim, () -> fees, progress);
  }

  /**
   * {@link #propose}, with the fee schedules asked for only once the open items are indexed: a
   * caller may learn them meanwhile.
   */
  public Result propose(
      List<BankLine> openBank,
      List<LedgerEntry> openLedger,
      Similarity sim,
      java.util.function.Supplier<FeeSchedules> fees,
      Progress progress) {
    Context c = context(openBank, openLedger, sim, fees);
    List<Cand>[] perLine = candidates(c, progress, scorer);
    long count = c.made.get();
    int scored = 0;
    for (List<Cand> l : perLine) {
      scored += l.isEmpty() ? 0 : 1;
    }
    List<Cand>[] everyCandidate = perLine.clone();
    // only candidates confident enough to be proposed compete: one that would not be shown
    // must not take entries from one that would
    for (int b = 0; b < perLine.length; b++) {
      List<Cand> kept = new ArrayList<>(perLine[b].size());
      for (Cand x : perLine[b]) {
        x.confidence = scorer.confidence(x.p, x.e.length, x.share);
        if (x.confidence >= settings.threshold()) {
          kept.add(x);
        }
      }
      perLine[b] = kept;
    }
    List<Cand> first = winners(c, perLine);
    List<Cand> won = new ArrayList<>(inDateOrder(c, first, perLine));
    won.addAll(secondRound(c, first, everyCandidate, progress));
    if (settings.threshold() <= LOOK_ALIKE_CONFIDENCE) {
      won.addAll(twins(c, won, everyCandidate));
    }
    Map<Cand, int[]> parts = partPayments(c, won);
    // each group's explanation is its own: written side by side, kept in the winners' order
    List<MatchGroup> groups =
        won.parallelStream()
            .map(x -> parts.containsKey(x) ? partsGroup(c, x, parts.get(x)) : group(c, x))
            .toList();
    return new Result(groups, scored, count);
  }

  private Context context(
      List<BankLine> openBank,
      List<LedgerEntry> openLedger,
      Similarity sim,
      java.util.function.Supplier<FeeSchedules> fees) {
    if (sim != null && !scorer.usesEmbeddings()) {
      sim = null; // a lexical model has no column for it
    }
    if (sim == null && scorer.usesEmbeddings()) {
      throw new IllegalArgumentException("this scorer needs embedding similarity");
    }
    return new Context(openBank, openLedger, config, sim, settings, fees);
  }

  /**
   * Each line's best candidate that is still free: all lines' best few, most expected right pairs
   * first, each taken unless a line or entry of it is already taken. Ties go in a fixed order, so
   * that a rerun proposes the same.
   */
  private static final Comparator<Cand> BEST =
      Comparator.comparingDouble((Cand x) -> -x.utility())
          .thenComparingInt(x -> x.b)
          .thenComparing((x, y) -> Arrays.compare(x.e, y.e));

  private static List<Cand> winners(Context c, List<Cand>[] perLine) {
    return winners(perLine, new boolean[c.book.bank.length], new boolean[c.book.ledger.length]);
  }

  /** {@link #winners}, with lines and entries already taken marked (and marked as taken). */
  private static List<Cand> winners(
      List<Cand>[] perLine, boolean[] bankTaken, boolean[] ledgerTaken) {
    List<Cand> all = new ArrayList<>();
    for (List<Cand> l : perLine) {
      if (l != null) {
        all.addAll(l);
      }
    }
    all.sort(BEST);
    List<Cand> out = new ArrayList<>();
    for (Cand x : all) {
      if (bankTaken[x.b] || Arrays.stream(x.e).anyMatch(e -> ledgerTaken[e])) {
        continue;
      }
      x.markTaken(bankTaken, ledgerTaken);
      out.add(x);
    }
    return out;
  }

  /**
   * Look-alikes paired in date order: winning singles of one amount whose entries belong to one
   * counterparty (two rents of a month, a salary booked twice) could be paired either way, and the
   * scores hardly differ; the earliest line takes the earliest entry, and so on (sorted pairing
   * keeps the date gaps smallest), wherever each line has the entry it then gets among its own
   * proposable candidates. Otherwise the scorer's pairing stands.
   */
  private static List<Cand> inDateOrder(Context c, List<Cand> won, List<Cand>[] perLine) {
    Book book = c.book;
    Map<String, List<Cand>> alike = new HashMap<>();
    for (Cand x : won) {
      if (x.e.length == 1) {
        int e = x.e[0];
        String key =
            book.bankPool[x.b]
                + "|"
                + book.bankMinor[x.b]
                + "|"
                + book.ledgerMinor[e]
                + "|"
                + book.ledgerBlock[e];
        alike.computeIfAbsent(key, k -> new ArrayList<>()).add(x);
      }
    }
    Map<Cand, Cand> replaced = new HashMap<>();
    for (List<Cand> same : alike.values()) {
      if (same.size() < 2 || book.ledgerBlock[same.get(0).e[0]].isEmpty()) {
        continue;
      }
      int[] lines = inDateOrder(book, same.stream().mapToInt(x -> x.b), true);
      int[] entries = inDateOrder(book, same.stream().mapToInt(x -> x.e[0]), false);
      Map<Integer, Cand> ordered = new HashMap<>();
      for (int i = 0; i < lines.length; i++) {
        int e = entries[i];
        Cand pick =
            perLine[lines[i]].stream()
                .filter(x -> x.e.length == 1 && x.e[0] == e)
                .findFirst()
                .orElse(null);
        if (pick == null) {
          ordered = null;
          break;
        }
        ordered.put(lines[i], pick);
      }
      if (ordered != null) {
        for (Cand x : same) {
          Cand pick = ordered.get(x.b);
          pick.pairedInDateOrder = same.size();
          replaced.put(x, pick);
        }
      }
    }
    return won.stream().map(x -> replaced.getOrDefault(x, x)).toList();
  }

  /**
   * Payouts again, once the first round's proposals hold their entries: a busy processor's payout
   * whose sales could be netted several ways among all its open sales may be pinned down among
   * those left. The open lines that could be a payout (money in, a processor with a schedule or no
   * name) get their candidates made again without the entries taken, scored and calibrated as
   * before, and compete for what is left.
   */
  private List<Cand> secondRound(
      Context c, List<Cand> first, List<Cand>[] every, Progress progress) {
    Book book = c.book;
    if (c.fees.size() == 0) {
      return List.of();
    }
    boolean[] bankTaken = new boolean[book.bank.length];
    boolean[] ledgerTaken = new boolean[book.ledger.length];
    for (Cand x : first) {
      x.markTaken(bankTaken, ledgerTaken);
    }
    int[] lines =
        IntStream.range(0, book.bank.length)
            .filter(
                b ->
                    !bankTaken[b]
                        && book.bankMinor[b] > 0
                        && every[b].stream().anyMatch(x -> x.f[PairFeatures.FEE_SCHEDULE_FIT] == 1))
            .toArray();
    if (lines.length == 0) {
      return List.of();
    }
    c.takenEntries = ledgerTaken; // read only until the winners below
    @SuppressWarnings("unchecked")
    List<Cand>[] again = new List[book.bank.length];
    Parallel.forEach(
        lines.length,
        LINES_PER_CLAIM,
        k -> {
          int b = lines[k];
          List<Cand> kept = new ArrayList<>();
          List<Cand> l = forLine(c, b);
          l.removeIf(x -> Arrays.stream(x.e).anyMatch(e -> ledgerTaken[e]));
          for (Cand x : l) {
            x.p = scorer.score(x.f);
          }
          shapeShares(l);
          for (Cand x : l) {
            x.confidence = scorer.confidence(x.p, x.e.length, x.share);
            // only a payout the schedule now narrows to one or two sets of sales
            if (x.confidence >= settings.threshold()
                && x.f[PairFeatures.FEE_SCHEDULE_FIT] == 1
                && x.f[PairFeatures.FEE_SCHEDULE_ALTERNATIVES] <= Math.log(2) + 1e-9) {
              kept.add(x);
            }
          }
          again[b] = kept;
        });
    c.takenEntries = null;
    progress.update("residue: payouts again", lines.length, lines.length);
    return winners(again, bankTaken, ledgerTaken);
  }

  /** A customer pays an invoice in up to this many parts besides the one the scorer proposed. */
  private static final int MORE_PARTS = 3;

  /** The other parts are looked for this many days around the invoice's date. */
  private static final int PARTS_DAYS_BEFORE = 7;

  private static final int PARTS_DAYS_AFTER = 90;

  /**
   * Part payments completed: where the scorer proposes a line as paying part of a larger entry (an
   * invoice paid in instalments), the counterparty's other open lines, or lines quoting the entry's
   * reference, of the same sign around the entry's date, are searched for one to three whose
   * amounts with the proposed line make up the entry to the cent. Exactly one such set: the lines
   * join the proposal (N:1). None or several: the proposal stays as it was.
   */
  private static Map<Cand, int[]> partPayments(Context c, List<Cand> won) {
    Book book = c.book;
    boolean[] lineTaken = new boolean[book.bank.length];
    for (Cand x : won) {
      lineTaken[x.b] = true;
    }
    Map<Cand, int[]> out = new HashMap<>();
    for (Cand x : won) {
      if (x.e.length != 1 || x.f[PairFeatures.PARTIAL] != 1) {
        continue;
      }
      int e = x.e[0];
      long rest = book.ledgerMinor[e] - book.bankMinor[x.b];
      int pool = book.bankPool[x.b];
      int from = book.ledgerDay[e] - PARTS_DAYS_BEFORE;
      int to = book.ledgerDay[e] + PARTS_DAYS_AFTER;
      Set<Integer> others = new java.util.TreeSet<>();
      for (int b : book.bankNamed(pool, book.ledgerBlock[e], from, to)) {
        others.add(b);
      }
      for (String k : c.ledgerKeys[e]) {
        for (int b : book.bankWithRef(pool, k)) {
          if (book.bankDay[b] >= from && book.bankDay[b] <= to) {
            others.add(b);
          }
        }
      }
      int[] open =
          others.stream()
              .filter(
                  b ->
                      !lineTaken[b]
                          && b != x.b
                          && Long.signum(book.bankMinor[b]) == Long.signum(rest)
                          && Math.abs(book.bankMinor[b]) <= Math.abs(rest))
              .sorted(
                  Comparator.comparingInt(
                          (Integer b) -> Math.abs(book.bankDay[b] - book.bankDay[x.b]))
                      .thenComparingInt(b -> b))
              .limit(GROUP_POOL)
              .mapToInt(Integer::intValue)
              .toArray();
      long[] amounts = Arrays.stream(open).mapToLong(b -> book.bankMinor[b]).toArray();
      SubsetSum.Result r = SubsetSum.find(rest, amounts, 1, MORE_PARTS, SEARCH_STEPS, 2);
      if (r.solutions().size() != 1 || r.exhausted()) {
        continue;
      }
      int[] lines = Arrays.stream(r.solutions().get(0)).map(i -> open[i]).toArray();
      for (int b : lines) {
        lineTaken[b] = true;
      }
      out.put(x, lines);
    }
    return out;
  }

  /** The proposal of {@code x} with the other part payments that make up its entry. */
  private MatchGroup partsGroup(Context c, Cand x, int[] more) {
    Book book = c.book;
    MatchGroup one = group(c, x);
    int pool = book.bankPool[x.b];
    List<org.tieout.core.TransactionId> lines = new ArrayList<>(List.of(book.bank[x.b].id()));
    StringBuilder ids = new StringBuilder();
    for (int b : more) {
      lines.add(book.bank[b].id());
      ids.append(ids.length() == 0 ? "" : ", ").append(book.bank[b].id().value());
    }
    String why =
        one.explanation()
            + "; paid in parts: with "
            + ids
            + " ("
            + book.money(pool, Arrays.stream(more).mapToLong(b -> book.bankMinor[b]).sum())
            + ") the lines make up the entry to the cent, and no other set of the counterparty's"
            + " open lines does";
    return new MatchGroup(
        lines,
        one.ledgerIds(),
        MatchStage.LEARNED,
        RULE_PARTS,
        one.confidence(),
        MatchStatus.PROPOSED,
        why,
        List.of());
  }

  /** Either of two look-alike entries is right for a line: half the pairs, whichever is taken. */
  private static final double LOOK_ALIKE_CONFIDENCE = 0.5;

  /**
   * Twins left open: a counterparty with two open entries of one amount for the same month (a
   * salary or a rent booked twice) and bank lines of that amount and name, which the scorer rightly
   * cannot tell apart, so no candidate reaches the threshold. The lines are proposed in date order
   * against the two entries, each at {@link #LOOK_ALIKE_CONFIDENCE}: whichever pairing is chosen
   * settles the same amounts, and the explanation says it is one of two. Three or more look-alike
   * entries are left open.
   */
  private static List<Cand> twins(Context c, List<Cand> won, List<Cand>[] every) {
    Book book = c.book;
    boolean[] lineTaken = new boolean[book.bank.length];
    boolean[] entryTaken = new boolean[book.ledger.length];
    for (Cand x : won) {
      x.markTaken(lineTaken, entryTaken);
    }
    // lines by the two entries they could each take (a set: equal sets meet in one key)
    Map<Set<Integer>, Set<Integer>> linesOf = new java.util.LinkedHashMap<>();
    for (int b = 0; b < every.length; b++) {
      if (lineTaken[b] || book.bankName[b].isEmpty()) {
        continue;
      }
      // the line's open entries of its amount and name: the same two for each line of a class
      Set<Integer> entries = new java.util.TreeSet<>();
      for (Cand x : every[b]) {
        int e = x.e[0];
        if (x.e.length == 1
            && !entryTaken[e]
            && book.ledgerMinor[e] == book.bankMinor[b]
            && x.f[PairFeatures.NAME_SIMILARITY] >= 0.8
            && x.f[PairFeatures.OTHER_PERIOD] == 0) {
          entries.add(e);
        }
      }
      if (entries.size() == 2) {
        linesOf.computeIfAbsent(entries, k -> new java.util.TreeSet<>()).add(b);
      }
    }
    List<Cand> out = new ArrayList<>();
    linesOf.forEach(
        (entries, lines) -> {
          if (lines.size() > 2 || book.ledgerBlock[entries.iterator().next()].isEmpty()) {
            return;
          }
          int[] byDate = inDateOrder(book, lines.stream().mapToInt(Integer::intValue), true);
          int[] entriesByDate =
              inDateOrder(book, entries.stream().mapToInt(Integer::intValue), false);
          for (int i = 0; i < byDate.length; i++) {
            int b = byDate[i];
            int e = entriesByDate[i];
            every[b].stream()
                .filter(x -> x.e.length == 1 && x.e[0] == e)
                .findFirst()
                .ifPresent(
                    x -> {
                      x.confidence = LOOK_ALIKE_CONFIDENCE;
                      x.twins = true;
                      out.add(x);
                    });
          }
        });
    return out;
  }

  /** Bank lines ({@code bank}) or entries sorted by date, then id. */
  private static int[] inDateOrder(Book book, IntStream items, boolean bank) {
    return items
        .boxed()
        .sorted(
            bank
                ? Comparator.comparingInt((Integer b) -> book.bankDay[b])
                    .thenComparing(b -> book.bank[b].id().value())
                : Comparator.comparingInt((Integer e) -> book.ledgerDay[e])
                    .thenComparing(e -> book.ledger[e].id().value()))
        .mapToInt(Integer::intValue)
        .toArray();
  }

  /**
   * Training rows, labelled by {@code labels} (candidates it knows nothing of are left out).
   * Without {@code winnersOf}: every candidate for the open lines with its features (for the pair
   * model). With it: the candidates that won their lines under that pair model, as {@code (score,
   * entries)} rows (for the calibration).
   */
  public static List<Example> examples(
      List<BankLine> openBank,
      List<LedgerEntry> openLedger,
      MatchingConfig config,
      Similarity sim,
      FeeSchedules fees,
      Labels labels,
      PairScorer winnersOf) {
    Context c =
        winnersOf == null
            ? new Context(openBank, openLedger, config, sim, Settings.DEFAULT, () -> fees)
            : new LearnedResidue(config, winnersOf, Settings.DEFAULT)
                .context(openBank, openLedger, sim, () -> fees);
    List<Example> out = new ArrayList<>();
    if (winnersOf != null) {
      // a row per pair: the calibrated confidence is the share of a winner's pairs that are right
      for (Cand x : winners(c, candidates(c, Progress.NONE, winnersOf))) {
        String line = c.book.bank[x.b].id().value();
        List<String> entries = entryIds(c, x);
        for (String e : entries) {
          Boolean right = labels.pair(line, e, entries);
          if (right != null) {
            out.add(new Example(PairScorer.calibrationRow(x.p, x.e.length, x.share), right));
          }
        }
      }
      return out;
    }
    for (List<Cand> l : candidates(c, Progress.NONE, null)) {
      for (Cand x : l) {
        Boolean right = label(c, x, labels);
        if (right != null) {
          out.add(new Example(x.f, right));
        }
      }
    }
    return out;
  }

  private static Boolean label(Context c, Cand x, Labels labels) {
    return labels.of(c.book.bank[x.b].id().value(), entryIds(c, x));
  }

  private static List<String> entryIds(Context c, Cand x) {
    List<String> entries = new ArrayList<>(x.e.length);
    for (int e : x.e) {
      entries.add(c.book.ledger[e].id().value());
    }
    return entries;
  }

  private MatchGroup group(Context c, Cand x) {
    BankLine b = c.book.bank[x.b];
    int pool = c.book.bankPool[x.b];
    long sum = c.book.sumLedger(x.e);
    long diff = sum - c.book.bankMinor[x.b];
    StringBuilder why = new StringBuilder();
    why.append("learned scorer, confidence ")
        .append(TwoPlaces.of(x.confidence))
        .append(" (")
        .append(or(scorer.reasons(x.f), "no one sign"))
        .append("): ");
    if (x.e.length == 1) {
      why.append("entry ").append(c.book.ledger[x.e[0]].id().value());
    } else {
      why.append(x.e.length).append(" entries (").append(Explain.ids(c.book, x.e)).append(")");
    }
    why.append(x.e.length == 1 ? " of " : " totalling ").append(c.book.money(pool, sum));
    if (diff == 0) {
      why.append(", equal to the bank line");
    } else {
      why.append(" against the bank line's ")
          .append(c.book.money(pool, c.book.bankMinor[x.b]))
          .append(" (difference ")
          .append(c.book.money(pool, diff))
          .append(")");
    }
    int gap = c.book.bankDay[x.b] - maxDay(c.book, x.e);
    why.append(", ")
        .append(Math.abs(gap))
        .append(gap >= 0 ? " day(s) after the latest entry" : " day(s) before the entry");
    why.append(", counterparty similarity ")
        .append(TwoPlaces.of(x.f[PairFeatures.NAME_SIMILARITY]))
        .append(Explain.legalForms(c.book, x.b, x.e[0]));
    if (x.twins) {
      why.append(
          "; one of two open entries of this amount, counterparty and month (booked twice?):"
              + " either pairing settles the same amounts, proposed in date order");
    } else if (x.pairedInDateOrder > 0) {
      why.append("; one of ")
          .append(x.pairedInDateOrder)
          .append(
              " look-alike lines and entries of this amount and counterparty, paired in date order");
    }
    List<EntryId> ids = new ArrayList<>();
    for (int e : x.e) {
      ids.add(c.book.ledger[e].id());
    }
    return new MatchGroup(
        List.of(b.id()),
        ids,
        MatchStage.LEARNED,
        x.e.length == 1 ? RULE_SINGLE : RULE_GROUP,
        Math.round(x.confidence * 1000) / 1000.0,
        MatchStatus.PROPOSED,
        why.toString(),
        List.of());
  }

  private static String or(String s, String otherwise) {
    return s == null || s.isEmpty() ? otherwise : s;
  }

  // ---- candidates ----

  private static final class Cand {
    final int b;
    final int[] e;
    double[] f;
    double p;

    /** The summed score of the line's candidates with the same amounts as this one. */
    double share;

    /** The fingerprint of its amounts ({@link #shape}). */
    long shape;

    double confidence;

    /** With how many look-alike proposals this one was paired in date order (0: none). */
    int pairedInDateOrder;

    /** Proposed as one of two look-alike entries the scorer cannot tell apart. */
    boolean twins;

    Cand(int b, int[] e) {
      this.b = b;
      this.e = e;
    }

    /**
     * Right pairs expected less wrong ones expected: a whole payout the scorer is fairly sure of
     * beats one of its entries it is very sure of.
     */
    double utility() {
      return e.length * (2 * p - 1);
    }

    /** Marks the line and the entries as taken. */
    void markTaken(boolean[] bankTaken, boolean[] ledgerTaken) {
      bankTaken[b] = true;
      for (int x : e) {
        ledgerTaken[x] = true;
      }
    }
  }

  @SuppressWarnings("unchecked")
  /**
   * Each line's candidates with their features; with a scorer, scored and cut to the line's best
   * few as they are made (a million-line residue has millions of candidates).
   */
  private static List<Cand>[] candidates(Context c, Progress progress, PairScorer scorer) {
    int n = c.book.bank.length;
    int kept = (int) Math.max(KEPT_AT_LEAST, Math.min(KEPT_PER_LINE, KEPT_IN_ALL / Math.max(1, n)));
    List<Cand>[] out = new List[n];
    AtomicInteger done = new AtomicInteger();
    Parallel.forEach(
        n,
        LINES_PER_CLAIM,
        b -> {
          List<Cand> l = forLine(c, b);
          c.made.addAndGet(l.size());
          if (scorer != null) {
            for (Cand x : l) {
              x.p = scorer.score(x.f);
            }
            shapeShares(l);
            l.sort(BEST);
            l = new ArrayList<>(l.subList(0, Math.min(kept, l.size())));
          }
          out[b] = l;
          int d = done.incrementAndGet();
          if (d % 2_000 == 0 || d == n) {
            progress.update("residue: scoring candidates", d, n);
          }
        });
    return out;
  }

  /** A fingerprint of the set's amounts, sorted: sets of the same shape differ only in dates. */
  private static long shape(Context c, int[] e) {
    long[] amounts = new long[e.length];
    for (int k = 0; k < e.length; k++) {
      amounts[k] = c.book.ledgerMinor[e[k]];
    }
    Arrays.sort(amounts);
    // a 64-bit fingerprint of the sorted amounts (splitmix64 of each, chained)
    long h = e.length;
    for (long a : amounts) {
      long z = h * 0x9E3779B97F4A7C15L + a;
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      h = z ^ (z >>> 31);
    }
    return h;
  }

  /** Each candidate's {@link Cand#share}: the scores of the line's sets of the same amounts. */
  private static void shapeShares(List<Cand> line) {
    Map<Long, Double> byShape = new HashMap<>();
    for (Cand x : line) {
      byShape.merge(x.shape, x.p, Double::sum);
    }
    for (Cand x : line) {
      x.share = Math.min(1, byShape.get(x.shape));
    }
  }

  private static List<Cand> forLine(Context c, int b) {
    Book book = c.book;
    int pool = book.bankPool[b];
    int day = book.bankDay[b];
    long amount = book.bankMinor[b];
    int from = day - c.settings.daysBefore();
    int to = day + c.settings.daysAfter();
    Map<String, Cand> found = new HashMap<>();
    // singles: amounts near the line's (a fee or rounding apart)
    long slack = Math.abs(amount) / 20 + 100;
    List<Integer> singles = new ArrayList<>();
    for (int e :
        c.nearestInAmount(pool, amount - slack, amount + slack, day, from, to, SINGLES_PER_LINE)) {
      singles.add(e);
    }
    // entries the line names by reference, and the counterparty's larger entries (part payments)
    for (String k : book.bankRefs[b]) {
      for (int e : c.withKey(pool, k)) {
        if (book.ledgerDay[e] >= day - 90
            && book.ledgerDay[e] <= to
            && Long.signum(book.ledgerMinor[e]) == Long.signum(amount)) {
          singles.add(e);
        }
      }
    }
    // the counterparty's entries around the line, read once: part payments, groups, coverage
    int[] named = c.named(b, day - GROUP_DAYS - 31, Math.max(to, day + 3));
    // nearest in date first, then by id: each keyed as (day distance, id) in one long
    long[] keyed = new long[singles.size() + named.length];
    int n = 0;
    for (int e : singles) {
      keyed[n++] = byDistance(book, day, e);
    }
    for (int e : named) {
      if (Long.signum(book.ledgerMinor[e]) == Long.signum(amount)
          && Math.abs(book.ledgerMinor[e]) > Math.abs(amount) + slack) {
        keyed[n++] = byDistance(book, day, e);
      }
    }
    Arrays.sort(keyed, 0, n);
    for (int k = 0; k < n && found.size() < SINGLES_PER_LINE; k++) {
      int e = (int) keyed[k];
      found.putIfAbsent(String.valueOf(e), new Cand(b, new int[] {e}));
    }
    // of those, the ones a set is searched among: dated from two weeks before the line to just
    // after
    int[] groupWindow = daysOf(book, named, day - GROUP_DAYS, day + 3);
    groups(c, b, groupWindow, found);
    List<Cand> cands = new ArrayList<>(found.values());
    // other sets adding up to the same sum are alternatives; sets that differ only by entries of
    // equal amount (two sales at one price) are one alternative, told apart by their dates
    Map<Long, Set<Long>> sums = new HashMap<>();
    for (Cand x : cands) {
      x.shape = shape(c, x.e);
      sums.computeIfAbsent(book.sumLedger(x.e), k -> new HashSet<>()).add(x.shape);
    }
    double lookAlike = Math.log1p(c.lookAlikeLines(b));
    // the days of the counterparty's entries on the line's side, sorted: a group's coverage is
    // then two searches, not a pass over a busy counterparty's hundreds of entries
    long sign = Long.signum(amount);
    int[] sideDays = new int[named.length];
    int sides = 0;
    for (int e : named) {
      if (Long.signum(book.ledgerMinor[e]) == sign) {
        sideDays[sides++] = book.ledgerDay[e];
      }
    }
    sideDays = Arrays.copyOf(sideDays, sides);
    Arrays.sort(sideDays);
    Set<Long> fittingShapes = new HashSet<>();
    Set<String> refs = Set.of(book.bankRefs[b]);
    for (Cand x : cands) {
      x.f = features(c, x, refs, sums.get(book.sumLedger(x.e)).size() - 1, sideDays, lookAlike);
      if (x.f[PairFeatures.FEE_SCHEDULE_FIT] == 1) {
        fittingShapes.add(x.shape);
      }
    }
    int fitting = fittingShapes.size();
    // sets a processor's schedule nets down to the line: one is telling, several are a choice
    for (Cand x : cands) {
      if (x.f[PairFeatures.FEE_SCHEDULE_FIT] == 1) {
        x.f[PairFeatures.FEE_SCHEDULE_ALTERNATIVES] = Math.log(fitting);
        x.f[PairFeatures.FEE_SCHEDULE_UNIQUE] = fitting == 1 ? 1 : 0;
      }
    }
    // a set its sum alone found, when the counterparty's open entries reach that sum in many other
    // ways, is a guess (ten of a processor's day of sales adding up to a payout): no candidate
    // (read only for a line with a set among its candidates)
    long[] searched =
        cands.stream().anyMatch(x -> x.e.length >= 2) ? searchedAmounts(c, b, groupWindow) : null;
    cands.removeIf(x -> bySumAlone(c, x, refs, named, searched));
    return cands;
  }

  /** Sets of entries that could together be the line: by shared reference or by their sum. */
  private static void groups(Context c, int b, int[] named, Map<String, Cand> found) {
    Book book = c.book;
    int pool = book.bankPool[b];
    int day = book.bankDay[b];
    long amount = book.bankMinor[b];
    // all open entries carrying a reference the line quotes
    for (String k : book.bankRefs[b]) {
      int[] e = c.withKey(pool, k);
      int[] near =
          Arrays.stream(e)
              .filter(i -> book.ledgerDay[i] >= day - 60 && book.ledgerDay[i] <= day + 10)
              .toArray();
      if (near.length >= 2 && near.length <= 2 * MAX_GROUP) {
        add(found, b, near);
      }
    }
    // entries that share a reference among themselves and add up to the line less a fee (a
    // processor's sales booked with its payout id), whatever the bank text says
    long fee = Math.max(1, Math.abs(amount) / 20);
    for (int[] cluster : c.clustersSummingTo(pool, amount, amount + fee)) {
      int last = maxDay(book, cluster);
      if (last <= day + 3 && last >= day - GROUP_DAYS - 7) {
        add(found, b, cluster);
      }
    }
    // a fee entry the line names anchors a payout: it and the counterparty's entries up to it
    for (String k : book.bankRefs[b]) {
      for (int anchor : c.withKey(pool, k)) {
        if (Long.signum(book.ledgerMinor[anchor]) == -Long.signum(amount)
            && Math.abs(book.ledgerDay[anchor] - day) <= GROUP_DAYS) {
          anchoredSubsets(c, b, anchor, found);
        }
      }
    }
    // a line without a name paying several items of one counterparty: only its sum tells
    if (book.bankName[b].isEmpty()) {
      for (int[] set : c.partySetsSumming(pool, amount)) {
        if (maxDay(book, set) <= day + 3 && book.ledgerDay[set[0]] >= day - GROUP_DAYS - 31) {
          add(found, b, set);
        }
      }
    }
    scheduledPayouts(c, b, named, found);
    if (named.length < 2) {
      return;
    }
    // entries that share a reference among themselves (a payout's sales and its fee)
    Map<String, List<Integer>> byRef = new HashMap<>();
    for (int e : named) {
      for (String k : c.sharedKeys[e]) {
        byRef.computeIfAbsent(k, x -> new ArrayList<>()).add(e);
      }
    }
    byRef.values().stream()
        .filter(l -> l.size() >= 2 && l.size() <= 2 * MAX_GROUP)
        .forEach(l -> add(found, b, l.stream().mapToInt(Integer::intValue).toArray()));
    subsets(c, b, amount, named, -1, found);
  }

  /** The entries, in day order, dated within the days: a run of them, found by two searches. */
  private static int[] daysOf(Book book, int[] inDayOrder, int fromDay, int toDay) {
    int from = Bisect.first(0, inDayOrder.length, i -> book.ledgerDay[inDayOrder[i]] < fromDay);
    int to = Bisect.first(from, inDayOrder.length, i -> book.ledgerDay[inDayOrder[i]] <= toDay);
    return Arrays.copyOfRange(inDayOrder, from, to);
  }

  /**
   * Sets of a processor's sales whose gross less the processor's learned fee is the line: for each
   * count of sales, the gross that count nets down to, searched exactly.
   */
  private static void scheduledPayouts(Context c, int b, int[] named, Map<String, Cand> found) {
    Book book = c.book;
    long amount = book.bankMinor[b];
    if (amount <= 0 || c.fees.size() == 0) {
      return;
    }
    int day = book.bankDay[b];
    String currency = book.poolCurrency[book.bankPool[b]];
    // each processor's entries around the line: its sales up to the line, its fees
    Map<String, List<Integer>> byBlock = new java.util.TreeMap<>();
    if (book.bankName[b].isEmpty()) {
      // a line without a name may be any processor's payout in its currency ("TRANSFER"), or
      // the one its text names ("PAYPAL PAYOUT ...")
      List<String> blocks = c.fees.blocks(currency);
      List<String> inText = blocks.stream().filter(k -> textNames(c, b, k)).toList();
      for (String block : inText.isEmpty() ? blocks : inText) {
        for (int e : book.ledgerNamed(book.bankPool[b], block, day - GROUP_DAYS, day + 3)) {
          if (!c.taken(e)) {
            byBlock.computeIfAbsent(block, k -> new ArrayList<>()).add(e);
          }
        }
      }
    }
    for (int e : named) {
      if (!c.taken(e)) {
        byBlock.computeIfAbsent(book.ledgerBlock[e], k -> new ArrayList<>()).add(e);
      }
    }
    byBlock.forEach(
        (block, list) -> {
          FeeSchedules.Schedule s = c.fees.of(currency, block);
          if (s == null) {
            return;
          }
          int[] processor = list.stream().mapToInt(Integer::intValue).toArray();
          // a payout nets sales captured before the day it lands
          java.util.function.IntPredicate before =
              e -> book.ledgerMinor[e] > 0 && book.ledgerDay[e] < day;
          long sales = Arrays.stream(processor).filter(before).count();
          if (sales > SCHEDULE_MAX_SALES) {
            return; // a busy processor: its nearest few sales are a day's, not a payout's
          }
          Integer[] near =
              Arrays.stream(nearest(book, day, processor, before, GROUP_POOL))
                  .boxed()
                  .toArray(Integer[]::new);
          int[] fees = Arrays.stream(processor).filter(e -> book.ledgerMinor[e] < 0).toArray();
          for (int fee : fees) {
            feeAnchoredPayouts(c, b, s, fee, processor, found);
          }
          long[] amounts = Arrays.stream(near).mapToLong(e -> book.ledgerMinor[e]).toArray();
          int most = Math.min(MAX_GROUP, near.length);
          long[][] gross = new long[most + 1][];
          long low = Long.MAX_VALUE;
          long high = Long.MIN_VALUE;
          for (int k = 2; k <= most; k++) {
            gross[k] = s.grossRange(amount, k);
            if (gross[k] != null) {
              low = Math.min(low, gross[k][0]);
              high = Math.max(high, gross[k][1]);
            }
          }
          if (low > high) {
            return;
          }
          // many sales: one meeting in the middle for every count at once; few: a search each
          List<List<int[]>> byCount =
              near.length > 12 ? c.meeting(near, amounts, high).findEach(gross, SOLUTIONS) : null;
          if (byCount == null) {
            byCount = new ArrayList<>();
            for (int k = 0; k <= most; k++) {
              byCount.add(
                  gross[k] == null
                      ? List.of()
                      : SubsetSum.complete(
                              gross[k][0], gross[k][1], amounts, k, k, SEARCH_STEPS, SOLUTIONS)
                          .solutions());
            }
          }
          for (List<int[]> sets : byCount) {
            for (int[] set : sets) {
              int[] e = new int[set.length + 1];
              long sum = 0;
              for (int i = 0; i < set.length; i++) {
                e[i] = near[set[i]];
                sum += book.ledgerMinor[e[i]];
              }
              add(found, b, Arrays.copyOf(e, set.length));
              // the processor's fee, when booked: the sales with it add up to the line
              for (int fee : fees) {
                if (sum + book.ledgerMinor[fee] == amount) {
                  e[set.length] = fee;
                  add(found, b, e.clone());
                }
              }
            }
          }
        });
  }

  /**
   * Whether a set of entries rests on its sum alone (no reference shared by its entries, no
   * processor's schedule) while more than {@link #CHANCE_SETS} other sets of as many of the
   * counterparty's open entries over the same days would add up to that sum by chance ({@link
   * ChanceSums}), or more than {@link #SEARCH_CHANCE_SETS} sets of any size among those the line's
   * search tried. Entries the line quotes by reference are evidence of their own: only the rest of
   * the set, and the sum it makes, is weighed. A fee-netted set's sum is a window as wide as the
   * fee allowed.
   */
  private static boolean bySumAlone(
      Context c, Cand x, Set<String> refs, int[] named, long[] searched) {
    if (x.e.length < 2
        || x.f[PairFeatures.SHARED_REFERENCE] == 1
        || x.f[PairFeatures.FEE_SCHEDULE_FIT] == 1) {
      return false;
    }
    Book book = c.book;
    int b = x.b;
    // the set's few quoted entries, looked up by a scan (a set holds at most a dozen)
    int[] quoted = new int[x.e.length];
    int q = 0;
    int k = 0;
    long sum = 0;
    int from = Integer.MAX_VALUE;
    int to = Integer.MIN_VALUE;
    for (int e : x.e) {
      if (quotes(c, refs, e)) {
        quoted[q++] = e;
      } else {
        k++;
        sum += book.ledgerMinor[e];
        from = Math.min(from, book.ledgerDay[e]);
        to = Math.max(to, book.ledgerDay[e]);
      }
    }
    if (k == 0) {
      return false;
    }
    // the other sets: of the counterparty's open entries over the same days (a processor's sales
    // and fees alike), less those the line quotes
    int[] over = daysOf(book, named, from, to);
    long[] pool = new long[over.length];
    int n = 0;
    for (int e : over) {
      if (!among(quoted, q, e)) {
        pool[n++] = book.ledgerMinor[e];
      }
    }
    long gap = book.sumLedger(x.e) - book.bankMinor[b];
    long width = gap == 0 ? 1 : Math.max(1, Math.abs(book.bankMinor[b]) / 20);
    if (ChanceSums.expected(pool, n, k, sum, width) > CHANCE_SETS) {
      return true;
    }
    // the line's search tried every set, of every size, of the nearest open entries of its side
    // in its window: how many of those would reach the sum by chance
    double chance = 0;
    for (int size = 2; size <= Math.min(MAX_GROUP, searched.length - 1); size++) {
      chance += ChanceSums.expected(searched, searched.length, size, sum, width);
    }
    return chance > SEARCH_CHANCE_SETS;
  }

  /**
   * The amounts of the counterparty's open entries a line's subset search tries: the nearest {@link
   * #GROUP_POOL} of its side among {@code groupWindow}, the entries {@link #groups} searches (those
   * the line quotes too: the search tried them).
   */
  private static long[] searchedAmounts(Context c, int b, int[] groupWindow) {
    Book book = c.book;
    long sign = Long.signum(book.bankMinor[b]);
    int[] searched =
        nearest(
            book,
            book.bankDay[b],
            groupWindow,
            e -> Long.signum(book.ledgerMinor[e]) == sign,
            GROUP_POOL);
    long[] amounts = new long[searched.length];
    for (int i = 0; i < searched.length; i++) {
      amounts[i] = book.ledgerMinor[searched[i]];
    }
    return amounts;
  }

  private static boolean among(int[] items, int n, int item) {
    for (int i = 0; i < n; i++) {
      if (items[i] == item) {
        return true;
      }
    }
    return false;
  }

  /** Whether the line's text holds the first word of a counterparty's name block. */
  private static boolean textNames(Context c, int b, String block) {
    int space = block.indexOf(' ');
    String word = space < 0 ? block : block.substring(0, space);
    return word.length() >= 3 && Arrays.asList(c.bankTokens[b]).contains(word);
  }

  /**
   * A processor books its fee on the payout's day, after the sales it nets: a fee entry booked in
   * the days before the line gives the payout's gross (the line plus the fee) and, through the
   * schedule, how many sales it netted. The sales are searched among the processor's dated up to
   * the fee, nearest to it first, for exactly that count and that gross.
   */
  private static void feeAnchoredPayouts(
      Context c,
      int b,
      FeeSchedules.Schedule s,
      int fee,
      int[] processor,
      Map<String, Cand> found) {
    Book book = c.book;
    int feeDay = book.ledgerDay[fee];
    int day = book.bankDay[b];
    if (feeDay > day || feeDay < day - FEE_BOOKED_DAYS) {
      return;
    }
    long charged = -book.ledgerMinor[fee];
    long gross = book.bankMinor[b] + charged;
    int[] sales =
        nearest(
            book,
            feeDay,
            processor,
            e ->
                book.ledgerMinor[e] > 0
                    && book.ledgerDay[e] <= feeDay
                    && book.ledgerDay[e] >= feeDay - GROUP_DAYS / 2,
            FEE_ANCHORED_POOL + 1);
    if (sales.length > FEE_ANCHORED_POOL) {
      return; // a busier week than that: hundreds of sets fit whatever the count
    }
    long[] amounts = Arrays.stream(sales).mapToLong(e -> book.ledgerMinor[e]).toArray();
    for (int k = 2; k <= Math.min(MAX_GROUP, sales.length); k++) {
      if (!s.fits(gross, k, charged)) {
        continue;
      }
      SubsetSum.Result r =
          SubsetSum.ofCount(gross, gross, amounts, k, FEE_ANCHORED_STEPS, SOLUTIONS + 1);
      if (r.solutions().size() > SOLUTIONS || r.exhausted()) {
        continue; // more sets fit than a reviewer could tell apart: the fee tells nothing
      }
      for (int[] set : r.solutions()) {
        int[] e = new int[set.length + 1];
        for (int i = 0; i < set.length; i++) {
          e[i] = sales[set[i]];
        }
        e[set.length] = fee;
        add(found, b, e);
      }
    }
  }

  /**
   * Sets of the anchor's counterparty's entries dated up to it (a processor books the fee with the
   * payout, after the sales it nets) that with the anchor add up to the line exactly.
   */
  private static void anchoredSubsets(Context c, int b, int anchor, Map<String, Cand> found) {
    Book book = c.book;
    int ad = book.ledgerDay[anchor];
    int[] near =
        Arrays.stream(c.namedLike(anchor, ad - GROUP_DAYS / 2 - 3, ad))
            .filter(e -> e != anchor)
            .toArray();
    subsets(c, b, book.bankMinor[b] - book.ledgerMinor[anchor], near, anchor, found);
  }

  /**
   * Sets of the given entries (the nearest in time, on the line's side or small ones against it)
   * that add up to {@code target}, or to it less a fee; each with {@code anchor} added if given.
   */
  private static void subsets(
      Context c, int b, long target, int[] entries, int anchor, Map<String, Cand> found) {
    Book book = c.book;
    int day = book.bankDay[b];
    Integer[] near =
        Arrays.stream(
                nearest(
                    book,
                    day,
                    entries,
                    e ->
                        Long.signum(book.ledgerMinor[e]) == Long.signum(target)
                            || (anchor < 0
                                && Math.abs(book.ledgerMinor[e]) * 10 < Math.abs(target)),
                    GROUP_POOL))
            .boxed()
            .toArray(Integer[]::new);
    if (near.length < (anchor < 0 ? 2 : 1)) {
      return;
    }
    long[] amounts = Arrays.stream(near).mapToLong(e -> book.ledgerMinor[e]).toArray();
    int min = anchor < 0 ? 2 : 1;
    // the entries less a fee: money in arrives short, money out leaves with the fee added
    long fee = Math.max(1, Math.abs(target) / 20);
    // money in: no sum above the target and its fee is searched for
    long atMost = target > 0 ? target + fee : Long.MAX_VALUE;
    SubsetSum.Items items = new SubsetSum.Items(amounts, () -> c.meeting(near, amounts, atMost));
    List<int[]> solutions =
        new ArrayList<>(
            items.complete(target, target, min, MAX_GROUP, SEARCH_STEPS, SOLUTIONS).solutions());
    if (solutions.isEmpty() && anchor < 0) {
      solutions.addAll(
          items
              .complete(target + 1, target + fee, 2, MAX_GROUP, SEARCH_STEPS, SOLUTIONS)
              .solutions());
    }
    for (int[] s : solutions) {
      int[] e = new int[s.length + (anchor < 0 ? 0 : 1)];
      for (int k = 0; k < s.length; k++) {
        e[k] = near[s[k]];
      }
      if (anchor >= 0) {
        e[s.length] = anchor;
      }
      add(found, b, e);
    }
  }

  /** An entry keyed for sorting by its distance in days from {@code day}, then by its id. */
  private static long byDistance(Book book, int day, int e) {
    return ((long) Math.abs(book.ledgerDay[e] - day) << 32) | e;
  }

  /**
   * Up to {@code k} of the entries that pass {@code keep}, the nearest in date to {@code day}
   * first, then by id.
   */
  private static int[] nearest(
      Book book, int day, int[] entries, java.util.function.IntPredicate keep, int k) {
    long[] keyed = new long[entries.length];
    int n = 0;
    for (int e : entries) {
      if (keep.test(e)) {
        keyed[n++] = byDistance(book, day, e);
      }
    }
    long[] smallest = Smallest.of(keyed, n, k);
    int[] out = new int[smallest.length];
    for (int i = 0; i < smallest.length; i++) {
      out[i] = (int) smallest[i];
    }
    return out;
  }

  private static void add(Map<String, Cand> found, int b, int[] entries) {
    int[] e = entries.clone();
    Arrays.sort(e);
    found.putIfAbsent(Arrays.toString(e), new Cand(b, e));
  }

  // ---- features ----

  /**
   * @param bankRefs the references the line's text holds
   * @param alternatives how many other candidates of the line add up to the same sum
   * @param sideDays the days of the counterparty's open entries around the line on its side (money
   *     in or out), sorted (for the window coverage)
   */
  private static double[] features(
      Context c, Cand x, Set<String> bankRefs, int alternatives, int[] sideDays, double lookAlike) {
    Book book = c.book;
    int b = x.b;
    int[] es = x.e;
    double[] f = new double[PairFeatures.names(c.sim != null).size()];
    long amount = book.bankMinor[b];
    long sum = book.sumLedger(es);
    long diff = sum - amount;
    double scale = Math.max(1, Math.abs(amount));
    f[PairFeatures.AMOUNT_GAP] = Math.min(1, Math.abs(diff) / scale);
    f[PairFeatures.EXACT_AMOUNT] = diff == 0 ? 1 : 0;
    f[PairFeatures.FEE_NETTED] = diff > 0 && diff <= Math.abs(amount) / 20 ? 1 : 0;
    int maxDay = maxDay(book, es);
    int minDay = Integer.MAX_VALUE;
    for (int e : es) {
      minDay = Math.min(minDay, book.ledgerDay[e]);
    }
    int day = book.bankDay[b];
    f[PairFeatures.DATE_GAP] = Math.min(1, Math.abs(day - maxDay) / 30.0);
    f[PairFeatures.BANK_FIRST] = day < minDay ? 1 : 0;
    double name = 0;
    double text = 0;
    double emb = 0;
    int referenced = 0;
    for (int e : es) {
      name += book.nameSimilarity(b, e);
      text += jaccard(c.bankTokenIds[b], c.ledgerTokenIds[e]);
      referenced += quotes(c, bankRefs, e) ? 1 : 0;
      if (c.sim != null) {
        emb += c.sim.of(book.bank[b], book.ledger[e]);
      }
    }
    f[PairFeatures.NAME_SIMILARITY] = name / es.length;
    f[PairFeatures.NO_NAME] = book.bankName[b].isEmpty() ? 1 : 0;
    f[PairFeatures.TEXT_SIMILARITY] = text / es.length;
    f[PairFeatures.REFERENCE_IN_TEXT] = referenced / (double) es.length;
    f[PairFeatures.SHARED_REFERENCE] = es.length >= 2 && sharedKey(c, es) ? 1 : 0;
    f[PairFeatures.ENTRIES] = Math.log(es.length);
    boolean feeEntry = false;
    for (int e : es) {
      feeEntry |= Long.signum(book.ledgerMinor[e]) == -Long.signum(amount);
    }
    f[PairFeatures.FEE_ENTRY] = feeEntry ? 1 : 0;
    f[PairFeatures.ALTERNATIVES] = Math.log1p(alternatives);
    f[PairFeatures.LOOK_ALIKE_LINES] = lookAlike;
    f[PairFeatures.COVERAGE] = es.length == 1 ? 1 : coverage(c, b, es, minDay, maxDay, sideDays);
    f[PairFeatures.DATE_SPAN] = Math.min(1, (maxDay - minDay) / 14.0);
    f[PairFeatures.PARTIAL] =
        es.length == 1 && Math.abs(sum) > Math.abs(amount) + Math.abs(amount) / 20 + 100 ? 1 : 0;
    // a linear model needs the combinations spelled out: a reference means most when sums agree
    double fits = Math.max(f[PairFeatures.EXACT_AMOUNT], f[PairFeatures.FEE_NETTED]);
    f[PairFeatures.AMOUNT_FITS] = fits;
    f[PairFeatures.REFERENCE_AND_FIT] = fits * f[PairFeatures.REFERENCE_IN_TEXT];
    f[PairFeatures.SHARED_REFERENCE_AND_FIT] = fits * f[PairFeatures.SHARED_REFERENCE];
    int schedule = feeSchedule(c, b, es);
    f[PairFeatures.FEE_SCHEDULE_FIT] = schedule > 0 ? 1 : 0;
    f[PairFeatures.FEE_SCHEDULE_MISFIT] = schedule < 0 ? 1 : 0;
    // the month a salary or a rent is for: both texts name one, the same or another
    if (es.length == 1 && c.bankPeriods[b].length > 0 && c.ledgerPeriods[es[0]].length > 0) {
      boolean same = Periods.share(c.bankPeriods[b], c.ledgerPeriods[es[0]]);
      f[PairFeatures.SAME_PERIOD] = same ? 1 : 0;
      f[PairFeatures.OTHER_PERIOD] = same ? 0 : 1;
    }
    if (c.sim != null) {
      f[PairFeatures.EMBEDDING_SIMILARITY] = emb / es.length;
    }
    return f;
  }

  /**
   * Whether the entries are a processor's sales (and fee) that its learned schedule nets down to
   * the line (1: the fee booked, or the gap between the sales and the line, is the scheduled fee),
   * or a processor's sales that its schedule contradicts (-1: one sale or a set adding up to the
   * line with no fee taken, or the wrong one), or neither (0: no schedule, not a processor's
   * sales).
   */
  private static int feeSchedule(Context c, int b, int[] es) {
    Book book = c.book;
    long amount = book.bankMinor[b];
    if (amount <= 0 || c.fees.size() == 0) {
      return 0;
    }
    long gross = 0;
    long booked = 0;
    int sales = 0;
    String block = null;
    for (int e : es) {
      long m = book.ledgerMinor[e];
      if (m > 0) {
        if (block != null && !block.equals(book.ledgerBlock[e])) {
          return 0;
        }
        block = book.ledgerBlock[e];
        gross += m;
        sales++;
      } else {
        booked -= m;
      }
    }
    FeeSchedules.Schedule s =
        block == null ? null : c.fees.of(book.poolCurrency[book.bankPool[b]], block);
    if (s == null || sales == 0) {
      return 0;
    }
    boolean fits =
        booked > 0
            ? gross - booked == amount && s.fits(gross, sales, booked)
            : s.fits(gross, sales, gross - amount);
    return fits ? 1 : -1;
  }

  /** Whether the line's references ({@code lineRefs}) include one of the entry's keys. */
  private static boolean quotes(Context c, Set<String> lineRefs, int e) {
    for (String k : c.ledgerKeys[e]) {
      if (lineRefs.contains(k)) {
        return true;
      }
    }
    return false;
  }

  private static int maxDay(Book book, int[] es) {
    int m = Integer.MIN_VALUE;
    for (int e : es) {
      m = Math.max(m, book.ledgerDay[e]);
    }
    return m;
  }

  private static boolean sharedKey(Context c, int[] es) {
    for (String k : c.ledgerKeys[es[0]]) {
      boolean all = true;
      for (int e : es) {
        all &= Arrays.asList(c.ledgerKeys[e]).contains(k);
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  /** Share of the counterparty's entries on the group's side, within its dates, that it holds. */
  private static double coverage(
      Context c, int b, int[] es, int minDay, int maxDay, int[] sideDays) {
    long sign = Long.signum(c.book.bankMinor[b]);
    int inSpan =
        Bisect.first(0, sideDays.length, i -> sideDays[i] <= maxDay)
            - Bisect.first(0, sideDays.length, i -> sideDays[i] < minDay);
    int mine = 0;
    for (int e : es) {
      if (Long.signum(c.book.ledgerMinor[e]) == sign) {
        mine++;
      }
    }
    return inSpan <= 0 ? 1 : Math.min(1, mine / (double) inSpan);
  }

  /** Jaccard similarity of two sets of distinct tokens, given as sorted token ids. */
  private static double jaccard(long[] a, long[] b) {
    if (a.length == 0 || b.length == 0) {
      return 0;
    }
    int common = SortedSets.common(a, b);
    return common / (double) (a.length + b.length - common);
  }

  /**
   * A number per distinct token, given out as threads meet them: which number a token gets varies
   * from run to run, but only equality is ever asked of them.
   */
  private static final class TokenIds {
    private final java.util.concurrent.ConcurrentHashMap<String, Integer> ids =
        new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger next =
        new java.util.concurrent.atomic.AtomicInteger();

    /** The tokens' ids, sorted (the tokens are distinct, so the ids are too). */
    long[] of(String[] tokens) {
      long[] out = new long[tokens.length];
      for (int i = 0; i < tokens.length; i++) {
        out[i] = ids.computeIfAbsent(tokens[i], t -> next.getAndIncrement());
      }
      Arrays.sort(out);
      return out;
    }
  }

  /** The residue, indexed for candidate search. */
  private static final class Context {
    final Book book;
    final Similarity sim;
    final Settings settings;
    final FeeSchedules fees;
    final java.util.concurrent.atomic.AtomicLong made =
        new java.util.concurrent.atomic.AtomicLong();
    final String[][] ledgerKeys;

    /**
     * Each entry's keys that another entry of its pool dated near it has too (most are an invoice's
     * own number, held by no other, or a number met again months away): only these can group
     * entries by a shared reference in a line's window.
     */
    final String[][] sharedKeys;

    final String[][] bankTokens;

    /**
     * The texts' tokens as sorted ids (one per distinct token of the run), for {@link #jaccard}.
     */
    final long[][] bankTokenIds;

    final long[][] ledgerTokenIds;
    final int[][] bankPeriods;
    final int[][] ledgerPeriods;

    /**
     * Each thread's last few meetings in the middle, by their entries: the nameless lines of one
     * day search the same sales of each processor (at 1M lines, 34,215 schedule searches on 14,500
     * pools), lines of one counterparty often the same entries, and a meeting is the costly part of
     * a search. Lines are searched in the file's order, so a pool seen again is nearly always one
     * of the last few.
     */
    private final ThreadLocal<Map<List<Integer>, SubsetSum.Meeting>> meetings =
        ThreadLocal.withInitial(
            () ->
                new java.util.LinkedHashMap<>(16, 0.75f, true) {
                  @Override
                  protected boolean removeEldestEntry(
                      Map.Entry<List<Integer>, SubsetSum.Meeting> eldest) {
                    return size() > 8;
                  }
                });

    /**
     * A meeting of these entries for sums up to {@code atMost}: the one kept from before when it
     * serves them, else a new one (which keeps only what such sums need) in its place.
     */
    SubsetSum.Meeting meeting(Integer[] entries, long[] amounts, long atMost) {
      Map<List<Integer>, SubsetSum.Meeting> kept = meetings.get();
      List<Integer> key = List.of(entries);
      SubsetSum.Meeting m = kept.get(key);
      if (m == null || !m.serves(atMost)) {
        m = new SubsetSum.Meeting(amounts, atMost);
        kept.put(key, m);
      }
      return m;
    }

    /**
     * Whether another of the key's entries is dated within {@link #SHARED_KEY_DAYS} of {@code e} (a
     * long list is taken to have one: it is a common word or number, not worth the look).
     */
    private boolean sharedNear(int[] withKey, int e) {
      if (withKey.length > 64) {
        return true;
      }
      int day = book.ledgerDay[e];
      for (int other : withKey) {
        if (other != e && Math.abs(book.ledgerDay[other] - day) <= SHARED_KEY_DAYS) {
          return true;
        }
      }
      return false;
    }

    /** Each pool's entries by day, then amount: the singles near a line are a few short scans. */
    private final int[][] byDay;

    /**
     * The amounts of {@link #byDay}, beside it: a day's run is searched and walked in order without
     * reading the entries' amounts and days at scattered places (a line's window is some fifty
     * days, each searched).
     */
    private final long[][] byDayMinor;

    /**
     * Per pool, where each day's run starts in {@link #byDay}, from the pool's first day (null for
     * a pool whose dates span more than {@link #MAX_DAY_SPAN} days: searched whole).
     */
    private final int[][] dayStarts;

    private final int[] firstDays;
    private static final int MAX_DAY_SPAN = 100_000;

    private final List<Map<String, int[]>> byKey;
    private final Map<Long, int[]> bankDaysByAmount = new HashMap<>();

    Context(
        List<BankLine> bank,
        List<LedgerEntry> ledger,
        MatchingConfig config,
        Similarity sim,
        Settings settings,
        java.util.function.Supplier<FeeSchedules> fees) {
      this.settings = settings;
      this.book = new Book(bank, ledger, config);
      this.sim = sim;
      int pools = book.poolLimits.length;
      ledgerKeys = new String[book.ledger.length][];
      ledgerTokenIds = new long[book.ledger.length][];
      TokenIds ids = new TokenIds();
      ledgerPeriods = new int[book.ledger.length][];
      IntStream.range(0, book.ledger.length)
          .parallel()
          .forEach(
              e -> {
                LedgerEntry x = book.ledger[e];
                Set<String> keys = new LinkedHashSet<>();
                if (book.ledgerRefs[e] != null) {
                  keys.addAll(Arrays.asList(book.ledgerRefs[e]));
                }
                for (String k : References.keysIn(x.description())) {
                  if (!References.isWeak(k)) {
                    keys.add(k);
                  }
                }
                ledgerKeys[e] = keys.toArray(String[]::new);
                ledgerTokenIds[e] = ids.of(tokens(x.description() + " " + nz(x.documentRef())));
                ledgerPeriods[e] = Periods.in(x.description());
              });
      bankTokens = new String[book.bank.length][];
      bankTokenIds = new long[book.bank.length][];
      bankPeriods = new int[book.bank.length][];
      IntStream.range(0, book.bank.length)
          .parallel()
          .forEach(
              b -> {
                String text = book.bank[b].description() + " " + nz(book.bank[b].bankReference());
                bankTokens[b] = tokens(text);
                bankTokenIds[b] = ids.of(bankTokens[b]);
                bankPeriods[b] = Periods.in(text);
              });
      List<List<Integer>> amountLists = new ArrayList<>();
      byKey = new ArrayList<>();
      for (int p = 0; p < pools; p++) {
        amountLists.add(new ArrayList<>());
        byKey.add(new HashMap<>());
      }
      Map<String, List<Integer>>[] keyLists = new Map[pools];
      for (int p = 0; p < pools; p++) {
        keyLists[p] = new HashMap<>();
      }
      for (int e = 0; e < book.ledger.length; e++) {
        int p = book.ledgerPool[e];
        amountLists.get(p).add(e);
        for (String k : ledgerKeys[e]) {
          keyLists[p].computeIfAbsent(k, x -> new ArrayList<>()).add(e);
        }
      }
      byDay = new int[pools][];
      byDayMinor = new long[pools][];
      dayStarts = new int[pools][];
      firstDays = new int[pools];
      for (int p = 0; p < pools; p++) {
        byDay[p] =
            amountLists.get(p).stream()
                .sorted(
                    Comparator.comparingInt((Integer e) -> book.ledgerDay[e])
                        .thenComparingLong(e -> book.ledgerMinor[e]))
                .mapToInt(Integer::intValue)
                .toArray();
        int[] s = byDay[p];
        byDayMinor[p] = Arrays.stream(s).mapToLong(e -> book.ledgerMinor[e]).toArray();
        if (s.length > 0 && book.ledgerDay[s[s.length - 1]] - book.ledgerDay[s[0]] < MAX_DAY_SPAN) {
          firstDays[p] = book.ledgerDay[s[0]];
          int[] starts = new int[book.ledgerDay[s[s.length - 1]] - firstDays[p] + 1];
          int k = 0;
          for (int d = 0; d < starts.length; d++) {
            while (k < s.length && book.ledgerDay[s[k]] < firstDays[p] + d) {
              k++;
            }
            starts[d] = k;
          }
          dayStarts[p] = starts;
        }
        Map<String, int[]> m = byKey.get(p);
        keyLists[p].forEach((k, l) -> m.put(k, l.stream().mapToInt(Integer::intValue).toArray()));
      }
      sharedKeys = new String[book.ledger.length][];
      for (int e = 0; e < book.ledger.length; e++) {
        Map<String, int[]> m = byKey.get(book.ledgerPool[e]);
        int entry = e;
        String[] shared =
            Arrays.stream(ledgerKeys[e])
                .filter(k -> sharedNear(m.get(k), entry))
                .toArray(String[]::new);
        sharedKeys[e] = shared.length == 0 ? NO_KEYS : shared;
      }
      for (int p = 0; p < pools; p++) {
        java.util.TreeMap<Long, List<int[]>> bySum = new java.util.TreeMap<>();
        for (int[] cluster : byKey.get(p).values()) {
          if (cluster.length < 2 || cluster.length > 2 * MAX_GROUP) {
            continue;
          }
          int first = Integer.MAX_VALUE;
          int last = Integer.MIN_VALUE;
          long sum = 0;
          for (int e : cluster) {
            first = Math.min(first, book.ledgerDay[e]);
            last = Math.max(last, book.ledgerDay[e]);
            sum += book.ledgerMinor[e];
          }
          if (last - first <= GROUP_DAYS + 7) {
            bySum.computeIfAbsent(sum, x -> new ArrayList<>()).add(cluster);
          }
        }
        clustersBySum.add(bySum);
      }
      Map<Long, List<Integer>> days = new HashMap<>();
      for (int b = 0; b < book.bank.length; b++) {
        days.computeIfAbsent(key(book.bankPool[b], book.bankMinor[b]), x -> new ArrayList<>())
            .add(book.bankDay[b]);
      }
      days.forEach(
          (k, l) ->
              bankDaysByAmount.put(k, l.stream().mapToInt(Integer::intValue).sorted().toArray()));
      indexPartySets();
      this.fees = fees.get();
    }

    /** Sets of one counterparty's few entries close in time, by pool and sum (see below). */
    private final Map<Long, List<int[]>> partySetsBySum = new HashMap<>();

    /**
     * A line without a name that pays several open items at once ("PAYMENT OF OPEN ITEMS") can only
     * be found by its sum: the sets of two to four entries of one counterparty, on one side, within
     * two weeks, whose sum is the amount of such a line. A counterparty with more entries than
     * {@link #PARTY_WINDOW} in a fortnight (a processor) is left to the fee schedules.
     */
    private void indexPartySets() {
      // the nameless lines by pool and amount: asked millions of times whether a sum is wanted
      KeyIndex.Builder lines = KeyIndex.Builder.ofNumbers();
      boolean any = false;
      for (int b = 0; b < book.bank.length; b++) {
        if (book.bankName[b].isEmpty()) {
          lines.add(book.bankPool[b], book.bankMinor[b], b);
          any = true;
        }
      }
      if (!any) {
        return;
      }
      KeyIndex wanted = lines.build(book.bankDay);
      Map<String, List<Integer>> byParty = new HashMap<>();
      for (int e = 0; e < book.ledger.length; e++) {
        if (!book.ledgerBlock[e].isEmpty()) {
          String party =
              book.ledgerPool[e]
                  + "|"
                  + Long.signum(book.ledgerMinor[e])
                  + "|"
                  + book.ledgerBlock[e];
          byParty.computeIfAbsent(party, x -> new ArrayList<>()).add(e);
        }
      }
      for (List<Integer> party : byParty.values()) {
        int[] es =
            party.stream()
                .sorted(
                    Comparator.comparingInt((Integer e) -> book.ledgerDay[e])
                        .thenComparingInt(e -> e))
                .mapToInt(Integer::intValue)
                .toArray();
        int pool = book.ledgerPool[es[0]];
        for (int i = 0; i < es.length; i++) {
          // the entries after it within the group's days; counted only until there are too many (a
          // processor's sales would otherwise be walked for thousands per entry)
          int end = i + 1;
          while (end < es.length
              && end - i - 1 <= PARTY_WINDOW
              && book.ledgerDay[es[end]] - book.ledgerDay[es[i]] <= GROUP_DAYS) {
            end++;
          }
          if (end - i - 1 > PARTY_WINDOW) {
            continue;
          }
          partySets(es, i, end, pool, wanted);
        }
      }
    }

    /**
     * The sets of {@code es[first]} with one to three of the entries after it, before {@code end}.
     */
    private void partySets(int[] es, int first, int end, int pool, KeyIndex wanted) {
      long a = book.ledgerMinor[es[first]];
      for (int j = first + 1; j < end; j++) {
        long ab = a + book.ledgerMinor[es[j]];
        if (wanted.find(pool, ab) >= 0) {
          keep(pool, ab, es[first], es[j]);
        }
        for (int k = j + 1; k < end; k++) {
          long abc = ab + book.ledgerMinor[es[k]];
          if (wanted.find(pool, abc) >= 0) {
            keep(pool, abc, es[first], es[j], es[k]);
          }
          for (int m = k + 1; m < end; m++) {
            long abcd = abc + book.ledgerMinor[es[m]];
            if (wanted.find(pool, abcd) >= 0) {
              keep(pool, abcd, es[first], es[j], es[k], es[m]);
            }
          }
        }
      }
    }

    private void keep(int pool, long sum, int... set) {
      partySetsBySum.computeIfAbsent(key(pool, sum), x -> new ArrayList<>()).add(set);
    }

    /** One counterparty's sets of two to four entries within two weeks adding up to the amount. */
    List<int[]> partySetsSumming(int pool, long amount) {
      return partySetsBySum.getOrDefault(key(pool, amount), List.of());
    }

    private static long key(int pool, long minor) {
      return minor * 4099 + pool;
    }

    private static String nz(String s) {
      return s == null ? "" : s;
    }

    /**
     * Up to {@code limit} entries of the pool whose amount lies within {@code [low, high]}, dated
     * within {@code [from, to]}, nearest to {@code day} first; of the last day distance taken, the
     * closest in amount to the middle of the range (then by id). Ids must fit 23 bits.
     */
    int[] nearestInAmount(int pool, long low, long high, int day, int from, int to, int limit) {
      int[] s = byDay[pool];
      long mid = low + (high - low) / 2;
      IntList out = new IntList();
      int[] level = new int[16];
      for (int d = 0; out.size() < limit && (day - d >= from || day + d <= to); d++) {
        int n = 0;
        for (int side = d == 0 ? 1 : 0; side < 2; side++) {
          int at = side == 0 ? day - d : day + d;
          if (at < from || at > to) {
            continue;
          }
          // that day's run, from the first of at least the low amount up to the high one
          long[] minor = byDayMinor[pool];
          int end = dayStart(pool, at + 1);
          for (int i = firstAt(pool, at, low); i < end && minor[i] <= high; i++) {
            if (n == level.length) {
              level = Arrays.copyOf(level, n * 2);
            }
            level[n++] = s[i];
          }
        }
        int need = limit - out.size();
        if (n <= need || book.ledger.length >= 1 << 23) {
          Arrays.sort(level, 0, n);
          for (int k = 0; k < Math.min(n, need); k++) {
            out.add(level[k]);
          }
          continue;
        }
        // more on these days than wanted (a busy ledger): the closest in amount, then by id
        long[] keyed = new long[n];
        for (int k = 0; k < n; k++) {
          long gap = Math.abs(book.ledgerMinor[level[k]] - mid);
          keyed[k] = (Math.min(gap, (1L << 40) - 1) << 23) | level[k];
        }
        for (long key : Smallest.of(keyed, n, need)) {
          out.add((int) (key & ((1 << 23) - 1)));
        }
      }
      return out.toArray();
    }

    /**
     * The first position in the pool's {@link #byDay} whose (day, amount) is at least (day, low).
     */
    private int firstAt(int pool, int day, long low) {
      long[] minor = byDayMinor[pool];
      // only that day's run is searched: it holds that day's entries only, by amount
      return Bisect.first(dayStart(pool, day), dayStart(pool, day + 1), i -> minor[i] < low);
    }

    /** Where the pool's run of this day (or the next after it) starts in {@link #byDay}. */
    private int dayStart(int pool, int day) {
      int[] starts = dayStarts[pool];
      if (starts == null) {
        int[] s = byDay[pool];
        return Bisect.first(0, s.length, i -> book.ledgerDay[s[i]] < day);
      }
      int off = day - firstDays[pool];
      return off < 0 ? 0 : off >= starts.length ? byDay[pool].length : starts[off];
    }

    int[] withKey(int pool, String key) {
      int[] e = byKey.get(pool).get(key);
      return e == null ? Book.EMPTY : e;
    }

    /**
     * The counterparty's open entries within the dates, in day order (the group window and {@link
     * #bySumAlone} cut runs of it by binary search). Of a counterparty with more than {@link
     * #BUSY_WINDOW} open entries in the window (a card processor's sales, hundreds a day), only as
     * many nearest the line's day: its sums and coverage over thousands of entries tell nothing,
     * and reading them all took most of the residue's time on such a ledger.
     */
    int[] named(int b, int fromDay, int toDay) {
      int[] all = book.ledgerNamed(book.bankPool[b], book.bankBlock[b], fromDay, toDay);
      if (all.length > BUSY_WINDOW) {
        int day = book.bankDay[b];
        int middle = Bisect.first(0, all.length, i -> book.ledgerDay[all[i]] < day);
        int from = Math.max(0, Math.min(middle - BUSY_WINDOW / 2, all.length - BUSY_WINDOW));
        return book.alikeLedger(
            b, Arrays.copyOfRange(all, from, from + BUSY_WINDOW), null, 0.5, Integer.MAX_VALUE);
      }
      return book.alikeLedger(b, all, null, 0.5, Integer.MAX_VALUE);
    }

    /** Entries already proposed in the first round (null in the first round). */
    private boolean[] takenEntries;

    boolean taken(int e) {
      return takenEntries != null && takenEntries[e];
    }

    /** Entries of the pool that share a key with others, as sets, by their sum. */
    private final List<java.util.TreeMap<Long, List<int[]>>> clustersBySum = new ArrayList<>();

    List<int[]> clustersSummingTo(int pool, long low, long high) {
      List<int[]> out = new ArrayList<>();
      clustersBySum.get(pool).subMap(low, true, high, true).values().forEach(out::addAll);
      return out;
    }

    /** The open entries of the same counterparty as a ledger entry, within the dates. */
    int[] namedLike(int e, int fromDay, int toDay) {
      int pool = book.ledgerPool[e];
      return book.ledgerNamed(pool, book.ledgerBlock[e], fromDay, toDay);
    }

    /** Other open bank lines of the pool with the same amount within two weeks. */
    int lookAlikeLines(int b) {
      int[] d = bankDaysByAmount.get(key(book.bankPool[b], book.bankMinor[b]));
      int day = book.bankDay[b];
      return firstAtLeast(d, day + 15) - firstAtLeast(d, day - 14) - 1;
    }

    private static int firstAtLeast(int[] sorted, int value) {
      return Bisect.first(0, sorted.length, i -> sorted[i] < value);
    }

    /** The distinct runs of at least two of A-Z and 0-9 in the upper-cased text, in order. */
    private static String[] tokens(String text) {
      String upper = text.toUpperCase(Locale.ROOT);
      Set<String> out = new LinkedHashSet<>();
      int start = -1;
      for (int i = 0; i <= upper.length(); i++) {
        char c = i < upper.length() ? upper.charAt(i) : ' ';
        if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
          if (start < 0) {
            start = i;
          }
        } else if (start >= 0) {
          if (i - start >= 2) {
            out.add(upper.substring(start, i));
          }
          start = -1;
        }
      }
      return out.toArray(String[]::new);
    }
  }
}
