package org.tieout.embeddings;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * Nearest ledger entries to a vector, with the business filters applied in the same search:
 * account, currency, amount range, date window and open status. Two implementations share one
 * contract test: {@link InMemoryVectorIndex} for file-to-file runs and evaluation, and {@link
 * PgVectorIndex} (PostgreSQL, pgvector, HNSW, cosine) for the service.
 */
public interface VectorIndex extends AutoCloseable {
  /** A ledger entry's vector and the fields the filters read. */
  record Item(
      String id,
      String account,
      String currency,
      long amountMinor,
      LocalDate date,
      boolean open,
      float[] vector) {}

  /** What a candidate must satisfy; null account or dates do not filter; one currency always. */
  record Filter(
      String account,
      String currency,
      long minAmountMinor,
      long maxAmountMinor,
      LocalDate from,
      LocalDate to,
      boolean openOnly) {
    public Filter {
      java.util.Objects.requireNonNull(currency, "a search is in one currency");
    }
  }

  /** A candidate and its cosine similarity to the query. */
  record Hit(String id, double similarity) {}

  /** Adds items, or replaces those with the same id. */
  void upsert(List<Item> items);

  /** Marks entries settled: an open-only search no longer finds them. */
  void markSettled(Collection<String> ids);

  /** The k most similar items that pass the filter, most similar first. */
  List<Hit> search(float[] query, Filter filter, int k);

  int size();

  @Override
  default void close() {}
}
