package org.tieout.matcher;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * A group a rule would make: bank line and ledger entry positions in the {@link Book}, how well it
 * fits (0..1), whether the rule may post it without review, and why. The explanation is made only
 * for the groups that are kept: rules weigh millions of candidates.
 */
record Candidate(
    int[] bank,
    int[] ledger,
    double score,
    boolean autoEligible,
    String rule,
    Supplier<String> why) {

  Candidate {
    bank = bank.clone();
    ledger = ledger.clone();
    Arrays.sort(bank);
    Arrays.sort(ledger);
  }

  String explanation() {
    return why.get();
  }

  Candidate notAuto(String reason) {
    Supplier<String> before = why;
    return new Candidate(bank, ledger, score, false, rule, () -> before.get() + "; " + reason);
  }
}
