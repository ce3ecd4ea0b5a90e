package org.tieout.embeddings;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exact search in memory: items are grouped by account and currency, so a query only scans the
 * items it could match, then filtered and ranked by cosine similarity.
 */
public final class InMemoryVectorIndex implements VectorIndex {
  private final Map<String, Item> byId = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Item>> byBucket = new ConcurrentHashMap<>();

  private static String bucket(String account, String currency) {
    return account + "\u0001" + currency;
  }

  @Override
  public synchronized void upsert(List<Item> items) {
    for (Item it : items) {
      Item old = byId.put(it.id(), it);
      if (old != null) {
        byBucket.get(bucket(old.account(), old.currency())).remove(old.id());
      }
      byBucket
          .computeIfAbsent(bucket(it.account(), it.currency()), k -> new ConcurrentHashMap<>())
          .put(it.id(), it);
    }
  }

  @Override
  public synchronized void markSettled(Collection<String> ids) {
    List<Item> changed = new ArrayList<>();
    for (String id : ids) {
      Item it = byId.get(id);
      if (it != null && it.open()) {
        changed.add(
            new Item(
                it.id(),
                it.account(),
                it.currency(),
                it.amountMinor(),
                it.date(),
                false,
                it.vector()));
      }
    }
    upsert(changed);
  }

  @Override
  public List<Hit> search(float[] query, Filter f, int k) {
    Collection<Item> scan;
    if (f.account() != null) {
      Map<String, Item> b = byBucket.get(bucket(f.account(), f.currency()));
      scan = b == null ? List.of() : b.values();
    } else {
      scan = byId.values();
    }
    PriorityQueue<Hit> best = new PriorityQueue<>(Comparator.comparingDouble(Hit::similarity));
    for (Item it : scan) {
      if (!passes(it, f)) {
        continue;
      }
      double s = Vectors.cosine(query, it.vector());
      if (best.size() < k) {
        best.add(new Hit(it.id(), s));
      } else if (s > best.peek().similarity()) {
        best.poll();
        best.add(new Hit(it.id(), s));
      }
    }
    List<Hit> out = new ArrayList<>(best);
    out.sort(Comparator.comparingDouble(Hit::similarity).reversed().thenComparing(Hit::id));
    return out;
  }

  private static boolean passes(Item it, Filter f) {
    return f.currency().equals(it.currency())
        && (f.account() == null || f.account().equals(it.account()))
        && it.amountMinor() >= f.minAmountMinor()
        && it.amountMinor() <= f.maxAmountMinor()
        && (f.from() == null || !it.date().isBefore(f.from()))
        && (f.to() == null || !it.date().isAfter(f.to()))
        && (!f.openOnly() || it.open());
  }

  @Override
  public int size() {
    return byId.size();
  }
}
