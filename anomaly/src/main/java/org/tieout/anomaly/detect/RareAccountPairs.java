package org.tieout.anomaly.detect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tieout.anomaly.AnomalyConfig;
import org.tieout.anomaly.AnomalyType;
import org.tieout.anomaly.Detector;
import org.tieout.anomaly.Flag;
import org.tieout.anomaly.Ledger;
import org.tieout.core.LedgerEntry;

/**
 * Accounts that never go together: a counterparty booked to a GL account it has (almost) never used
 * while its other entries go elsewhere, or an entry type on a GL account it hardly ever touches.
 */
public final class RareAccountPairs implements Detector {
  @Override
  public String name() {
    return "rare_account_pair";
  }

  @Override
  public List<Flag> detect(Ledger ledger, AnomalyConfig config) {
    Map<String, Integer> partyGl = new HashMap<>();
    Map<String, Integer> typeGl = new HashMap<>();
    Map<String, Integer> types = new HashMap<>();
    for (int i = 0; i < ledger.size(); i++) {
      LedgerEntry e = ledger.get(i);
      partyGl.merge(ledger.party(i) + '|' + e.glAccount(), 1, Integer::sum);
      typeGl.merge(e.entryType() + '|' + e.glAccount(), 1, Integer::sum);
      types.merge(String.valueOf(e.entryType()), 1, Integer::sum);
    }
    List<Flag> flags = new ArrayList<>();
    for (int i = 0; i < ledger.size(); i++) {
      LedgerEntry e = ledger.get(i);
      if (e.glAccount() == null) {
        continue;
      }
      List<Integer> history = ledger.byParty().get(ledger.party(i));
      int partyTotal = history == null ? 0 : history.size();
      int pair = partyGl.get(ledger.party(i) + '|' + e.glAccount());
      if (partyTotal >= config.minHistory() && pair == 1) {
        flags.add(
            new Flag(
                e.id(),
                AnomalyType.RARE_ACCOUNT_PAIR,
                0.85,
                "the only entry of "
                    + e.counterpartyName()
                    + " on GL "
                    + e.glAccount()
                    + "; its other "
                    + (partyTotal - 1)
                    + " entries went to other accounts"));
        continue;
      }
      int typeTotal = types.get(String.valueOf(e.entryType()));
      int typePair = typeGl.get(e.entryType() + '|' + e.glAccount());
      if (e.entryType() != null
          && typeTotal >= 200
          && typePair <= 2
          && typePair * 1000 < typeTotal) {
        flags.add(
            new Flag(
                e.id(),
                AnomalyType.RARE_ACCOUNT_PAIR,
                0.7,
                e.entryType()
                    + " on GL "
                    + e.glAccount()
                    + " happens "
                    + typePair
                    + " time(s) in "
                    + typeTotal
                    + " "
                    + e.entryType()
                    + " entries"));
      }
    }
    return flags;
  }
}
