package org.tieout.matcher.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Counterparty names as banks print them (truncated, upper case, without accents or legal form)
 * against the ledger's full names. Similarity is 0..1; see {@link #similarity}.
 */
public final class Names {
  /**
   * Legal forms, each spelling under one code: two names that carry different ones are two parties
   * (Müller Software GmbH and Müller Software AB), however alike the rest.
   */
  private static final Map<String, String> LEGAL_FORMS =
      Map.ofEntries(
          Map.entry("GMBH", "GMBH"),
          Map.entry("MBH", "GMBH"),
          Map.entry("LTD", "LTD"),
          Map.entry("LIMITED", "LTD"),
          Map.entry("INC", "INC"),
          Map.entry("LLC", "LLC"),
          Map.entry("LLP", "LLP"),
          Map.entry("BV", "BV"),
          Map.entry("NV", "NV"),
          Map.entry("SA", "SA"),
          Map.entry("SAS", "SAS"),
          Map.entry("SARL", "SARL"),
          Map.entry("AG", "AG"),
          Map.entry("KG", "KG"),
          Map.entry("PLC", "PLC"),
          Map.entry("CORP", "CORP"),
          Map.entry("CORPORATION", "CORP"),
          Map.entry("OY", "OY"),
          Map.entry("AB", "AB"),
          Map.entry("AS", "AS"),
          Map.entry("SRL", "SRL"),
          Map.entry("SPA", "SPA"),
          Map.entry("SL", "SL"),
          Map.entry("PTY", "PTY"),
          Map.entry("UG", "UG"),
          Map.entry("OHG", "OHG"),
          Map.entry("EV", "EV"));

  /** Words a normalised name leaves out: the legal forms, and fillers ("& Co.", "The", "and"). */
  private static final Set<String> NOISE = noise();

  private static Set<String> noise() {
    Set<String> words = new java.util.HashSet<>(LEGAL_FORMS.keySet());
    words.addAll(List.of("CO", "COMPANY", "THE", "GBR", "AND", "UND", "ET", "DE", "LA", "OF"));
    return Set.copyOf(words);
  }

  private Names() {}

  /**
   * The legal forms a raw name carries, as written (upper case, accents and dots gone: "B.V." is
   * BV), in their order; the name's last word is then the last of them if {@code endsInForm}.
   */
  public record Forms(List<String> words, boolean endsInForm) {
    public static final Forms NONE = new Forms(List.of(), false);

    public boolean isEmpty() {
      return words.isEmpty();
    }

    /** The last form's code (LIMITED and LTD are one), null when there is none. */
    String code() {
      return words.isEmpty() ? null : LEGAL_FORMS.get(words.get(words.size() - 1));
    }

    boolean hasCode(String code) {
      for (String w : words) {
        if (LEGAL_FORMS.get(w).equals(code)) {
          return true;
        }
      }
      return false;
    }

    String last() {
      return words.get(words.size() - 1);
    }
  }

