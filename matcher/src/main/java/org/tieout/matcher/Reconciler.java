package org.tieout.matcher;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.tieout.core.BankLine;
import org.tieout.core.EntryId;
import org.tieout.core.LedgerEntry;
import org.tieout.core.MatchGroup;
import org.tieout.core.MatchStage;
import org.tieout.core.MatchStatus;
import org.tieout.core.TransactionId;

/**
 * Runs the rules in their order of precedence over one book. Each rule first looks at every open
 * item without changing anything; then a group is posted only if the rule may post it and no other
 * fit of the same pass wants any of its items about as much. Everything else that fitted becomes a
 * proposal for review, with the alternatives it competed with: a fit is contested when another
 * line's fit for one of its items scores within the tie margin of it. Same input, same output:
 * positions are visited in input order and ties are broken by position.
 */
public final class Reconciler {
  /** The rules in order of precedence: the strongest evidence first. */
  static List<MatchPolicy> rules() {
    return List.of(
        new ReferencePolicy(),
        new PartialPaymentPolicy(),
        new AmountDatePolicy(),
        new CombinedPaymentPolicy(),
        new SplitPaymentPolicy(),
        new ToleranceRule(),
        AmountDatePolicy.late(),
        new PayoutNetOfFeesPolicy());
  }

  /** Name and description of every rule in precedence order, for documentation and reports. */
  public static Map<String, String> ruleDescriptions() {
    // the names some rules give to variants of their matches, listed under the rule
    Map<String, Map<String, String>> variants =
        Map.of(
            "reference",
            orderedMap(
                "reference_combined",
                "the bank text names several ledger references whose amounts add up (1:N)",
                "reference_with_difference",
                "the bank text names one reference; the amount differs by a bank charge within tolerance"),
            "amount_date_counterparty",
            orderedMap(
                "reference_typo",
                "same amount, and the bank text carries the ledger reference with one typo"));
    Map<String, String> m = new LinkedHashMap<>();
    for (MatchPolicy r : rules()) {
      m.put(r.name(), r.description());
      m.putAll(variants.getOrDefault(r.name(), Map.of()));
    }
    return m;
  }

  private static Map<String, String> orderedMap(String... keysAndValues) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  /**
   * A rule's evaluations a thread takes at a time: one costs from a lookup to a bounded subset
   * search, so threads take small runs and finish together.
   */
  private static final int EVALUATIONS_PER_CLAIM = 64;

  private final MatchingConfig config;
  private final Progress progress;

  public Reconciler(MatchingConfig config, Progress progress) {
    this.config = config;
    this.progress = progress;
  }

  public Reconciliation run(List<BankLine> bankLines, List<LedgerEntry> entries) {
    progress.update("indexing", 0, 1);
    Book book = new Book(bankLines, entries, config);
    progress.update("indexing", 1, 1);
    List<MatchGroup> groups = new ArrayList<>();
    List<Proposal> proposals = new ArrayList<>();
    Map<String, int[]> counts = new LinkedHashMap<>();
    ClaimSet claims = new ClaimSet(new Claims(book.bank.length), new Claims(book.ledger.length));
    List<MatchPolicy> rules = rules();
    for (MatchPolicy rule : rules) {
      apply(book, rule, groups, proposals, counts, claims);
    }
    progress.update("choosing proposals", 0, 1);
    groups.addAll(chooseProposals(book, proposals, counts));
    progress.update("choosing proposals", 1, 1);
    List<BankLine> openBank = new ArrayList<>();
    for (int b = 0; b < book.bank.length; b++) {
      if (!book.bankTaken[b]) {
        openBank.add(book.bank[b]);
      }
    }
    List<LedgerEntry> openLedger = new ArrayList<>();
    for (int e = 0; e < book.ledger.length; e++) {
      if (!book.ledgerTaken[e]) {
        openLedger.add(book.ledger[e]);
      }
    }
    Map<String, Reconciliation.RuleCount> byRule = new LinkedHashMap<>();
    counts.forEach((k, v) -> byRule.put(k, new Reconciliation.RuleCount(v[0], v[1])));
    return new Reconciliation(groups, openBank, openLedger, byRule);
  }

  private record Proposal(Candidate best, List<Candidate> alternatives) {}

  private record ClaimSet(Claims bank, Claims ledger) {}

