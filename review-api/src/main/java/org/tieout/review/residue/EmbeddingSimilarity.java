package org.tieout.review.residue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    int batch = 256;
    int total = lines.size() + entries.size();
    int done = 0;
    for (int i = 0; i < lines.size(); i += batch) {
      List<BankLine> part = lines.subList(i, Math.min(lines.size(), i + batch));
      put(bank, part.stream().map(b -> b.id().value()).toList(), embedder.embed(bankTexts(part)));
      done += part.size();
      progress.update("residue: embedding", done, total);
    }
    for (int i = 0; i < entries.size(); i += batch) {
      List<LedgerEntry> part = entries.subList(i, Math.min(entries.size(), i + batch));
      put(
          ledger,
          part.stream().map(e -> e.id().value()).toList(),
          embedder.embed(ledgerTexts(part)));
      done += part.size();
      progress.update("residue: embedding", done, total);
    }
  }

  private static List<String> bankTexts(List<BankLine> lines) {
    List<String> out = new ArrayList<>(lines.size());
    lines.forEach(b -> out.add(EmbeddingText.of(b)));
    return out;
  }

  private static List<String> ledgerTexts(List<LedgerEntry> entries) {
    List<String> out = new ArrayList<>(entries.size());
    entries.forEach(e -> out.add(EmbeddingText.of(e)));
    return out;
  }

  private static void put(Map<String, float[]> into, List<String> ids, List<float[]> vectors) {
    for (int i = 0; i < ids.size(); i++) {
      float[] v = vectors.get(i).clone();
      Vectors.normalise(v);
      into.put(ids.get(i), v);
    }
  }

  @Override
  public double of(BankLine line, LedgerEntry entry) {
    float[] a = bank.get(line.id().value());
    float[] b = ledger.get(entry.id().value());
    return a == null || b == null ? 0 : Vectors.cosine(a, b);
  }
}
