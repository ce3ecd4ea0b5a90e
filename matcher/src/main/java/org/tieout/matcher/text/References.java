package org.tieout.matcher.text;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Invoice, bill and payout numbers, normalised so that the ledger's {@code INV-000123} and the
 * bank's {@code inv 123} or {@code Rechnung Nr. 0123} meet: upper case, punctuation and blanks
 * dropped, a leading alphabetic prefix dropped, leading zeros dropped. A key needs at least {@link
 * #MIN_DIGITS} digits, so that a day of the month or a short code is never taken for one.
 *
 * <p>A reference in several parts ({@code INV/2026/04521}) has a second key, its segmented key,
 * with each part's leading zeros dropped and the parts joined by {@code -} ({@code 2026-4521}): a
 * payer who writes {@code INV 2026/4521} drops the padding of the number inside. The compact key
 * still meets {@code INV202604521}; the separator keeps a date ({@code 2026-04-02}, {@code
 * 2026-4-2}) from meeting a number ({@code RE-2026-0042}, {@code 2026-42}).
 */
public final class References {
  public static final int MIN_DIGITS = 3;
  private static final int MAX_JOINED_TOKENS = 3;

  private References() {}

  /** The key of a ledger document reference, or null when it has too few digits to be one. */
  public static String key(String reference) {
    String[] keys = keys(reference);
    return keys.length == 0 ? null : keys[0];
  }

  /**
   * Every key of a ledger document reference: its {@link #key} and, for a reference in several
   * parts, its segmented key; empty when it has too few digits.
   */
  public static String[] keys(String reference) {
    if (reference == null) {
      return new String[0];
    }
    Set<String> keys = new LinkedHashSet<>();
    keysOfRun(reference, keys);
    return keys.toArray(String[]::new);
  }

  /** The keys of one text taken whole, as one run of tokens: the compact key first. */
  private static void keysOfRun(String text, Set<String> keys) {
    // compacted: upper case, letters A-Z and digits only, marking where each part starts
    char[] buf = new char[text.length()];
    boolean[] starts = new boolean[text.length() + 1];
    int n = 0;
    boolean apart = true;
    for (int i = 0; i < text.length(); i++) {
      char u = Character.toUpperCase(text.charAt(i));
      if ((u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9')) {
        starts[n] = apart;
        buf[n++] = u;
        apart = false;
      } else {
        apart = true;
      }
    }
    String k = keyOf(buf, 0, n);
    if (k != null) {
      keys.add(k);
      String segmented = segmentedKeyOf(buf, starts, 0, n);
      if (segmented != null) {
        keys.add(segmented);
      }
    }
  }

  /**
   * Every key a free text could contain: each blank-separated token, and runs of up to three
   * adjacent tokens joined (for {@code INV 2024 00123}), each normalised by {@link #key}.
   */
  public static Set<String> keysIn(String... texts) {
    Set<String> keys = new LinkedHashSet<>();
    for (String text : texts) {
      if (text != null && !text.isEmpty()) {
        keysIn(text, keys);
      }
    }
    return keys;
  }

  /**
   * The key of joined tokens is that of their compact forms joined. Each token is compacted once,
   * into one buffer in token order, so a run of tokens is a stretch of the buffer; a run with too
   * few digits in all is no key (most runs of words are not), and a string is made only for a key.
   */
  private static void keysIn(String text, Set<String> keys) {
    int length = text.length();
    char[] buf = new char[length];
    // where a part starts in buf: after a blank or any punctuation
    boolean[] starts = new boolean[length + 1];
    int[] ends = new int[length / 2 + 1]; // where each token's compact form ends in buf
    int[] digits = new int[ends.length];
    int tokens = 0;
    int used = 0;
    boolean inToken = false;
    boolean apart = true;
    for (int i = 0; i <= length; i++) {
      char c = i == length ? ' ' : text.charAt(i);
      if (isSeparator(c)) {
        if (inToken) {
          ends[tokens++] = used;
          inToken = false;
        }
        apart = true;
        continue;
      }
      if (!inToken) {
        inToken = true;
        digits[tokens] = 0;
      }
      char u = Character.toUpperCase(c);
      if (u >= '0' && u <= '9') {
        digits[tokens]++;
        starts[used] = apart;
        buf[used++] = u;
        apart = false;
      } else if (u >= 'A' && u <= 'Z') {
        starts[used] = apart;
        buf[used++] = u;
        apart = false;
      } else {
        apart = true;
      }
    }
    for (int i = 0; i < tokens; i++) {
      int from = i == 0 ? 0 : ends[i - 1];
      int inRun = 0;
      for (int j = i; j < Math.min(tokens, i + MAX_JOINED_TOKENS); j++) {
        inRun += digits[j];
        if (inRun >= MIN_DIGITS) {
          String k = keyOf(buf, from, ends[j]);
          if (k != null) {
            keys.add(k);
            String segmented = segmentedKeyOf(buf, starts, from, ends[j]);
            if (segmented != null) {
              keys.add(segmented);
            }
          }
        }
      }
    }
  }

  /**
   * The segmented key of {@code buf[from, to)}, whose parts start where {@code starts} says: the
   * leading letters dropped as in {@link #keyOf}, then each part's leading zeros, the parts joined
   * by {@code -}; null for a text of one part (its key is the compact one).
   */
  private static String segmentedKeyOf(char[] buf, boolean[] starts, int from, int to) {
    int start = from;
    while (start < to && buf[start] >= 'A' && buf[start] <= 'Z') {
      start++;
    }
    boolean parts = false;
    for (int i = start + 1; i < to; i++) {
      parts |= starts[i];
    }
    if (!parts) {
      return null;
    }
    StringBuilder sb = new StringBuilder(to - start + 4);
    int digits = 0;
    for (int i = start; i < to; i++) {
      if (i == start || starts[i]) {
        if (sb.length() > 0) {
          sb.append('-');
        }
        // a part's leading zeros, but not the last digit of a part that is all zeros
        while (buf[i] == '0' && i + 1 < to && !starts[i + 1] && buf[i + 1] <= '9') {
          i++;
        }
      }
      digits += buf[i] <= '9' ? 1 : 0;
      sb.append(buf[i]);
    }
    return digits >= MIN_DIGITS ? sb.toString() : null;
  }

  /**
   * The key of the compacted text {@code buf[from, to)} (upper-case letters and digits only): its
   * leading letters and zeros dropped, if {@link #MIN_DIGITS} digits remain; a string is made only
   * for a key.
   */
  private static String keyOf(char[] buf, int from, int to) {
    int start = from;
    while (start < to && buf[start] >= 'A' && buf[start] <= 'Z') {
      start++;
    }
    while (start < to - 1 && buf[start] == '0') {
      start++;
    }
    int n = 0;
    for (int i = start; i < to; i++) {
      if (buf[i] <= '9') {
        n++;
      }
    }
    return n >= MIN_DIGITS ? new String(buf, start, to - start) : null;
  }

  private static boolean isSeparator(char c) {
    return Character.isWhitespace(c)
        || c == ','
        || c == ';'
        || c == '|'
        || c == '('
        || c == ')'
        || c == ':'
        || c == '+';
  }

  /**
   * A key that could as well be a year, a day count or a short number ({@code 2026}, {@code 512}):
   * all digits and at most four of them. Enough to confirm a fit whose amounts agree, not enough to
   * contradict one.
   */
  public static boolean isWeak(String key) {
    if (key.length() > 4) {
      return false;
    }
    for (int i = 0; i < key.length(); i++) {
      if (!Character.isDigit(key.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether one of the texts (a line's description and bank reference, as for {@link #keysIn})
   * quotes a reference whole: its letters then its number, leading zeros optional, punctuation and
   * blanks aside ({@code FACTURE F 0004807} quotes {@code F0004807}; {@code ORDER 4807} does not).
   * A reference without letters before its number is never quoted whole.
   */
  public static boolean quotedWhole(String reference, String... texts) {
    if (reference == null) {
      return false;
    }
    String ref = compact(reference);
    int letters = 0;
    while (letters < ref.length() && ref.charAt(letters) >= 'A' && ref.charAt(letters) <= 'Z') {
      letters++;
    }
    int number = letters;
    while (number < ref.length() - 1 && ref.charAt(number) == '0') {
      number++;
    }
    if (letters == 0 || number == ref.length()) {
      return false;
    }
    String prefix = ref.substring(0, letters);
    String rest = ref.substring(number);
    for (String text : texts) {
      if (text != null && quotes(compact(text), prefix, rest)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the compacted text holds {@code prefix}, leading zeros, then {@code rest} whole. */
  private static boolean quotes(String t, String prefix, String rest) {
    int letters = prefix.length();
    for (int at = t.indexOf(prefix); at >= 0; at = t.indexOf(prefix, at + 1)) {
      int i = at + letters;
      while (i < t.length() && t.charAt(i) == '0') {
        i++;
      }
      if (t.startsWith(rest, i)
          && (i + rest.length() == t.length() || !isDigit(t, i + rest.length()))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isDigit(String s, int i) {
    return s.charAt(i) >= '0' && s.charAt(i) <= '9';
  }

  /** Upper case, letters A-Z and digits only. */
  private static String compact(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char u = Character.toUpperCase(text.charAt(i));
      if ((u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9')) {
        sb.append(u);
      }
    }
    return sb.toString();
  }

  /** True when two keys differ by one edit (a typo): substitution, insertion or deletion. */
  public static boolean oneEditApart(String a, String b) {
    // keys this short differ by one digit from too many others to call it a typo
    if (Math.min(a.length(), b.length()) < MIN_DIGITS + 1) {
      return false;
    }
    return org.tieout.core.DocumentReferences.oneEditApart(a, b);
  }
}
