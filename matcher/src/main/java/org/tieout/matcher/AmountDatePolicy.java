package org.tieout.matcher;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.tieout.matcher.text.References;

/**
 * The same amount within the date window, from a counterparty whose name is alike (or whose
 * reference the bank text carries with a typo). Look-alikes, several entries fitting about as well,
 * are left for review with all of them recorded: this rule does not guess.
 */
final class AmountDatePolicy implements MatchPolicy {
  /** Candidates scoring within this of the best fit "equally". */
  static final double TIE_MARGIN = 0.15;

  /**
   * More same-amount entries than this in the window (a payday, a price everybody pays) and only
   * those of the same counterparty block are scored: the rest cannot be told apart by amount.
   */
  static final int MAX_SCORED = 24;

  /** At most this many equally fitting alternatives are kept for the reviewer. */
  static final int MAX_OPTIONS = 5;

  /**
   * Entries of one amount (any counterparty, open or settled) in a late payment's window from which
   * the amount is a common price, not a fingerprint.
   */
  static final int LATE_COMMON_AMOUNT = 3;

  /** Whether this is the late pass: the window reaches {@code late_window_days} back. */
  private final boolean late;

  private AmountDatePolicy(boolean late) {
    this.late = late;
  }

  AmountDatePolicy() {
    this(false);
  }

  /**
   * The same rule for a payer who pays late: the bank line up to {@code late_window_days} after the
   * entry. Run after the other rules, on what they left; it posts only where the amount is rare in
   * the ledger around the line.
   */
  static AmountDatePolicy late() {
    return new AmountDatePolicy(true);
  }

  @Override
  public String name() {
    return late ? "late_payment" : "amount_date_counterparty";
  }

  @Override
  public String description() {
    return late
        ? "same amount from a similar counterparty (or a reference with one typo), paid up to the"
            + " late window after the entry; posted only when few entries have that amount"
        : "same amount within the date window and a similar counterparty (or a reference with one typo)";
  }

  @Override
  public Side side() {
    return Side.BANK;
  }

  @Override
  public Outcome evaluate(Book book, int b) {
    int pool = book.bankPool[b];
    MatchingConfig.Limits limits = book.limits(pool);
    int day = book.bankDay[b];
    int from = day - (late ? limits.lateWindowDays() : limits.dateWindowDays());
    int to = day + limits.dateWindowDays();
    int[] entries = book.ledgerWithAmount(pool, book.bankMinor[b], from, to, MAX_SCORED);
    if (entries.length > MAX_SCORED) {
      // a common amount: only the entries of the line's counterparty (found through the name
      // index, which is shorter than the amount's list)
      entries = book.ledgerNamedWithAmount(pool, book.bankBlock[b], book.bankMinor[b], from, to);
    }
    if (entries.length == 0) {
      return Outcome.NONE;
    }
    // late: an amount many entries share (a price, a rent) tells one payer's entries apart only
    // within days, not weeks
    int common =
        late
            ? book.ledgerCountWithAmount(pool, book.bankMinor[b], from, to, LATE_COMMON_AMOUNT)
            : 0;
    int[] bulk = book.paysInBulk(b);
    List<Candidate> scored = new ArrayList<>(entries.length);
    for (int e : entries) {
      scored.add(score(book, b, e, limits, common, bulk));
    }
    scored.sort(Comparator.comparingDouble(Candidate::score).reversed());
    Candidate best = scored.get(0);
    List<Candidate> equal = new ArrayList<>();
    for (Candidate c : scored) {
      if (c.score() >= best.score() - TIE_MARGIN && equal.size() < MAX_OPTIONS) {
        equal.add(c);
      }
    }
    if (!late && equal.size() == 1 && best.autoEligible()) {
      int older = owedEarlier(book, b, best.ledger()[0], limits, from);
      if (older >= 0) {
        String other = book.ledger[older].id().value();
        String why =
            hasTypoReference(book, b, older)
                ? ", the bank text carries its reference with one typo"
                : " with no payment of its own, and this payer has paid late before";
        return Outcome.of(
            List.of(
                best.notAuto(
                    "but "
                        + other
                        + ", of the same amount and counterparty and "
                        + (day - book.ledgerDay[older])
                        + " days older, is open"
                        + why
                        + ": the line may pay it, needs review"),
                score(book, b, older, limits, 0, bulk)));
      }
    }
    return Outcome.of(equal);
  }

