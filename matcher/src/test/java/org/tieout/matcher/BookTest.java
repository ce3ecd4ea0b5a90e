package org.tieout.matcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tieout.core.BankLine;
import org.tieout.core.LedgerEntry;

class BookTest {
  private static final String[] NAMES = {
    "Stripe Payments Europe", "Stripe Payments Europe Ltd", "Acme Trading GmbH", "Acme Tools AG"
  };

  /**
   * The rules read a counterparty's window straight from the name index, stopping early; that must
   * give what listing the window and filtering it gives, before and after taken items are dropped.
   */
  @Test
  void aWindowReadFromTheIndexIsTheListedWindowFiltered() {
    Random r = new Random(5);
    List<BankLine> bank = new ArrayList<>();
    List<LedgerEntry> ledger = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      String name = NAMES[r.nextInt(NAMES.length)];
      bank.add(
          Lines.bank(
              "B" + i,
              r.nextInt(60),
              (r.nextBoolean() ? "" : "-") + (1 + r.nextInt(500)),
              name,
              ""));
    }
    for (int i = 0; i < 3_000; i++) {
      String name = NAMES[r.nextInt(NAMES.length)];
      ledger.add(
          Lines.entry(
              "E" + i,
              r.nextInt(60),
              (r.nextBoolean() ? "" : "-") + (1 + r.nextInt(500)),
              name,
              null));
    }
    Book book = new Book(bank, ledger, MatchingConfig.defaultConfig());
    assertSame(book, 0);
    // take a third of the entries and lines, drop them from the indexes, take some more
    for (int round = 0; round < 2; round++) {
      for (int e = round; e < ledger.size(); e += 3) {
        if (!book.ledgerTaken[e]) {
          book.take(new Candidate(new int[0], new int[] {e}, 1, true, "test", () -> ""));
        }
      }
      for (int b = round; b < bank.size(); b += 3) {
        if (!book.bankTaken[b]) {
          book.take(new Candidate(new int[] {b}, new int[0], 1, true, "test", () -> ""));
        }
      }
      if (round == 0) {
        book.dropTaken();
      }
      assertSame(book, round + 1);
    }
  }

  private static void assertSame(Book book, int round) {
    int compared = 0;
    for (int b = 0; b < book.bank.length; b++) {
      int day = book.bankDay[b];
      long sign = Long.signum(book.bankMinor[b]);
      for (int atMost : new int[] {3, 40, Integer.MAX_VALUE}) {
        int[] listed =
            book.alikeLedger(
                b,
                book.ledgerNamed(book.bankPool[b], book.bankBlock[b], day - 20, day + 5),
                e -> Long.signum(book.ledgerMinor[e]) == sign,
                0.5,
                atMost);
        int[] read =
            book.ledgerNamedAlike(
                b, day - 20, day + 5, e -> Long.signum(book.ledgerMinor[e]) == sign, 0.5, atMost);
        assertArrayEquals(listed, read, "line " + b + ", at most " + atMost + ", round " + round);
        compared += listed.length;
      }
    }
    for (int e = 0; e < book.ledger.length; e++) {
      int day = book.ledgerDay[e];
      long sign = Long.signum(book.ledgerMinor[e]);
      List<Integer> listed = new ArrayList<>();
      for (int b : book.bankNamed(book.ledgerPool[e], book.ledgerBlock[e], day - 7, day + 30)) {
        if (Long.signum(book.bankMinor[b]) == sign && book.nameSimilarity(b, e) >= 0.5) {
          listed.add(b);
        }
      }
      int[] want = listed.stream().mapToInt(Integer::intValue).limit(12).toArray();
      assertArrayEquals(
          want,
          book.bankNamedAlike(e, day - 7, day + 30, 0.5, 12),
          "entry " + e + ", round " + round);
    }
    assertTrue(compared > 1_000, "the windows compared hold items: " + compared);
  }
}
