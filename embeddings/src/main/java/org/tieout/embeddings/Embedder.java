package org.tieout.embeddings;

import java.util.List;

/** Turns texts into unit-length vectors. Implementations: in-process MiniLM, OpenAI. */
public interface Embedder {
  /** Names the model and its settings: vectors from different models never mix. */
  String modelId();

  int dimension();

  List<float[]> embed(List<String> texts);
}