  /** The legal forms of a raw counterparty name; see {@link Forms}. */
  public static Forms legalForms(String name) {
    if (name == null || name.isBlank()) {
      return Forms.NONE;
    }
    String s = upperDecomposed(name);
    List<String> forms = null;
    boolean last = false;
    StringBuilder word = new StringBuilder();
    for (int i = 0; i <= s.length(); i++) {
      char c = i < s.length() ? s.charAt(i) : ' ';
      if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        word.append(c);
      } else if (c == '.' || Character.getType(c) == Character.NON_SPACING_MARK) {
        continue; // "B.V." is one word, BV
      } else if (word.length() > 0) {
        String w = word.toString();
        last = LEGAL_FORMS.containsKey(w);
        if (last) {
          if (forms == null) {
            forms = new ArrayList<>(2);
          }
          forms.add(w);
        }
        word.setLength(0);
      }
    }
    return forms == null ? Forms.NONE : new Forms(List.copyOf(forms), last);
  }

  /**
   * Whether two names carry different legal forms ({@link #similarity} caps them): each has one,
   * neither has the other's, and neither's last word is a bank's cut of a longer word of the other
   * ("SA" of SARL, "AG" of AGENTUR). An empty name has none.
   */
  public static boolean legalFormsDiffer(NameKey a, NameKey b) {
    Forms fa = a.forms;
    Forms fb = b.forms;
    if (fa.isEmpty() || fb.isEmpty()) {
      return false;
    }
    String ca = fa.code();
    String cb = fb.code();
    if (ca.equals(cb) || fb.hasCode(ca) || fa.hasCode(cb)) {
      return false;
    }
    return !(fa.endsInForm() && cutOf(fa.last(), b)) && !(fb.endsInForm() && cutOf(fb.last(), a));
  }

  /** Whether {@code word} is the start of a longer word of the name (its legal forms included). */
  private static boolean cutOf(String word, NameKey name) {
    return startsLonger(word, Arrays.asList(name.tokens)) || startsLonger(word, name.forms.words());
  }

  /** Upper case, accents and punctuation gone, legal forms and fillers dropped. */
  public static String normalise(String name) {
    if (name == null || name.isBlank()) {
      return "";
    }
    // German transliterations first, so that MUELLER (as a bank prints it) meets Müller
    String s =
        upperDecomposed(name)
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

  /** Upper case, accented letters decomposed into the letter and its mark (NFD). */
  private static String upperDecomposed(String name) {
    return (isAscii(name) ? name : Normalizer.normalize(name, Normalizer.Form.NFD))
        .toUpperCase(Locale.ROOT);
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
   * other name caps the score: two parties that differ in a word are two parties, and so are two
   * that carry different legal forms.
   */
  public static double similarity(String a, String b) {
    return similarity(NameKey.of(a), NameKey.of(b));
  }

  public static double similarity(NameKey a, NameKey b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    if (legalFormsDiffer(a, b)) {
      return Math.min(CONFLICT_CAP, unformed(a, b));
    }
    return unformed(a, b);
  }

  /** {@link #similarity} leaving legal forms aside. */
  private static double unformed(NameKey a, NameKey b) {
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
    return conflictingWord(a, b) ? Math.min(score, CONFLICT_CAP) : score;
  }

  static final double CONFLICT_CAP = 0.5;

  /**
   * Whether a word of the shorter name fits no word of the longer one, even as a truncation. A last
   * word cut by the bank still fits as a prefix, so truncation is no conflict; nor is a last word
   * that is the bank's cut of the other name's legal form ("OCONNOR ELEKTRO LT" of "O'Connor
   * Elektro Ltd": normalising drops LTD, not its cut LT).
   */
  private static boolean conflictingWord(NameKey a, NameKey b) {
    String[] ta = a.tokens;
    String[] tb = b.tokens;
    if (ta.length < 2 || tb.length < 2) {
      return false;
    }
    NameKey fewer = ta.length <= tb.length ? a : b;
    NameKey more = fewer == a ? b : a;
    String[] words = fewer.tokens;
    for (int i = 0; i < words.length; i++) {
      String t = words[i];
      boolean fits = false;
      for (String u : more.tokens) {
        if (u.startsWith(t) || t.startsWith(u)) {
          fits = true;
          break;
        }
      }
      if (!fits
          && !(i == words.length - 1 && (startsLonger(t, more.forms.words()) || cutOfAnd(t)))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code word} is what a bank's cut left of "and" ("AN", "UN"): banks spell out the
   * ledger's "&" ("Print & Media" is "PRINT AND MEDIA"), and the name's end is cut after it.
   */
  private static boolean cutOfAnd(String word) {
    return word.equals("AN") || word.equals("UN");
  }

  /** Whether {@code word} is the start, shorter than the whole, of one of the words. */
  private static boolean startsLonger(String word, List<String> words) {
    for (String u : words) {
      if (u.length() > word.length() && u.startsWith(word)) {
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
