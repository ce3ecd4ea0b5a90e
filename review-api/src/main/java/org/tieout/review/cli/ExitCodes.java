package org.tieout.review.cli;

/** The command line's exit codes, documented in the README. */
public final class ExitCodes {
  /** Everything ran. */
  public static final int OK = 0;

  /** Something broke that is not the input's fault (a bug, a full disk). */
  public static final int INTERNAL = 1;

  /** The command line itself was wrong. */
  public static final int USAGE = 2;

  /** An input file has bad rows or cannot be read; nothing was written. */
  public static final int BAD_INPUT = 3;

  /** The database could not be reached or refused a write; what was committed stays consistent. */
  public static final int DATABASE = 4;

  /** An evaluation fell below its thresholds. */
  public static final int BELOW_THRESHOLD = 5;

  private ExitCodes() {}
}
