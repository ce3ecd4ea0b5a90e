package org.tieout.matcher.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * Counterparty names as banks print them (truncated, upper case, without accents or legal form)
 * against the ledger's full names. Similarity is 0..1; see {@link #similarity}.
 */
public final class Names {
  private static final Set<String> NOISE =
      Set.of(
          "GMBH",
          "MBH",
          "LTD",
          "LIMITED",
          "INC",
          "LLC",
          "LLP",
          "BV",
          "NV",
          "SA",
          "SAS",
          "SARL",
          "AG",
          "KG",
          "PLC",
          "CO",
          "CORP",
          "CORPORATION",
          "COMPANY",
          "THE",
          "OY",
          "AB",
          "AS",
          "SRL",
          "SPA",
          "SL",
          "PTY",
          "UG",
          "EV",
          "OHG",
          "GBR",
          "AND",
          "UND",
          "ET",
          "DE",
          "LA",
          "OF");

  private Names() {}

  /** Upper case, accents and punctuation gone, legal forms and fillers dropped. */
  public static String normalise(String name) {
    if (name == null || name.isBlank()) {
      return "";
    }
    // German transliterations first, so that MUELLER (as a bank prints it) meets Müller
    String s =
        (isAscii(name) ? name : Normalizer.normalize(name, Normalizer.Form.NFD))
            .toUpperCase(Locale.ROOT)
            .replace("U\u0308", "U")
            .replace("O\u0308", "O")
            .replace("A\u0308", "A")
            .replace("UE", "U")
            .replace("OE", "O")
            .replace("AE", "A")
            .replace("\u00DF", "SS");
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        sb.append(c);
      } else if (Character.getType(c) != Character.NON_SPACING_MARK) {
        sb.append(' ');
      }
    }
    // the words, less the noise words, joined by one blank
    StringBuilder out = new StringBuilder(sb.length());
    int start = -1;
    for (int i = 0; i <= sb.length(); i++) {
      if (i == sb.length() || sb.charAt(i) == ' ') {
        if (start >= 0) {
          String t = sb.substring(start, i);
          if (!NOISE.contains(t)) {
            if (out.length() > 0) {
              out.append(' ');
            }
            out.append(t);
          }
          start = -1;
        }
      } else if (start < 0) {
        start = i;
      }
    }
    return out.toString();
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /**
   * How alike two names are, 0..1. A bank's truncation of the ledger name scores high (prefix), a
   * typo scores by shared trigrams, word order does not matter, and a word that fits no word of the
   * other name caps the score: two parties that differ in a word are two parties.
   */
  public static double similarity(String a, String b) {
    return similarity(NameKey.of(a), NameKey.of(b));
  }

  public static double similarity(NameKey a, NameKey b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    if (a.text.equals(b.text) || a.compact.equals(b.compact)) {
      return 1;
    }
    String shorter = a.compact.length() <= b.compact.length() ? a.compact : b.compact;
    String longer = shorter == a.compact ? b.compact : a.compact;
    double prefix = 0;
    if (shorter.length() >= 4 && longer.startsWith(shorter)) {
      // truncation: strong, a little stronger the more is kept
      prefix = 0.85 + 0.15 * shorter.length() / longer.length();
    }
    double score = Math.max(prefix, Math.max(tokenCover(a.tokens, b.tokens), dice(a, b)));
    return conflictingWord(a.tokens, b.tokens) ? Math.min(score, CONFLICT_CAP) : score;
  }

  static final double CONFLICT_CAP = 0.5;

  /**
   * Whether a word of the shorter name fits no word of the longer one, even as a truncation. A last
   * word cut by the bank still fits as a prefix, so truncation is no conflict.
   */
  private static boolean conflictingWord(String[] ta, String[] tb) {
    if (ta.length < 2 || tb.length < 2) {
      return false;
    }
    String[] fewer = ta.length <= tb.length ? ta : tb;
    String[] more = fewer == ta ? tb : ta;
    for (String t : fewer) {
      boolean fits = false;
      for (String u : more) {
        if (u.startsWith(t) || t.startsWith(u)) {
          fits = true;
          break;
        }
      }
      if (!fits) {
        return true;
      }
    }
    return false;
  }

  /** Share of the shorter name's words that start a word of the other (truncated last word). */
  private static double tokenCover(String[] ta, String[] tb) {
    String[] fewer = ta.length <= tb.length ? ta : tb;
    String[] more = fewer == ta ? tb : ta;
    int hit = 0;
    int chars = 0;
    for (String t : fewer) {
      for (String u : more) {
        if (t.length() >= 3 && u.startsWith(t) || u.length() >= 3 && t.startsWith(u)) {
          hit++;
          chars += Math.min(t.length(), u.length());
          break;
        }
      }
    }
    if (hit == 0 || chars < 4) {
      return 0;
    }
    return 0.9 * hit / fewer.length;
  }

  private static double dice(NameKey a, NameKey b) {
    long[] ga = a.grams();
    long[] gb = b.grams();
    if (ga.length == 0 || gb.length == 0) {
      return 0;
    }
    return 2.0 * SortedSets.common(ga, gb) / (ga.length + gb.length);
  }

  static long[] sortedGrams(String s) {
    if (s.length() < 3) {
      return new long[0];
    }
    long[] g = new long[s.length() - 2];
    for (int i = 0; i < g.length; i++) {
      g[i] = ((long) s.charAt(i) << 32) | ((long) s.charAt(i + 1) << 16) | s.charAt(i + 2);
    }
    java.util.Arrays.sort(g);
    return g;
  }

  /**
   * Whether the ledger name's words appear in a bank text (for lines with no counterparty field).
   */
  public static double containedIn(NameKey name, String paddedText) {
    if (name.isEmpty() || paddedText.isEmpty()) {
      return 0;
    }
    if (paddedText.contains(name.padded)) {
      return 0.95;
    }
    int hit = 0;
    for (String t : name.tokens) {
      if (t.length() >= 3 && paddedText.contains(" " + t)) {
        hit++;
      }
    }
    return hit == 0 ? 0 : 0.85 * hit / name.tokens.length;
  }
}
