package org.tieout.matcher.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
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
        Normalizer.normalize(name, Normalizer.Form.NFD)
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
    List<String> kept = new ArrayList<>();
    for (String t : sb.toString().split(" +")) {
      if (!t.isEmpty() && !NOISE.contains(t)) {
        kept.add(t);
      }
    }
    return String.join(" ", kept);
  }

  /** A short blocking key: the first letters of the normalised name, for candidate lookup. */
  public static String blockKey(String normalised) {
    if (normalised.isEmpty()) {
      return "";
    }
    int end = normalised.indexOf(' ');
    String first = end < 0 ? normalised : normalised.substring(0, end);
    return first.length() > 4 ? first.substring(0, 4) : first;
  }

  /**
   * How alike two normalised names are, 0..1. A bank's truncation of the ledger name scores high
   * (prefix), a typo scores by shared trigrams, word order does not matter.
   */
  public static double similarity(String a, String b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    if (a.equals(b)) {
      return 1;
    }
    String ca = a.replace(" ", "");
    String cb = b.replace(" ", "");
    if (ca.equals(cb)) {
      return 1;
    }
    String shorter = ca.length() <= cb.length() ? ca : cb;
    String longer = shorter == ca ? cb : ca;
    double prefix = 0;
    if (shorter.length() >= 4 && longer.startsWith(shorter)) {
      // truncation: strong, a little stronger the more is kept
      prefix = 0.85 + 0.15 * shorter.length() / longer.length();
    }
    double score = Math.max(prefix, Math.max(tokenCover(a, b), trigramDice(ca, cb)));
    return conflictingWord(a, b) ? Math.min(score, CONFLICT_CAP) : score;
  }

  /** Two names that differ in a whole word are two parties: Schneider Ventures ZJ is not ... DZ. */
  static final double CONFLICT_CAP = 0.5;

  /**
   * Whether a word of the shorter name fits no word of the longer one, even as a truncation. A last
   * word cut by the bank still fits as a prefix, so truncation is no conflict.
   */
  private static boolean conflictingWord(String a, String b) {
    String[] ta = a.split(" ");
    String[] tb = b.split(" ");
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
  private static double tokenCover(String a, String b) {
    String[] ta = a.split(" ");
    String[] tb = b.split(" ");
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

  static double trigramDice(String a, String b) {
    if (a.length() < 3 || b.length() < 3) {
      return 0;
    }
    int na = a.length() - 2;
    int nb = b.length() - 2;
    long[] ga = grams(a);
    long[] gb = grams(b);
    java.util.Arrays.sort(ga);
    java.util.Arrays.sort(gb);
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < na && j < nb) {
      if (ga[i] == gb[j]) {
        common++;
        i++;
        j++;
      } else if (ga[i] < gb[j]) {
        i++;
      } else {
        j++;
      }
    }
    return 2.0 * common / (na + nb);
  }

  private static long[] grams(String s) {
    long[] g = new long[s.length() - 2];
    for (int i = 0; i < g.length; i++) {
      g[i] = ((long) s.charAt(i) << 32) | ((long) s.charAt(i + 1) << 16) | s.charAt(i + 2);
    }
    return g;
  }

  /**
   * Whether the ledger name's words appear in a bank text (for lines with no counterparty field).
   */
  public static double containedIn(String normalisedName, String normalisedText) {
    if (normalisedName.isEmpty() || normalisedText.isEmpty()) {
      return 0;
    }
    String padded = " " + normalisedText + " ";
    if (padded.contains(" " + normalisedName + " ")) {
      return 0.95;
    }
    String[] tokens = normalisedName.split(" ");
    int hit = 0;
    for (String t : tokens) {
      if (t.length() >= 3 && padded.contains(" " + t)) {
        hit++;
      }
    }
    return hit == 0 ? 0 : 0.85 * hit / tokens.length;
  }
}
