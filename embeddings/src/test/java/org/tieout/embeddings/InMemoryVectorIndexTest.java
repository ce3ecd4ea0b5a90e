package org.tieout.embeddings;

class InMemoryVectorIndexTest extends VectorIndexContract {
  @Override
  VectorIndex create() {
    return new InMemoryVectorIndex();
  }
}
