package org.tieout.matcher;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Loops over items of very uneven cost, run on every core to the end.
 *
 * <p>A parallel stream splits its range up front into about four parts per core of the common pool.
 * On two cores that is four parts in all, so near the end one thread can be left with a quarter of
 * the work while the other idles. That happens when costly items cluster in one part: a processor's
 * payouts, or a busy customer's lines, are many subset searches each. Here the threads instead
 * claim small runs of items as they free up. The tail is then at most one run.
 */
final class Parallel {
  private Parallel() {}

  /**
   * Calls {@code body} once for each index in {@code [0, n)}, on the calling thread and the common
   * pool's, in runs of {@code grain} indexes claimed in order. Indexes are claimed in no fixed
   * order across threads: {@code body} writes only its own index's results. When a call fails, the
   * other threads take no new run, and the failure reaches the caller.
   */
  static void forEach(int n, int grain, IntConsumer body) {
    if (grain < 1) {
      throw new IllegalArgumentException("grain must be positive: " + grain);
    }
    AtomicInteger next = new AtomicInteger();
    int threads = Math.min(ForkJoinPool.getCommonPoolParallelism() + 1, (n + grain - 1) / grain);
    // one task per thread, each claiming runs until none is left: a thread that never starts
    // its task (the pool busy elsewhere) leaves its share to the others
    IntStream.range(0, threads)
        .parallel()
        .forEach(
            t -> {
              for (int from = next.getAndAdd(grain); from < n; from = next.getAndAdd(grain)) {
                int to = Math.min(n, from + grain);
                try {
                  for (int i = from; i < to; i++) {
                    body.accept(i);
                  }
                } catch (RuntimeException | Error e) {
                  next.set(n); // nothing left to claim: the run ends with this failure
                  throw e;
                }
              }
            });
  }
}
