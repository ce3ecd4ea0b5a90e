package org.tieout.matcher;

import java.util.List;
import java.util.Map;
import org.tieout.core.BankLine;
import org.tieout.core.LedgerEntry;
import org.tieout.core.MatchGroup;

/**
 * The result of matching: groups (auto-matched and proposed; no item in two), what is left on each
 * side, and per rule how many groups it made.
 */
public record Reconciliation(
    List<MatchGroup> groups,
    List<BankLine> unmatchedBank,
    List<LedgerEntry> unmatchedLedger,
    Map<String, RuleCount> byRule) {

  public record RuleCount(int autoMatched, int proposed) {}

  public long autoMatchedGroups() {
    return groups.stream().filter(MatchGroup::isAuto).count();
  }
}
