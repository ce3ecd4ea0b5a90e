package org.tieout.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class BackgroundTest {
  @Test
  void givesTheResult() {
    assertThat(Background.join(CompletableFuture.supplyAsync(() -> 6 * 7))).isEqualTo(42);
  }

  @Test
  void rethrowsAFailureAsItselfSoTheCommandLineReportsItAsIfItRanInLine() {
    UncheckedIOException failure =
        new UncheckedIOException("cannot write out/x.csv", new java.io.IOException("disk full"));
    CompletableFuture<Void> work =
        CompletableFuture.runAsync(
            () -> {
              throw failure;
            });
    assertThatThrownBy(() -> Background.join(work)).isSameAs(failure);
  }
}