  private int apply(
      Book book,
      MatchPolicy rule,
      List<MatchGroup> groups,
      List<Proposal> proposals,
      Map<String, int[]> counts,
      ClaimSet claims) {
    book.dropTaken();
    boolean bankSide = rule.side() == MatchPolicy.Side.BANK;
    boolean[] taken = bankSide ? book.bankTaken : book.ledgerTaken;
    int[] open = IntStream.range(0, taken.length).filter(i -> !taken[i]).toArray();
    String stage = rule.name();
    AtomicLong done = new AtomicLong();
    int step = Math.max(1, open.length / 100);
    Outcome[] outcomes = new Outcome[open.length];
    Parallel.forEach(
        open.length,
        EVALUATIONS_PER_CLAIM,
        k -> {
          outcomes[k] = rule.evaluate(book, open[k]);
          long d = done.incrementAndGet();
          if (d % step == 0) {
            progress.update(stage, d, open.length);
          }
        });
    progress.update(stage, open.length, open.length);

    Claims bankClaims = claims.bank();
    Claims ledgerClaims = claims.ledger();
    bankClaims.reset();
    ledgerClaims.reset();
    for (int k = 0; k < outcomes.length; k++) {
      int owner = open[k];
      if (outcomes[k] instanceof Outcome.Matched m) {
        claim(m.candidate(), owner, bankClaims, ledgerClaims);
      } else if (outcomes[k] instanceof Outcome.Ambiguous a) {
        a.options().forEach(c -> claim(c, owner, bankClaims, ledgerClaims));
      }
    }
    List<Candidate> posted = new ArrayList<>();
    for (int k = 0; k < outcomes.length; k++) {
      Outcome o = outcomes[k];
      if (o instanceof Outcome.Matched m) {
        Candidate c = m.candidate();
        boolean uncontested = clearlyBest(c, open[k], bankClaims, ledgerClaims);
        if (c.autoEligible() && uncontested && book.isFree(c)) {
          book.take(c);
          rule.posted(book, c);
          posted.add(c);
          counts.computeIfAbsent(c.rule(), x -> new int[2])[0]++;
        } else {
          proposals.add(
              new Proposal(
                  uncontested ? c : c.notAuto("another line fits the same items about as well"),
                  List.of()));
        }
      } else if (o instanceof Outcome.Ambiguous a) {
        proposals.add(new Proposal(a.options().get(0), a.options().subList(1, a.options().size())));
      }
    }
    // which groups are posted is decided above, in order; their explanations (read from the
    // book's fixed columns, not from what is taken) are written on every core
    groups.addAll(
        posted.parallelStream()
            .map(c -> group(book, c, MatchStatus.AUTO_MATCHED, c.explanation(), List.of()))
            .toList());
    return posted.size();
  }

  private static void claim(Candidate c, int owner, Claims bankClaims, Claims ledgerClaims) {
    for (int b : c.bank()) {
      bankClaims.offer(b, owner, c.score());
    }
    for (int e : c.ledger()) {
      ledgerClaims.offer(e, owner, c.score());
    }
  }

  /** No other line's fit for any of the group's items comes within the tie margin of this one. */
  private static boolean clearlyBest(
      Candidate c, int owner, Claims bankClaims, Claims ledgerClaims) {
    double bar = c.score() - AmountDatePolicy.TIE_MARGIN;
    for (int b : c.bank()) {
      if (bankClaims.strongestOther(b, owner) > bar) {
        return false;
      }
    }
    for (int e : c.ledger()) {
      if (ledgerClaims.strongestOther(e, owner) > bar) {
        return false;
      }
    }
    return true;
  }

  /**
   * From every fit that was not posted, the best for each item still open, none overlapping: these
   * wait for a reviewer, who also sees the alternatives.
   */
  private List<MatchGroup> chooseProposals(
      Book book, List<Proposal> proposals, Map<String, int[]> counts) {
    List<Proposal> sorted = new ArrayList<>(proposals);
    sorted.sort(
        Comparator.comparingDouble((Proposal p) -> -p.best().score())
            .thenComparingInt(
                p -> p.best().bank().length == 0 ? Integer.MAX_VALUE : p.best().bank()[0])
            .thenComparingInt(
                p -> p.best().ledger().length == 0 ? Integer.MAX_VALUE : p.best().ledger()[0]));
    List<Proposal> chosen = new ArrayList<>();
    for (Proposal p : sorted) {
      Candidate c = p.best();
      if (book.isFree(c)) {
        book.take(c);
        chosen.add(p);
        counts.computeIfAbsent(c.rule(), x -> new int[2])[1]++;
      }
    }
    return chosen.parallelStream().map(p -> proposed(book, p)).toList();
  }

  private static MatchGroup proposed(Book book, Proposal p) {
    Candidate c = p.best();
    String why = c.explanation();
    if (!p.alternatives().isEmpty()) {
      why =
          (p.alternatives().size() + 1)
              + " groups fit about equally, the rule did not choose; this one, "
              + describe(book, c)
              + ": "
              + why
              + "; also: "
              + p.alternatives().stream()
                  .map(a -> describe(book, a))
                  .collect(java.util.stream.Collectors.joining("; "));
    } else if (c.autoEligible()) {
      why = why + "; needs review: another fit wanted the same items";
    }
    return group(book, c, MatchStatus.PROPOSED, why, p.alternatives());
  }

  private static String describe(Book book, Candidate c) {
    StringBuilder sb = new StringBuilder();
    for (int b : c.bank()) {
      sb.append(sb.isEmpty() ? "" : "+").append(book.bank[b].id().value());
    }
    sb.append(" ~ ");
    for (int k = 0; k < c.ledger().length; k++) {
      sb.append(k == 0 ? "" : "+").append(book.ledger[c.ledger()[k]].id().value());
    }
    return sb.toString();
  }

  private static MatchGroup group(
      Book book, Candidate c, MatchStatus status, String why, List<Candidate> alternatives) {
    List<TransactionId> bankIds = new ArrayList<>(c.bank().length);
    for (int b : c.bank()) {
      bankIds.add(book.bank[b].id());
    }
    List<EntryId> ledgerIds = new ArrayList<>(c.ledger().length);
    for (int e : c.ledger()) {
      ledgerIds.add(book.ledger[e].id());
    }
    List<MatchGroup.Alternative> alts =
        alternatives.stream()
            .map(
                a ->
                    new MatchGroup.Alternative(
                        java.util.Arrays.stream(a.bank()).mapToObj(b -> book.bank[b].id()).toList(),
                        java.util.Arrays.stream(a.ledger())
                            .mapToObj(e -> book.ledger[e].id())
                            .toList()))
            .toList();
    double confidence =
        status == MatchStatus.AUTO_MATCHED
            ? c.score()
            : Math.min(c.score(), alternatives.isEmpty() ? 0.8 : 0.5);
    return new MatchGroup(
        bankIds, ledgerIds, MatchStage.RULE, c.rule(), confidence, status, why, alts);
  }
}
