package org.tieout.matcher.text;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The months a text names ("SALARY OCT 2025", "Rent / subscription October 2025", "10/2025",
 * "2025-10"): what tells one month's salary or rent from the next when the amount, the payee and
 * the dates all look alike. Each month is {@code year * 12 + month - 1}.
 */
public final class Periods {
  private Periods() {}

  public static final int[] NONE = new int[0];

  private static final Map<String, Integer> MONTHS =
      Map.ofEntries(
          Map.entry("JAN", 1),
          Map.entry("FEB", 2),
          Map.entry("MAR", 3),
          Map.entry("MRZ", 3),
          Map.entry("APR", 4),
          Map.entry("MAY", 5),
          Map.entry("MAI", 5),
          Map.entry("JUN", 6),
          Map.entry("JUL", 7),
          Map.entry("AUG", 8),
          Map.entry("SEP", 9),
          Map.entry("OCT", 10),
          Map.entry("OKT", 10),
          Map.entry("NOV", 11),
          Map.entry("DEC", 12),
          Map.entry("DEZ", 12));

  private static final Pattern NAMED =
      Pattern.compile(
          "\\b(JAN|FEB|MAR|MRZ|APR|MAY|MAI|JUN|JUL|AUG|SEP|OCT|OKT|NOV|DEC|DEZ)[A-Z]*[ ./-]*"
              + "(20\\d\\d|\\d\\d)\\b");
  private static final Pattern MONTH_YEAR =
      Pattern.compile("\\b(0?[1-9]|1[0-2])[/.-](20\\d\\d)\\b");
  private static final Pattern YEAR_MONTH = Pattern.compile("\\b(20\\d\\d)[/.-](0[1-9]|1[0-2])\\b");

  /** The distinct months named in {@code text}, sorted; {@link #NONE} for none. */
  public static int[] in(String text) {
    if (text == null || !hasDigit(text)) {
      return NONE; // every form names the year in digits
    }
    String t = text.toUpperCase(Locale.ROOT);
    // most texts with a digit name no month ("Card sale order 100423", "INV-2026-001167" is one
    // the numeric patterns must still read): a pattern runs only when what it cannot match without
    // is there
    return in(t, namesAMonth(t), separatedYear(t));
  }

  private static boolean hasDigit(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a separator ({@code / . -}) follows or precedes "20": both numeric forms have one
   * between the month and a year 20xx, before it (10/2025) or after it (2025-10).
   */
  static boolean separatedYear(String t) {
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '/' || c == '.' || c == '-') {
        if (i + 2 < t.length() && t.charAt(i + 1) == '2' && t.charAt(i + 2) == '0') {
          return true;
        }
        if (i >= 4 && t.charAt(i - 4) == '2' && t.charAt(i - 3) == '0') {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The months an upper-case text names by name ({@code named}) and in digits with a separator
   * ({@code numeric}); either false only when that form cannot match.
   */
  static int[] in(String t, boolean named, boolean numeric) {
    int[] out = new int[4];
    int n = 0;
    if (named) {
      Matcher m = NAMED.matcher(t);
      while (m.find() && n < out.length) {
        int year = Integer.parseInt(m.group(2));
        out[n++] = (year < 100 ? 2000 + year : year) * 12 + MONTHS.get(m.group(1)) - 1;
      }
    }
    if (numeric) {
      Matcher m = MONTH_YEAR.matcher(t);
      while (m.find() && n < out.length) {
        out[n++] = Integer.parseInt(m.group(2)) * 12 + Integer.parseInt(m.group(1)) - 1;
      }
      m = YEAR_MONTH.matcher(t);
      while (m.find() && n < out.length) {
        out[n++] = Integer.parseInt(m.group(1)) * 12 + Integer.parseInt(m.group(2)) - 1;
      }
    }
    return n == 0 ? NONE : Arrays.stream(out, 0, n).distinct().sorted().toArray();
  }

  private static final String[] MONTH_NAMES = MONTHS.keySet().toArray(String[]::new);

  private static boolean namesAMonth(String t) {
    for (String name : MONTH_NAMES) {
      if (t.contains(name)) {
        return true;
      }
    }
    return false;
  }

  /** Whether two sorted sets of months share one. */
  public static boolean share(int[] a, int[] b) {
    for (int x : a) {
      if (Arrays.binarySearch(b, x) >= 0) {
        return true;
      }
    }
    return false;
  }
}
