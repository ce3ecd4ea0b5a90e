package org.tieout.core;

import java.util.Locale;

/** {@code auto_matched}: posted without review. {@code proposed}: waits for a reviewer. */
public enum MatchStatus {
  AUTO_MATCHED,
  PROPOSED;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static MatchStatus fromCode(String code) {
    return valueOf(code.trim().toUpperCase(Locale.ROOT));
  }
}
