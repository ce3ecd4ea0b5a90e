package org.tieout.anomaly;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tieout.core.LedgerEntry;

/**
 * A ledger prepared for the detectors: entries in posting order, with normalised counterparty names
 * and references, and the groups (by counterparty, by GL account, by poster) the tests compare an
 * entry against.
 */
public final class Ledger {
  final List<LedgerEntry> entries;
  final String[] party;
  final String[] ref;
  final double[] logAmount;
  final Map<String, List<Integer>> byParty = new HashMap<>();

  public Ledger(List<LedgerEntry> input) {
    List<LedgerEntry> sorted = new ArrayList<>(input);
    sorted.sort(Comparator.comparing(LedgerEntry::postingDate).thenComparing(e -> e.id().value()));
    this.entries = List.copyOf(sorted);
    int n = entries.size();
    party = new String[n];
    ref = new String[n];
    logAmount = new double[n];
    for (int i = 0; i < n; i++) {
      LedgerEntry e = entries.get(i);
      party[i] = normalise(e.counterpartyName());
      ref[i] = referenceKey(e.documentRef());
      logAmount[i] = Math.log10(Math.max(1, Math.abs(e.amount().minor())));
      if (!party[i].isEmpty()) {
        byParty.computeIfAbsent(party[i], k -> new ArrayList<>()).add(i);
      }
    }
  }

  public Map<String, List<Integer>> byParty() {
    return byParty;
  }

  public String party(int i) {
    return party[i];
  }

  public String ref(int i) {
    return ref[i];
  }

  public double logAmount(int i) {
    return logAmount[i];
  }

  public int size() {
    return entries.size();
  }

  public LedgerEntry get(int i) {
    return entries.get(i);
  }

  /** Upper case letters and digits only: enough to group one counterparty's entries. */
  static String normalise(String name) {
    if (name == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(name.length());
    for (char c : name.toUpperCase(Locale.ROOT).toCharArray()) {
      if (Character.isLetterOrDigit(c)) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** A document reference without case, punctuation or leading zeros: INV-00042 is INV42. */
  static String referenceKey(String reference) {
    String n = normalise(reference);
    if (n.isEmpty()) {
      return null;
    }
    int letters = 0;
    while (letters < n.length() && Character.isLetter(n.charAt(letters))) {
      letters++;
    }
    int digits = letters;
    while (digits < n.length() - 1 && n.charAt(digits) == '0') {
      digits++;
    }
    return n.substring(0, letters) + n.substring(digits);
  }
}
