package org.tieout.review.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.tieout.matcher.Progress;

/**
 * A progress bar on standard error. On a terminal it redraws one line; in a log (no console) it
 * prints a line per stage at most every ten percent, so batch logs stay readable.
 */
final class ConsoleProgress implements Progress {
  private static final int WIDTH = 30;
  private final PrintStream err;
  private final boolean terminal;
  private final long startNanos = System.nanoTime();
  private String lastStage = "";
  private int lastDecile = -1;
  private long lastDrawNanos;

  ConsoleProgress(PrintStream err, boolean quiet) {
    this.err = quiet ? null : err;
    this.terminal = System.console() != null;
  }

  @Override
  public synchronized void update(String stage, long done, long total) {
    if (err == null) {
      return;
    }
    double share = total <= 0 ? 1 : Math.min(1, (double) done / total);
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    if (terminal) {
      long now = System.nanoTime();
      if (done < total && now - lastDrawNanos < 100_000_000L && stage.equals(lastStage)) {
        return;
      }
      lastDrawNanos = now;
      int filled = (int) Math.round(share * WIDTH);
      err.printf(
          Locale.ROOT,
          "\r%-34s [%s%s] %3.0f%% %6.1fs",
          stage,
          "#".repeat(filled),
          " ".repeat(WIDTH - filled),
          share * 100,
          seconds);
      if (done >= total) {
        err.println();
      }
      lastStage = stage;
      return;
    }
    int decile = (int) (share * 10);
    if (!stage.equals(lastStage)) {
      lastStage = stage;
      lastDecile = -1;
    }
    if (decile > lastDecile && (decile == 10 || total > 10_000)) {
      lastDecile = decile;
      err.printf(Locale.ROOT, "[%6.1fs] %s %d/%d%n", seconds, stage, done, total);
    }
  }
}
