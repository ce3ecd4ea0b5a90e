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
  void aDamagedCacheIsCutAtItsLastWholeRecordAndTheRunGoesOn() throws Exception {
    new CachingEmbedder(new FakeEmbedder(), dir).embed(List.of("a", "b"));
    Path file = dir.resolve("fake.vec");
    long whole = Files.size(file);
    // what two unlocked writers interleaving leave: bytes that are not a record, then a record
    byte[] good = Files.readAllBytes(file);
    Files.write(
        file,
        new byte[] {0, 7, 'g', 'a', 'r', 'b', 'a', 'g', 'e', 1, 2, 3},
        java.nio.file.StandardOpenOption.APPEND);
    Files.write(file, good, java.nio.file.StandardOpenOption.APPEND);

    CachingEmbedder reread = new CachingEmbedder(new FakeEmbedder(), dir);
    assertThat(Files.size(file)).isEqualTo(whole);
    reread.embed(List.of("a", "b", "c"));
    assertThat(reread.computed()).isEqualTo(1);
    CachingEmbedder third = new CachingEmbedder(new FakeEmbedder(), dir);
    third.embed(List.of("a", "b", "c"));
    assertThat(third.computed()).isZero();
  }

  @Test
  void aRecordCutShortByACrashIsDroppedAndTheNextAppendStartsOnARecord() throws Exception {
    new CachingEmbedder(new FakeEmbedder(), dir).embed(List.of("a", "b"));
    Path file = dir.resolve("fake.vec");
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 5));
    CachingEmbedder afterCrash = new CachingEmbedder(new FakeEmbedder(), dir);
    afterCrash.embed(List.of("a", "b", "c"));
    assertThat(afterCrash.computed()).isEqualTo(2); // b was torn; c is new
    CachingEmbedder next = new CachingEmbedder(new FakeEmbedder(), dir);
    next.embed(List.of("a", "b", "c"));
    assertThat(next.computed()).isZero();
  }

  @Test
  void aRunAppendingWhileAnotherWritesWaitsForItsRecordToBeWhole() throws Exception {
    // another JVM, as a second run of the command line is, holding the lock mid-record
    Process other =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                SlowWriter.class.getName(),
                dir.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try (java.io.BufferedReader out =
        new java.io.BufferedReader(new java.io.InputStreamReader(other.getInputStream()))) {
      assertThat(out.readLine()).isEqualTo("half written");
      CachingEmbedder mine = new CachingEmbedder(new FakeEmbedder(), dir);
      mine.embed(List.of("this run's text"));
    }
    assertThat(other.waitFor()).isZero();
    CachingEmbedder next = new CachingEmbedder(new FakeEmbedder(), dir);
    next.embed(List.of("this run's text", SlowWriter.TEXT));
    assertThat(next.computed()).isZero();
  }

  @Test
  void amountsGoInBandsNotExactly() {
    assertThat(EmbeddingText.band(Money.parse("-1250.40", "EUR")))
        .isEqualTo("outgoing eur 1000-10000");
    assertThat(EmbeddingText.band(Money.parse("0.40", "USD"))).isEqualTo("incoming usd 0-1");
    assertThat(EmbeddingText.band(Money.parse("99.99", "GBP"))).isEqualTo("incoming gbp 10-100");
  }
}
