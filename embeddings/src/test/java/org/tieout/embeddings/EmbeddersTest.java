package org.tieout.embeddings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tieout.core.Money;

class EmbeddersTest {
  @TempDir Path dir;

  @Test
  void theLocalModelPutsTheSamePaymentNearerThanAnotherOne() {
    Embedder local = Embedders.local();
    List<float[]> v =
        local.embed(
            List.of(
                "counterparty: acme gmbh | text: invoice 4711 | references: inv-4711 | amount: incoming eur 100-1000",
                "counterparty: acme gmbh & co kg | text: payment inv 4711 thanks | references: | amount: incoming eur 100-1000",
                "counterparty: city water utility | text: water bill march | references: | amount: outgoing eur 10-100"));
    assertThat(v.get(0)).hasSize(384);
    assertThat(Vectors.cosine(v.get(0), v.get(1)))
        .isGreaterThan(Vectors.cosine(v.get(0), v.get(2)));
    assertThat(Vectors.cosine(v.get(0), v.get(0))).isBetween(0.999, 1.001);
  }

  @Test
  void aRerunEmbedsNothingNew() {
    Embedder counting = new FakeEmbedder();
    CachingEmbedder first = new CachingEmbedder(counting, dir);
    first.embed(List.of("a", "b", "a"));
    assertThat(first.computed()).isEqualTo(2);
    CachingEmbedder second = new CachingEmbedder(counting, dir);
    List<float[]> again = second.embed(List.of("b", "a"));
    assertThat(second.computed()).isZero();
    assertThat(again.get(1)).containsExactly(first.embed(List.of("a")).get(0));
  }

  @Test
  void aCacheThatCannotBeWrittenLeavesTheVectorsInMemory() throws Exception {
    Path notADirectory = Files.writeString(dir.resolve("taken"), "a file, not a directory");
    CachingEmbedder embedder = new CachingEmbedder(new FakeEmbedder(), notADirectory);
    List<float[]> first = embedder.embed(List.of("a", "b"));
    List<float[]> again = embedder.embed(List.of("b", "c"));
    assertThat(again.get(0)).containsExactly(first.get(1));
    assertThat(embedder.computed()).isEqualTo(3);
    assertThat(Files.readString(notADirectory)).isEqualTo("a file, not a directory");
  }

  @Test
  void amountsGoInBandsNotExactly() {
    assertThat(EmbeddingText.band(Money.parse("-1250.40", "EUR")))
        .isEqualTo("outgoing eur 1000-10000");
    assertThat(EmbeddingText.band(Money.parse("0.40", "USD"))).isEqualTo("incoming usd 0-1");
    assertThat(EmbeddingText.band(Money.parse("99.99", "GBP"))).isEqualTo("incoming gbp 10-100");
  }

  /** A deterministic stand-in, so that the cache test needs no model. */
  private static final class FakeEmbedder implements Embedder {
    @Override
    public String modelId() {
      return "fake";
    }

    @Override
    public int dimension() {
      return 3;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
      return texts.stream().map(t -> new float[] {t.length(), t.hashCode() % 7, 1}).toList();
    }
  }
}
