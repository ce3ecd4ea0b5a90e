package org.tieout.review.residue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.tieout.core.BankLine;
import org.tieout.core.EntryId;
import org.tieout.core.LedgerEntry;
import org.tieout.core.MatchGroup;
import org.tieout.core.MatchStage;
import org.tieout.core.MatchStatus;
import org.tieout.core.TransactionId;
import org.tieout.embeddings.Embedder;
import org.tieout.embeddings.EmbeddingText;
import org.tieout.embeddings.InMemoryVectorIndex;
import org.tieout.embeddings.VectorIndex;
import org.tieout.matcher.Progress;

/**
 * Proposals for the residue the rules left: each open bank line gets candidates by vector retrieval
 * among the open ledger entries (same account and currency, a date window, amounts on the same side
 * and not larger than the line; in memory for file-to-file runs, pgvector for runs on the store),
 * and the LLM proposer, when one is configured, picks among them. Everything it returns is {@code
 * proposed}; no line or entry ends up in two groups.
 */
public final class ResidueStage {
  /** How many candidates each line offers the model. */
  public static final int CANDIDATES = 8;

  private final Embedder embedder;
  private final LlmProposer llm;
  private final Supplier<VectorIndex> indexes;

  /** With an in-memory index, as file-to-file runs and evaluation use. */
  public ResidueStage(Embedder embedder, LlmProposer llm) {
    this(embedder, llm, InMemoryVectorIndex::new);
  }

  /**
   * @param indexes gives the vector index to retrieve from (pgvector for runs on the store); the
   *     stage upserts the open entries into it and closes it when done
   */
  public ResidueStage(Embedder embedder, LlmProposer llm, Supplier<VectorIndex> indexes) {
    this.embedder = embedder;
    this.llm = llm;
    this.indexes = indexes;
  }

  /** What the stage did for each line, for the evaluation report. */
  public record LineResult(TransactionId line, LlmProposer.Outcome outcome) {}

  /** The stage's groups and, per line asked about, the outcome. */
  public record Result(List<MatchGroup> groups, List<LineResult> lines, String promptId) {}

  /**
   * Each open bank line's candidates among the open entries, most similar first (lines without any
   * are left out): the entries are embedded and stored in the index, each line's text is embedded
   * and searched with the business filters. Hits outside {@code openLedger} (an index shared with
   * earlier runs may hold them) are passed over.
   */
  public Map<TransactionId, List<LedgerEntry>> candidates(
      List<BankLine> openBank, List<LedgerEntry> openLedger, Progress progress) {
    Map<String, LedgerEntry> byId =
        openLedger.stream().collect(Collectors.toMap(e -> e.id().value(), Function.identity()));
    Map<TransactionId, List<LedgerEntry>> out = new LinkedHashMap<>();
    try (VectorIndex index = indexes.get()) {
      List<float[]> vectors = embedder.embed(openLedger.stream().map(EmbeddingText::of).toList());
      List<VectorIndex.Item> items = new ArrayList<>(openLedger.size());
      for (int i = 0; i < openLedger.size(); i++) {
        LedgerEntry e = openLedger.get(i);
        items.add(
            new VectorIndex.Item(
                e.id().value(),
                e.accountId(),
                e.amount().currencyCode(),
                e.amount().minor(),
                e.postingDate(),
                true,
                vectors.get(i)));
      }
      index.upsert(items);
      List<float[]> queries = embedder.embed(openBank.stream().map(EmbeddingText::of).toList());
      for (int i = 0; i < openBank.size(); i++) {
        BankLine b = openBank.get(i);
        long amount = b.amount().minor();
        long slack = Math.abs(amount) / 20 + 100;
        VectorIndex.Filter f =
            new VectorIndex.Filter(
                b.accountId(),
                b.amount().currencyCode(),
                amount >= 0 ? 0 : amount - slack,
                amount >= 0 ? amount + slack : 0,
                b.bookingDate().minusDays(45),
                b.bookingDate().plusDays(5),
                true);
        List<LedgerEntry> found = new ArrayList<>();
        for (VectorIndex.Hit h : index.search(queries.get(i), f, 2 * CANDIDATES)) {
          LedgerEntry e = byId.get(h.id());
          if (e != null && found.size() < CANDIDATES) {
            found.add(e);
          }
        }
        if (!found.isEmpty()) {
          out.put(b.id(), found);
        }
        progress.update("residue: retrieving candidates", i + 1, openBank.size());
      }
    }
    return out;
  }

  public Result run(
      List<BankLine> openBank, List<LedgerEntry> openLedger, String promptId, Progress progress) {
    Map<TransactionId, List<LedgerEntry>> retrieved = candidates(openBank, openLedger, progress);
    Set<String> taken = new HashSet<>();
    List<MatchGroup> groups = new ArrayList<>();
    List<LineResult> lines = new ArrayList<>();
    for (int i = 0; i < openBank.size(); i++) {
      BankLine b = openBank.get(i);
      List<LedgerEntry> candidates = new ArrayList<>();
      for (LedgerEntry e : retrieved.getOrDefault(b.id(), List.of())) {
        if (!taken.contains(e.id().value())) {
          candidates.add(e);
        }
      }
      if (candidates.isEmpty()) {
        continue;
      }
      LlmProposer.Outcome o = llm.propose(b, candidates);
      lines.add(new LineResult(b.id(), o));
      for (AnswerValidator.ProposedGroup g : o.groups()) {
        if (g.ledgerIds().stream().anyMatch(taken::contains)) {
          continue; // an earlier line's proposal holds one of these entries
        }
        taken.addAll(g.ledgerIds());
        groups.add(
            new MatchGroup(
                List.of(b.id()),
                g.ledgerIds().stream().map(EntryId::new).toList(),
                MatchStage.LLM,
                promptId,
                g.confidence(),
                MatchStatus.PROPOSED,
                "LLM (" + promptId + "): " + g.reason(),
                List.of()));
      }
      progress.update("residue: asking the model", i + 1, openBank.size());
    }
    return new Result(groups, lines, promptId);
  }
}
