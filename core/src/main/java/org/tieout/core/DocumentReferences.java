package org.tieout.core;

/**
 * Invoice, bill and payout numbers as people type them. Matching and anomaly detection both need to
 * know when two references are the same number with one slip of the finger.
 */
public final class DocumentReferences {
  private DocumentReferences() {}

  /**
   * Whether two references differ by exactly one typo: a character changed, added or dropped, or
   * two neighbours swapped ({@code 2026004} and {@code 2026040}).
   */
  public static boolean oneEditApart(String a, String b) {
    if (a.equals(b)) {
      return false;
    }
    int la = a.length();
    int lb = b.length();
    if (Math.abs(la - lb) > 1) {
      return false;
    }
    int i = 0;
    int j = 0;
    boolean edited = false;
    while (i < la && j < lb) {
      if (a.charAt(i) == b.charAt(j)) {
        i++;
        j++;
        continue;
      }
      if (edited) {
        return false;
      }
      edited = true;
      if (la > lb) {
        i++;
      } else if (lb > la) {
        j++;
      } else if (i + 1 < la && a.charAt(i) == b.charAt(j + 1) && a.charAt(i + 1) == b.charAt(j)) {
        i += 2; // swapped neighbours count as one typo
        j += 2;
      } else {
        i++;
        j++;
      }
    }
    return true;
  }
}
