package org.tieout.matcher;

import java.util.Arrays;

/**
 * A group a rule would make: bank line and ledger entry positions in the {@link Book}, how well it
 * fits (0..1), whether the rule may post it without review, and why.
 */
record Candidate(
    int[] bank, int[] ledger, double score, boolean autoEligible, String rule, String explanation) {

  Candidate {
    bank = bank.clone();
    ledger = ledger.clone();
    Arrays.sort(bank);
    Arrays.sort(ledger);
  }

  Candidate notAuto(String why) {
    return new Candidate(bank, ledger, score, false, rule, explanation + "; " + why);
  }

  boolean sameItems(Candidate other) {
    return Arrays.equals(bank, other.bank) && Arrays.equals(ledger, other.ledger);
  }
}
