package org.tieout.anomaly.eval;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.tieout.core.EntryId;
import org.tieout.core.LedgerEntry;

/**
 * The yardstick the detectors must beat: an isolation forest (Liu, Ting and Zhou, 2008) over simple
 * per-entry features (log amount, hour and weekday of posting, round sum, how common the GL account
 * and the counterparty are). Used by evaluation only, never to flag. Seeded, so two evaluations of
 * the same file agree.
 */
public final class IsolationForestBaseline {
  private static final int TREES = 100;
  private static final int SAMPLE = 256;

  private IsolationForestBaseline() {}

  /** Every entry's anomaly score, 0..1 (higher is more isolated). */
  public static Map<EntryId, Double> scores(List<LedgerEntry> entries, long seed) {
    double[][] x = features(entries);
    SplittableRandom rnd = new SplittableRandom(seed);
    int sample = Math.min(SAMPLE, x.length);
    int depth = (int) Math.ceil(Math.log(Math.max(2, sample)) / Math.log(2));
    Node[] forest = new Node[TREES];
    for (int t = 0; t < TREES; t++) {
      int[] rows = new int[sample];
      for (int k = 0; k < sample; k++) {
        rows[k] = rnd.nextInt(x.length);
      }
      forest[t] = grow(x, rows, sample, 0, depth, rnd);
    }
    double c = averagePath(sample);
    Map<EntryId, Double> out = new HashMap<>(entries.size() * 2);
    for (int i = 0; i < x.length; i++) {
      double total = 0;
      for (Node tree : forest) {
        total += path(tree, x[i], 0);
      }
      out.put(entries.get(i).id(), Math.pow(2, -(total / TREES) / c));
    }
    return out;
  }

  static double[][] features(List<LedgerEntry> entries) {
    Map<String, Integer> gl = new HashMap<>();
    Map<String, Integer> party = new HashMap<>();
    for (LedgerEntry e : entries) {
      gl.merge(String.valueOf(e.glAccount()), 1, Integer::sum);
      party.merge(String.valueOf(e.counterpartyName()), 1, Integer::sum);
    }
    double[][] x = new double[entries.size()][];
    for (int i = 0; i < x.length; i++) {
      LedgerEntry e = entries.get(i);
      long minor = Math.abs(e.amount().minor());
      OffsetDateTime at = e.createdAt();
      long unit = (long) Math.pow(10, e.amount().scale()) * 1000;
      x[i] =
          new double[] {
            Math.log10(Math.max(1, minor)),
            at == null ? 12 : at.getHour(),
            at == null ? e.postingDate().getDayOfWeek().getValue() : at.getDayOfWeek().getValue(),
            minor >= unit && minor % unit == 0 ? 1 : 0,
            Math.log10(gl.get(String.valueOf(e.glAccount()))),
            Math.log10(party.get(String.valueOf(e.counterpartyName())))
          };
    }
    return x;
  }

  private record Node(int feature, double split, Node left, Node right, int size) {}

  private static Node grow(
      double[][] x, int[] rows, int n, int level, int maxDepth, SplittableRandom rnd) {
    if (level >= maxDepth || n <= 1) {
      return new Node(-1, 0, null, null, n);
    }
    int f = rnd.nextInt(x[0].length);
    double lo = Double.MAX_VALUE;
    double hi = -Double.MAX_VALUE;
    for (int k = 0; k < n; k++) {
      lo = Math.min(lo, x[rows[k]][f]);
      hi = Math.max(hi, x[rows[k]][f]);
    }
    if (lo == hi) {
      return new Node(-1, 0, null, null, n);
    }
    double split = lo + rnd.nextDouble() * (hi - lo);
    int[] left = new int[n];
    int[] right = new int[n];
    int l = 0;
    int r = 0;
    for (int k = 0; k < n; k++) {
      if (x[rows[k]][f] < split) {
        left[l++] = rows[k];
      } else {
        right[r++] = rows[k];
      }
    }
    return new Node(
        f,
        split,
        grow(x, left, l, level + 1, maxDepth, rnd),
        grow(x, right, r, level + 1, maxDepth, rnd),
        n);
  }

  private static double path(Node node, double[] x, int level) {
    if (node.feature() < 0) {
      return level + averagePath(node.size());
    }
    return path(x[node.feature()] < node.split() ? node.left() : node.right(), x, level + 1);
  }

  /** c(n): the average path length of an unsuccessful search in a binary search tree of n items. */
  static double averagePath(int n) {
    if (n <= 1) {
      return 0;
    }
    if (n == 2) {
      return 1;
    }
    return 2 * (Math.log(n - 1) + 0.5772156649) - 2.0 * (n - 1) / n;
  }
}
