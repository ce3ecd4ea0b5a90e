package org.tieout.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.tieout.core.BankLine;
import org.tieout.core.EntryId;
import org.tieout.core.LedgerEntry;
import org.tieout.core.MatchGroup;
import org.tieout.core.TransactionId;
import org.tieout.matcher.dataset.DatasetGenerator;

/** Invariants that hold for any book: checked on generated messy datasets of many seeds. */
class ReconcilerPropertiesTest {

  private static DatasetGenerator.Dataset dataset(long seed, int lines) {
    return new DatasetGenerator(
            new DatasetGenerator.Options(seed, lines, LocalDate.of(2026, 1, 1), 60))
        .generate(Progress.NONE);
  }

  @Property(tries = 15)
  void noItemIsEverInTwoGroups(
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
      @ForAll @IntRange(min = 50, max = 600) int lines) {
    DatasetGenerator.Dataset d = dataset(seed, lines);
    Reconciliation r =
        new Reconciler(MatchingConfig.defaultConfig(), Progress.NONE).run(d.bank(), d.ledger());
    Set<TransactionId> bank = new HashSet<>();
    Set<EntryId> ledger = new HashSet<>();
    for (MatchGroup g : r.groups()) {
      g.bankIds()
          .forEach(id -> assertThat(bank.add(id)).as("bank line %s in two groups", id).isTrue());
      g.ledgerIds()
          .forEach(id -> assertThat(ledger.add(id)).as("entry %s in two groups", id).isTrue());
    }
    assertThat(bank.size() + r.unmatchedBank().size()).isEqualTo(d.bank().size());
    assertThat(ledger.size() + r.unmatchedLedger().size()).isEqualTo(d.ledger().size());
  }

  @Property(tries = 15)
  void everyAutoMatchedGroupBalancesWithinTheTolerance(
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
    DatasetGenerator.Dataset d = dataset(seed, 400);
    MatchingConfig config = MatchingConfig.defaultConfig();
    Reconciliation r = new Reconciler(config, Progress.NONE).run(d.bank(), d.ledger());
    Map<TransactionId, BankLine> bank = new HashMap<>();
    d.bank().forEach(b -> bank.put(b.id(), b));
    Map<EntryId, LedgerEntry> ledger = new HashMap<>();
    d.ledger().forEach(e -> ledger.put(e.id(), e));
    for (MatchGroup g : r.groups()) {
      if (!g.isAuto()) {
        continue;
      }
      long bankSum = g.bankIds().stream().mapToLong(id -> bank.get(id).amount().minor()).sum();
      long ledgerSum =
          g.ledgerIds().stream().mapToLong(id -> ledger.get(id).amount().minor()).sum();
      LedgerEntry any = ledger.get(g.ledgerIds().get(0));
      long tolerance =
          config.forAccount(any.accountId()).toleranceMinor(ledgerSum, any.amount().currencyCode());
      assertThat(Math.abs(bankSum - ledgerSum)).as("group %s", g).isLessThanOrEqualTo(tolerance);
      assertThat(g.explanation()).isNotBlank();
    }
  }

  @Property(tries = 5)
  void theSameInputGivesTheSameOutput(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
    DatasetGenerator.Dataset d = dataset(seed, 500);
    Reconciliation a =
        new Reconciler(MatchingConfig.defaultConfig(), Progress.NONE).run(d.bank(), d.ledger());
    Reconciliation b =
        new Reconciler(MatchingConfig.defaultConfig(), Progress.NONE).run(d.bank(), d.ledger());
    assertThat(a.groups()).isEqualTo(b.groups());
  }
}
