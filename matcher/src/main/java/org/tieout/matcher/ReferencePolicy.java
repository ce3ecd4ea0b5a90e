package org.tieout.matcher;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.tieout.core.BankLine;
import org.tieout.matcher.text.NameKey;
import org.tieout.matcher.text.Names;
import org.tieout.matcher.text.References;

/**
 * A ledger document reference (invoice, bill, payout number) appears in the bank line's text or
 * reference, normalised on both sides. Then the amounts must agree: one entry for the full amount
 * (1:1), all entries the text names together (1:N, several invoices or a payout's entries), or one
 * entry short of a bank charge within tolerance.
 */
final class ReferencePolicy implements MatchPolicy {
  private static final int MAX_REFERENCED = 16;

  /**
   * A line paying one entry by its reference tells how late its payer pays ({@link
   * Book#notePayment}); the variants (several entries, an amount off by a charge) are left out.
   */
  @Override
  public void posted(Book book, Candidate c) {
    if (c.bank().length == 1 && c.ledger().length == 1 && c.rule().equals(name())) {
      book.notePayment(c.bank()[0], c.ledger()[0]);
    }
  }

  @Override
  public String name() {
    return "reference";
  }

  @Override
  public String description() {
    return "a ledger reference appears in the bank text and the amounts agree (1:1 or 1:N)";
  }

  @Override
  public Side side() {
    return Side.BANK;
  }

  @Override
  public Outcome evaluate(Book book, int b) {
    String[] refs = book.bankRefs[b];
    if (refs.length == 0) {
      return Outcome.NONE;
    }
    int pool = book.bankPool[b];
    MatchingConfig.Limits limits = book.limits(pool);
    Set<Integer> found = new LinkedHashSet<>();
    for (String key : refs) {
      for (int e : book.ledgerWithRef(pool, key)) {
        if (Math.abs(book.bankDay[b] - book.ledgerDay[e]) <= limits.referenceWindowDays()) {
          found.add(e);
        }
      }
    }
    if (found.isEmpty() || found.size() > MAX_REFERENCED) {
      return Outcome.NONE;
    }
    int[] entries = found.stream().mapToInt(Integer::intValue).toArray();
    long amount = book.bankMinor[b];

    List<Candidate> exact = new ArrayList<>();
    for (int e : entries) {
      if (book.ledgerMinor[e] == amount) {
        exact.add(
            unrelatedPayer(
                book, b, e, true, oneToOne(book, b, e, "reference", 0.99, "amounts equal")));
      }
    }
    if (!exact.isEmpty()) {
      return Outcome.of(exact);
    }
    if (entries.length >= 2) {
      if (book.sumLedger(entries) == amount) {
        return new Outcome.Matched(combined(book, b, entries));
      }
      long[] amounts = new long[entries.length];
      for (int k = 0; k < entries.length; k++) {
        amounts[k] = book.ledgerMinor[entries[k]];
      }
      SubsetSum.Result r =
          SubsetSum.find(amount, amounts, 2, entries.length, limits.subsetMaxIterations(), 2);
      if (!r.solutions().isEmpty()) {
        List<Candidate> options = new ArrayList<>();
        for (int[] s : r.solutions()) {
          int[] chosen = new int[s.length];
          for (int k = 0; k < s.length; k++) {
            chosen[k] = entries[s[k]];
          }
          options.add(combined(book, b, chosen));
        }
        return Outcome.of(options);
      }
    }
    if (entries.length == 1) {
      int e = entries[0];
      long diff = amount - book.ledgerMinor[e];
      boolean sameSign = Long.signum(amount) == Long.signum(book.ledgerMinor[e]);
      if (sameSign
          && Math.abs(diff)
              <= limits.toleranceMinor(book.ledgerMinor[e], book.poolCurrency[pool])) {
        return new Outcome.Matched(
            unrelatedPayer(
                book,
                b,
                e,
                false,
                oneToOne(
                    book,
                    b,
                    e,
                    "reference_with_difference",
                    0.95,
                    "bank differs by "
                        + book.money(pool, diff)
                        + ", within the bank-charge tolerance")));
      }
    }
    return Outcome.NONE;
  }

  /** Names this little alike are two parties, not a bank's spelling of one. */
  static final double UNRELATED_NAMES = 0.3;

  /**
   * The candidate, or only a proposal when the line names a counterparty unrelated to the entry's
   * (under {@link #UNRELATED_NAMES} alike) and one more thing is off: the amounts differ (a charge
   * or a wrong entry?), or the bank text does not quote the reference whole, only its number
   * ({@code ORDER 4807} is not {@code INV0004807}, {@code FACTURE F0004807} is). Another party's
   * order, payout or customer number can carry the same digits; a third party paying an invoice it
   * names whole, to the cent, still posts.
   */
  private static Candidate unrelatedPayer(
      Book book, int b, int e, boolean amountsEqual, Candidate c) {
    NameKey bankName = book.bankName[b];
    NameKey ledgerName = book.ledgerName[e];
    if (bankName.isEmpty() || ledgerName.isEmpty()) {
      return c;
    }
    double alike = Names.similarity(bankName, ledgerName);
    if (alike >= UNRELATED_NAMES) {
      return c;
    }
    String another = "the line's counterparty is another (" + Explain.similarity(alike) + " alike)";
    if (!amountsEqual) {
      return c.notAuto("but " + another + " and the amounts differ: needs review");
    }
    String ref = book.ledger[e].documentRef();
    BankLine line = book.bank[b];
    if (References.quotedWhole(ref, line.description(), line.bankReference())) {
      return c;
    }
    String key = References.key(ref);
    return c.notAuto(
        "but only the "
            + (References.isWeak(key) ? "short " : "")
            + "number "
            + key
            + " ties them, not the reference whole, and "
            + another
            + ": needs review");
  }

  private static Candidate oneToOne(
      Book book, int b, int e, String rule, double score, String amountNote) {
    String ref = book.ledger[e].documentRef();
    return new Candidate(
        new int[] {b},
        new int[] {e},
        score,
        true,
        rule,
        () ->
            "reference "
                + ref
                + " found in the bank text; "
                + amountNote
                + " ("
                + book.money(book.bankPool[b], book.bankMinor[b])
                + "); "
                + Explain.days(book.bankDay[b] - book.ledgerDay[e]));
  }

  private static Candidate combined(Book book, int b, int[] entries) {
    boolean oneParty = oneCounterparty(book, entries);
    return new Candidate(
        new int[] {b},
        entries,
        0.98,
        oneParty,
        "reference_combined",
        () ->
            "the bank text names "
                + entries.length
                + " ledger references ("
                + Explain.ids(book, entries)
                + ") that add up to "
                + book.money(book.bankPool[b], book.bankMinor[b])
                + (oneParty ? "" : "; but they belong to different counterparties, needs review"));
  }

  /**
   * A payer settles its own entries: references of several counterparties point to a misread
   * reference.
   */
  private static boolean oneCounterparty(Book book, int[] entries) {
    NameKey first = book.ledgerName[entries[0]];
    for (int e : entries) {
      if (Names.similarity(first, book.ledgerName[e]) < 0.9) {
        return false;
      }
    }
    return true;
  }
}
