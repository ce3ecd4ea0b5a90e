package org.tieout.review.residue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.tieout.core.BankLine;
import org.tieout.core.LedgerEntry;
import org.tieout.embeddings.Embedder;
import org.tieout.embeddings.EmbeddingText;
import org.tieout.embeddings.Vectors;
import org.tieout.matcher.LearnedResidue;
import org.tieout.matcher.Progress;

/**
 * Embedding similarity for the learned scorer: the residue's lines and entries are embedded once
 * (through the embedder's cache, so a rerun embeds nothing new) and compared by cosine.
 */
public final class EmbeddingSimilarity implements LearnedResidue.Similarity {
  private final Map<String, float[]> bank = new HashMap<>();
  private final Map<String, float[]> ledger = new HashMap<>();

  public EmbeddingSimilarity(
      Embedder embedder, List<BankLine> lines, List<LedgerEntry> entries, Progress progress) {
    int total = lines.size() + entries.size();
    embed(embedder, lines, b -> b.id().value(), EmbeddingText::of, bank, 0, total, progress);
    embed(
        embedder,
        entries,
        e -> e.id().value(),
        EmbeddingText::of,
        ledger,
        lines.size(),
        total,
        progress);
  }

  /** Embeds the items in batches into {@code into} (by id, unit length), telling progress. */
  private static <T> void embed(
      Embedder embedder,
      List<T> items,
      Function<T, String> id,
      Function<T, String> text,
      Map<String, float[]> into,
      int doneBefore,
      int total,
      Progress progress) {
    int batch = 256;
    for (int i = 0; i < items.size(); i += batch) {
      List<T> part = items.subList(i, Math.min(items.size(), i + batch));
      List<float[]> vectors = embedder.embed(part.stream().map(text).toList());
      for (int k = 0; k < part.size(); k++) {
        float[] v = vectors.get(k).clone();
        Vectors.normalise(v);
        into.put(id.apply(part.get(k)), v);
      }
      progress.update("residue: embedding", doneBefore + i + part.size(), total);
    }
  }

  @Override
  public double of(BankLine line, LedgerEntry entry) {
    float[] a = bank.get(line.id().value());
    float[] b = ledger.get(entry.id().value());
    return a == null || b == null ? 0 : Vectors.cosine(a, b);
  }
}
