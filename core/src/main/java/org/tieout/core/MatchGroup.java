package org.tieout.core;

import java.util.List;
import java.util.Objects;

/**
 * Bank lines and ledger entries that settle each other (1:1, 1:N, N:1 or N:M), with the stage and
 * rule that made the group and why.
 *
 * @param confidence 0..1, how sure the stage is
 * @param alternatives other groups that fitted as well; a reviewer chooses among them
 */
public record MatchGroup(
    List<TransactionId> bankIds,
    List<EntryId> ledgerIds,
    MatchStage stage,
    String rule,
    double confidence,
    MatchStatus status,
    String explanation,
    List<Alternative> alternatives) {

  public MatchGroup {
    bankIds = List.copyOf(bankIds);
    ledgerIds = List.copyOf(ledgerIds);
    if (bankIds.isEmpty() && ledgerIds.isEmpty()) {
      throw new IllegalArgumentException("a match group needs at least one id");
    }
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be within 0..1, got " + confidence);
    }
    alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
  }

  /** A truth or imported group: ids only. */
  public static MatchGroup ofIds(List<TransactionId> bankIds, List<EntryId> ledgerIds) {
    return new MatchGroup(bankIds, ledgerIds, null, null, 1.0, null, null, List.of());
  }

  public boolean isAuto() {
    return status == MatchStatus.AUTO_MATCHED;
  }

  /** Another set of ledger entries (or bank lines) that fitted equally well. */
  public record Alternative(List<TransactionId> bankIds, List<EntryId> ledgerIds) {
    public Alternative {
      bankIds = List.copyOf(Objects.requireNonNull(bankIds));
      ledgerIds = List.copyOf(Objects.requireNonNull(ledgerIds));
    }
  }
}
