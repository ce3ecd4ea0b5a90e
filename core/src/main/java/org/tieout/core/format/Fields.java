package org.tieout.core.format;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Strict parsers for the interchange format's field types. */
final class Fields {
  private Fields() {}

  /** yyyy-MM-dd; the fast path avoids a formatter for the millions of lines a big import has. */
  static LocalDate isoDate(String s) {
    if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
      int y = digits(s, 0, 4);
      int m = digits(s, 5, 7);
      int d = digits(s, 8, 10);
      if (y >= 0 && m >= 0 && d >= 0) {
        try {
          return LocalDate.of(y, m, d);
        } catch (DateTimeException e) {
          throw new IllegalArgumentException(
              "'" + s + "' is not a real date (" + e.getMessage() + ")");
        }
      }
    }
    throw new IllegalArgumentException("'" + s + "' is not an ISO date (expected yyyy-MM-dd)");
  }

  static OffsetDateTime timestamp(String s) {
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
