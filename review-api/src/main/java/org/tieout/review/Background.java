package org.tieout.review;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Work started beside the caller's, and its outcome taken back. */
public final class Background {
  private Background() {}

  /**
   * The work's result, waiting for it; its failure is rethrown as itself, as if the work had run on
   * the caller's thread, so that callers and the command line report it the same either way.
   */
  public static <T> T join(CompletableFuture<T> work) {
    try {
      return work.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }
}
