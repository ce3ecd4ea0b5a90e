package org.tieout.core;

import java.util.Locale;

/** Which stage made a match group; written in lower case in the interchange format. */
public enum MatchStage {
  RULE,
  LEARNED,
  RETRIEVAL,
  LLM,
  MANUAL;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static MatchStage fromCode(String code) {
    return valueOf(code.trim().toUpperCase(Locale.ROOT));
  }
}
