package org.tieout.core.format;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Strict parsers for the interchange format's field types. */
final class Fields {
  private Fields() {}

  /** The first year whose dates {@link #isoDate} shares one instance of. */
  private static final int SHARED_FROM_YEAR = 1900;

  /**
   * One instance per day of 1900-2199, made when first read: a million-line import has a few
   * hundred distinct dates, and millions of copies of them cost the collector more than the rest of
   * a row. Unsynchronised on purpose: a {@code LocalDate} is immutable, so a thread that sees no
   * instance yet makes an equal one.
   */
  private static final LocalDate[] SHARED_DATES = new LocalDate[300 * 12 * 31];

  /** yyyy-MM-dd; the fast path avoids a formatter for the millions of lines a big import has. */
  static LocalDate isoDate(String s) {
    if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
      int y = digits(s, 0, 4);
      int m = digits(s, 5, 7);
      int d = digits(s, 8, 10);
      if (y >= 0 && m >= 0 && d >= 0) {
        int slot = ((y - SHARED_FROM_YEAR) * 12 + (m - 1)) * 31 + (d - 1);
        boolean shared =
            y >= SHARED_FROM_YEAR
                && m >= 1
                && m <= 12
                && d >= 1
                && d <= 31
                && slot < SHARED_DATES.length;
        LocalDate known = shared ? SHARED_DATES[slot] : null;
        if (known != null) {
          return known;
        }
        try {
          LocalDate date = LocalDate.of(y, m, d);
          if (shared) {
            SHARED_DATES[slot] = date;
          }
          return date;
        } catch (DateTimeException e) {
          throw new IllegalArgumentException(
              "'" + s + "' is not a real date (" + e.getMessage() + ")");
        }
      }
    }
    throw new IllegalArgumentException("'" + s + "' is not an ISO date (expected yyyy-MM-dd)");
  }

  static OffsetDateTime timestamp(String s) {
    OffsetDateTime fast = fastTimestamp(s);
    if (fast != null) {
      return fast;
    }
    try {
      return OffsetDateTime.parse(s);
    } catch (DateTimeParseException e) {
      try {
        return java.time.Instant.parse(s).atOffset(java.time.ZoneOffset.UTC);
      } catch (DateTimeParseException e2) {
        throw new IllegalArgumentException(
            "'" + s + "' is not an ISO-8601 timestamp (expected e.g. 2026-03-01T17:45:00Z)");
      }
    }
  }

  /**
   * {@code yyyy-MM-ddTHH:mm}, optional {@code :ss} and fraction, then {@code Z} or {@code ±HH:MM}:
   * the forms exports write (Java's own writes no seconds when they are zero). The JDK parser
   * copies a map per optional section, too slow for millions of rows; anything else falls back to
   * it.
   */
  private static OffsetDateTime fastTimestamp(String s) {
    if (s.length() < 17 || s.charAt(10) != 'T' || s.charAt(13) != ':') {
      return null;
    }
    LocalDate date;
    try {
      date = isoDate(s.substring(0, 10));
    } catch (IllegalArgumentException e) {
      return null;
    }
    int hour = digits(s, 11, 13);
    int minute = digits(s, 14, 16);
    int second = 0;
    int i = 16;
    int nanos = 0;
    if (s.charAt(i) == ':') {
      if (s.length() < 20) {
        return null;
      }
      second = digits(s, 17, 19);
      i = 19;
      if (s.charAt(i) == '.') {
        int start = ++i;
        while (i < s.length() && Character.isDigit(s.charAt(i)) && i - start < 9) {
          nanos = nanos * 10 + (s.charAt(i) - '0');
          i++;
        }
        for (int k = i - start; k < 9; k++) {
          nanos *= 10;
        }
      }
    }
    if (hour < 0 || minute < 0 || second < 0) {
      return null;
    }
    java.time.ZoneOffset offset;
    String zone = s.substring(i);
    if (zone.equals("Z")) {
      offset = java.time.ZoneOffset.UTC;
    } else if (zone.length() == 6
        && (zone.charAt(0) == '+' || zone.charAt(0) == '-')
        && zone.charAt(3) == ':') {
      int oh = digits(zone, 1, 3);
      int om = digits(zone, 4, 6);
      if (oh < 0 || om < 0) {
        return null;
      }
      int sign = zone.charAt(0) == '-' ? -1 : 1;
      try {
        offset = java.time.ZoneOffset.ofHoursMinutes(sign * oh, sign * om);
      } catch (DateTimeException e) {
        return null;
      }
    } else {
      return null;
    }
    try {
      return OffsetDateTime.of(date, java.time.LocalTime.of(hour, minute, second, nanos), offset);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  static String blankToNull(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    return t.isEmpty() ? null : t;
  }
}
