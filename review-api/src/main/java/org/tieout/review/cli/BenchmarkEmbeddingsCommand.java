package org.tieout.review.cli;

import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import org.tieout.core.LedgerEntry;
import org.tieout.embeddings.Embedder;
import org.tieout.embeddings.Embedders;
import org.tieout.embeddings.EmbeddingText;
import org.tieout.embeddings.PgVectorIndex;
import org.tieout.embeddings.VectorIndex;
import org.tieout.embeddings.Vectors;
import org.tieout.matcher.Progress;
import org.tieout.matcher.dataset.DatasetGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tieout benchmark-embeddings}: how fast the in-process model embeds ledger texts, and how
 * fast pgvector answers a filtered top-10 over many ledger vectors. The stored vectors are real
 * embeddings of generated ledger entries, each repeated with a little noise up to the count asked.
 */
@Command(
    name = "benchmark-embeddings",
    mixinStandardHelpOptions = true,
    description = "Embedding throughput and pgvector top-10 latency.")
final class BenchmarkEmbeddingsCommand implements Callable<Integer> {
  @Option(names = "--db", required = true, description = "JDBC URL of a scratch database or schema")
  String db;

  @Option(
      names = "--texts",
      defaultValue = "4000",
      description = "texts to embed (default ${DEFAULT-VALUE})")
  int texts;

  @Option(
      names = "--vectors",
      defaultValue = "100000",
      description = "ledger vectors to store (default ${DEFAULT-VALUE})")
  int vectors;

  @Option(
      names = "--queries",
      defaultValue = "200",
      description = "queries to time (default ${DEFAULT-VALUE})")
  int queries;

  @Override
  public Integer call() throws Exception {
    List<LedgerEntry> ledger =
        new DatasetGenerator(
                new DatasetGenerator.Options(
                    21, Math.max(texts, 1000), LocalDate.of(2026, 1, 1), 90))
            .generate(Progress.NONE)
            .ledger();
    List<String> text = new ArrayList<>();
    for (int i = 0; i < texts; i++) {
      text.add(EmbeddingText.of(ledger.get(i % ledger.size())));
    }
    Embedder model = Embedders.local();
    model.embed(text.subList(0, 64)); // load and warm up
    long t0 = System.nanoTime();
    List<float[]> embedded = new ArrayList<>(texts);
    for (int i = 0; i < texts; i += 256) {
      embedded.addAll(model.embed(text.subList(i, Math.min(texts, i + 256))));
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "embedding (%s, in process): %d texts in %.1f s = %.0f texts/s%n",
        model.modelId(),
        texts,
        seconds,
        texts / seconds);

    Random r = new Random(3);
    String[] accounts = new String[20];
    for (int a = 0; a < accounts.length; a++) {
      accounts[a] = "ACC" + a;
    }
    try (VectorIndex index =
        new PgVectorIndex(DriverManager.getConnection(db), model.modelId(), model.dimension())) {
      int have = index.size();
      long l0 = System.nanoTime();
      List<VectorIndex.Item> batch = new ArrayList<>(10_000);
      for (int i = have; i < vectors; i++) {
        float[] v = embedded.get(i % embedded.size()).clone();
        for (int d = 0; d < v.length; d++) {
          v[d] += (float) (r.nextGaussian() * 0.02);
        }
        Vectors.normalise(v);
        batch.add(
            new VectorIndex.Item(
                "E" + i,
                accounts[i % accounts.length],
                "EUR",
                1_000 + r.nextInt(1_000_000),
                LocalDate.of(2026, 1, 1).plusDays(r.nextInt(365)),
                r.nextInt(10) != 0,
                v));
        if (batch.size() == 10_000) {
          index.upsert(batch);
          batch.clear();
          System.out.printf(Locale.ROOT, "  stored %,d of %,d vectors%n", i + 1, vectors);
        }
      }
      index.upsert(batch);
      if (vectors > have) {
        System.out.printf(
            Locale.ROOT,
            "stored %,d vectors (HNSW maintained on insert) in %.0f s%n",
            vectors - have,
            (System.nanoTime() - l0) / 1e9);
      }
      List<Double> ms = new ArrayList<>();
      for (int q = 0; q < queries + 20; q++) {
        float[] query = embedded.get(r.nextInt(embedded.size()));
        LocalDate day = LocalDate.of(2026, 1, 1).plusDays(r.nextInt(365));
        VectorIndex.Filter f =
            new VectorIndex.Filter(
                accounts[r.nextInt(accounts.length)],
                "EUR",
                0,
                Long.MAX_VALUE,
                day.minusDays(30),
                day.plusDays(30),
                true);
        long s = System.nanoTime();
        List<VectorIndex.Hit> hits = index.search(query, f, 10);
        if (q >= 20) {
          ms.add((System.nanoTime() - s) / 1e6);
        }
        if (hits.isEmpty()) {
          throw new IllegalStateException("a filtered top-10 found nothing");
        }
      }
      Collections.sort(ms);
      System.out.printf(
          Locale.ROOT,
          "pgvector top-10 over %,d vectors (account, currency, 61-day window, open only): p50 %.1f ms, p95 %.1f ms%n",
          index.size(),
          ms.get(ms.size() / 2),
          ms.get((int) Math.ceil(ms.size() * 0.95) - 1));
    }
    return ExitCodes.OK;
  }
}
