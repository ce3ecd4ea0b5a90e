package org.tieout.embeddings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link VectorIndex} must do; each implementation's test extends this. */
abstract class VectorIndexContract {
  static final LocalDate DAY = LocalDate.of(2026, 3, 10);
  VectorIndex index;

  abstract VectorIndex create() throws Exception;

  @BeforeEach
  void open() throws Exception {
    index = create();
  }

  @AfterEach
  void close() {
    index.close();
  }

  static float[] vec(double... xs) {
    float[] v = new float[8];
    for (int i = 0; i < xs.length; i++) {
      v[i] = (float) xs[i];
    }
    Vectors.normalise(v);
    return v;
  }

  static VectorIndex.Item item(String id, String account, long amount, LocalDate d, float[] v) {
    return new VectorIndex.Item(id, account, "EUR", amount, d, true, v);
  }

  static VectorIndex.Filter all(String account) {
    return new VectorIndex.Filter(account, "EUR", Long.MIN_VALUE, Long.MAX_VALUE, null, null, true);
  }

  @Test
  void nearestFirst() {
    index.upsert(
        List.of(
            item("far", "A", 100, DAY, vec(0, 1)),
            item("near", "A", 100, DAY, vec(1, 0.1)),
            item("middle", "A", 100, DAY, vec(1, 1))));
    List<VectorIndex.Hit> hits = index.search(vec(1, 0), all("A"), 3);
    assertThat(hits).extracting(VectorIndex.Hit::id).containsExactly("near", "middle", "far");
    assertThat(hits.get(0).similarity()).isGreaterThan(hits.get(1).similarity());
    assertThat(hits.get(0).similarity()).isBetween(0.99, 1.0001);
  }

  @Test
  void filtersApplyInTheSearch() {
    index.upsert(
        List.of(
            item("other-account", "B", 100, DAY, vec(1, 0)),
            item("too-big", "A", 10_000, DAY, vec(1, 0)),
            item("too-early", "A", 100, DAY.minusDays(40), vec(1, 0)),
            new VectorIndex.Item("usd", "A", "USD", 100, DAY, true, vec(1, 0)),
            new VectorIndex.Item("settled", "A", "EUR", 100, DAY, false, vec(1, 0)),
            item("fits", "A", 120, DAY.plusDays(2), vec(0.2, 1))));
    VectorIndex.Filter f =
        new VectorIndex.Filter("A", "EUR", 50, 500, DAY.minusDays(10), DAY.plusDays(10), true);
    assertThat(index.search(vec(1, 0), f, 10))
        .extracting(VectorIndex.Hit::id)
        .containsExactly("fits");
    VectorIndex.Filter withSettled =
        new VectorIndex.Filter("A", "EUR", 50, 500, DAY.minusDays(10), DAY.plusDays(10), false);
    assertThat(index.search(vec(1, 0), withSettled, 10))
        .extracting(VectorIndex.Hit::id)
        .containsExactlyInAnyOrder("settled", "fits");
  }

  @Test
  void upsertReplacesAndSettledItemsLeaveOpenSearches() {
    index.upsert(List.of(item("x", "A", 100, DAY, vec(0, 1))));
    index.upsert(List.of(item("x", "A", 100, DAY, vec(1, 0))));
    assertThat(index.size()).isEqualTo(1);
    assertThat(index.search(vec(1, 0), all("A"), 1).get(0).similarity()).isGreaterThan(0.99);
    index.markSettled(List.of("x"));
    assertThat(index.search(vec(1, 0), all("A"), 1)).isEmpty();
  }

  @Test
  void returnsAtMostKAndAgreesWithExactSearchOnRandomData() {
    Random r = new Random(5);
    List<VectorIndex.Item> items = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      items.add(
          item(
              "e" + i,
              i % 2 == 0 ? "A" : "B",
              r.nextInt(1000),
              DAY.plusDays(r.nextInt(30)),
              vec(r.nextGaussian(), r.nextGaussian(), r.nextGaussian(), r.nextGaussian())));
    }
    index.upsert(items);
    InMemoryVectorIndex exact = new InMemoryVectorIndex();
    exact.upsert(items);
    float[] q = vec(1, 0.5, -0.2, 0.1);
    VectorIndex.Filter f =
        new VectorIndex.Filter("A", "EUR", 100, 900, DAY, DAY.plusDays(20), true);
    List<VectorIndex.Hit> got = index.search(q, f, 10);
    assertThat(got).hasSizeLessThanOrEqualTo(10).hasSize(10);
    assertThat(got)
        .extracting(VectorIndex.Hit::id)
        .containsExactlyElementsOf(
            exact.search(q, f, 10).stream().map(VectorIndex.Hit::id).toList());
  }
}
