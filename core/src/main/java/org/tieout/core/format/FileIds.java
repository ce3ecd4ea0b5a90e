package org.tieout.core.format;

import java.util.HashMap;
import java.util.Map;

/**
 * Transaction ids for formats that may not carry one: the bank's own reference when there is one,
 * else a hash of the line's content with a prefix naming the format; a counter keeps ids unique
 * within the file. The same file always gives the same ids, so a re-import is a no-op.
 */
public final class FileIds {
  private final String prefix;
  private final Map<String, Integer> seen = new HashMap<>();

  public FileIds(String prefix) {
    this.prefix = prefix;
  }

  /**
   * {@code reference} if given, else {@code PREFIX-<hash of content>}; suffixed -2, -3 on repeats.
   */
  public String next(String reference, String content) {
    String base =
        reference != null ? reference : prefix + "-" + ContentHash.sha256(content).substring(0, 16);
    int n = seen.merge(base, 1, Integer::sum);
    return n == 1 ? base : base + "-" + n;
  }
}
