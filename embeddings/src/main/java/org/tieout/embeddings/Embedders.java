package org.tieout.embeddings;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedding models, through LangChain4j: the quantized all-MiniLM-L6-v2 in-process by default
 * (the model ships in the jar; nothing goes over the network), or an OpenAI-compatible endpoint by
 * configuration.
 */
public final class Embedders {
  private Embedders() {}

  /** all-MiniLM-L6-v2, quantized, run by ONNX Runtime in this process; 384 dimensions. */
  public static Embedder local() {
    return new LangChainEmbedder(
        new AllMiniLmL6V2QuantizedEmbeddingModel(), "all-minilm-l6-v2-q", 384);
  }

  /** OpenAI (or a compatible endpoint) embeddings. */
  public static Embedder openAi(String baseUrl, String apiKey, String model, int dimension) {
    EmbeddingModel m =
        OpenAiEmbeddingModel.builder()
            .baseUrl(baseUrl)
            .apiKey(apiKey)
            .modelName(model)
            .dimensions(dimension)
            .build();
    return new LangChainEmbedder(m, "openai:" + model + ":" + dimension, dimension);
  }

  private record LangChainEmbedder(EmbeddingModel model, String modelId, int dimension)
      implements Embedder {
    @Override
    public List<float[]> embed(List<String> texts) {
      List<TextSegment> segments = new ArrayList<>(texts.size());
      for (String t : texts) {
        segments.add(TextSegment.from(t.isEmpty() ? " " : t));
      }
      List<Embedding> out = model.embedAll(segments).content();
      List<float[]> vectors = new ArrayList<>(out.size());
      for (Embedding e : out) {
        float[] v = e.vector();
        Vectors.normalise(v);
        vectors.add(v);
      }
      return vectors;
    }
  }
}
