package org.tieout.core.format;

import java.util.HashMap;
import java.util.Map;

/**
 * Shares one copy of values that repeat across rows (account ids, currencies, counterparty names,
 * entry types, users): a large import holds each once instead of a million times. Bounded, so a
 * column of unique values costs no more than a small map.
 */
final class Interner {
  private static final int MAX = 200_000;
  private final Map<String, String> values = new HashMap<>();

  String of(String s) {
    if (s == null) {
      return null;
    }
    String known = values.get(s);
    if (known != null) {
      return known;
    }
    if (values.size() < MAX) {
      values.put(s, s);
    }
    return s;
  }
}
