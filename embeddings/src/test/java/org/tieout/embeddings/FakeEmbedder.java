package org.tieout.embeddings;

import java.util.List;

/** A deterministic stand-in, so that the cache tests need no model. */
final class FakeEmbedder implements Embedder {
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