  /**
   * An older open entry of the line's amount and counterparty, before the date window but within
   * the late window, that the line may well be paying late rather than the entry in the window: one
   * whose reference the bank text carries with a typo, or one that no other open line of that
   * amount and counterparty pays within its own date window, from a payer seen paying by reference
   * after the window (a payer with a fixed price and 30 days' terms). -1 when there is none.
   */
  private static int owedEarlier(
      Book book, int b, int chosen, MatchingConfig.Limits limits, int windowFrom) {
    int pool = book.bankPool[b];
    long minor = book.bankMinor[b];
    int[] older =
        book.ledgerNamedWithAmount(
            pool,
            book.bankBlock[b],
            minor,
            book.bankDay[b] - limits.lateWindowDays(),
            windowFrom - 1);
    // the text carrying the chosen entry's reference, with a typo, points at it
    if (older.length == 0 || hasTypoReference(book, b, chosen)) {
      return -1;
    }
    for (int e : older) {
      if (hasTypoReference(book, b, e)) {
        return e;
      }
    }
    for (int e : older) {
      if (book.paysLate(e)
          && book.nameSimilarity(b, e) >= limits.nameSimilarityMin()
          && !paidInWindow(book, b, e, limits)) {
        return e;
      }
    }
    return -1;
  }

  /** Whether another open line of the entry's amount and counterparty is within its date window. */
  private static boolean paidInWindow(Book book, int b, int e, MatchingConfig.Limits limits) {
    int d = book.ledgerDay[e];
    for (int other :
        book.bankNamed(
            book.ledgerPool[e],
            book.ledgerBlock[e],
            d - limits.dateWindowDays(),
            d + limits.dateWindowDays())) {
      if (other != b && book.bankMinor[other] == book.ledgerMinor[e]) {
        return true;
      }
    }
    return false;
  }

  /**
   * @param bulk the counterparty's entries and bank lines when it is paid in bulk ({@link
   *     Book#paysInBulk}), else null: an equal amount is then no payment without a reference
   */
  private Candidate score(
      Book book, int b, int e, MatchingConfig.Limits limits, int common, int[] bulk) {
    int gap = book.bankDay[b] - book.ledgerDay[e];
    double name = book.nameSimilarity(b, e);
    boolean typo = hasTypoReference(book, b, e);
    double evidence = Math.max(name, typo ? 0.95 : 0);
    // a little weight on the date so that nearer beats farther among otherwise equal fits
    double score = Math.max(0, 0.55 + 0.4 * evidence - 0.005 * Math.abs(gap));
    boolean contradicted = !typo && Evidence.namesAnotherEntry(book, b, new int[] {e}, Side.BANK);
    boolean commonAmount = common >= LATE_COMMON_AMOUNT;
    boolean alike = name >= limits.nameSimilarityMin();
    boolean inBulk = bulk != null && alike && !typo;
    boolean auto = (alike || typo) && !contradicted && !commonAmount && !inBulk;
    java.util.function.Supplier<String> why =
        () -> {
          StringBuilder sb =
              new StringBuilder("same amount ")
                  .append(book.money(book.bankPool[b], book.bankMinor[b]))
                  .append("; ")
                  .append(Explain.days(gap));
          if (typo) {
            sb.append("; reference ")
                .append(book.ledger[e].documentRef())
                .append(" appears with one typo");
          }
          sb.append("; ").append(Explain.counterparty(book, b, e, name));
          if (contradicted) {
            sb.append("; but the bank text names another entry's reference, needs review");
          } else if (inBulk) {
            sb.append("; but this counterparty is paid in bulk (")
                .append(bulk[0])
                .append(" ledger entries against ")
                .append(bulk[1])
                .append(" bank lines, as a card processor's payouts net its sales): one entry of")
                .append(" the line's amount may be chance, needs review");
          } else if (commonAmount) {
            sb.append("; but ")
                .append(common > LATE_COMMON_AMOUNT ? "more than " + LATE_COMMON_AMOUNT : common)
                .append(" ledger entries have this amount in the late window, needs review");
          } else if (!auto) {
            sb.append(" (below ")
                .append(Explain.similarity(limits.nameSimilarityMin()))
                .append(", needs review)");
          }
          return sb.toString();
        };
    return new Candidate(
        new int[] {b}, new int[] {e}, score, auto, typo && !late ? "reference_typo" : name(), why);
  }

  private static boolean hasTypoReference(Book book, int b, int e) {
    String key = book.ledgerRefs[e] == null ? null : book.ledgerRefs[e][0];
    // a typo in a short number is as likely another number altogether
    if (key == null || key.length() < 5 || References.isWeak(key)) {
      return false;
    }
    for (String k : book.bankRefs[b]) {
      if (References.oneEditApart(k, key)) {
        return true;
      }
    }
    return false;
  }
}
