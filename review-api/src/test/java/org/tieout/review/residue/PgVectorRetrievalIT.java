package org.tieout.review.residue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tieout.core.LedgerEntry;
import org.tieout.core.TransactionId;
import org.tieout.embeddings.Embedder;
import org.tieout.embeddings.InMemoryVectorIndex;
import org.tieout.matcher.LearnedResidue;
import org.tieout.matcher.MatchingConfig;
import org.tieout.matcher.Progress;
import org.tieout.matcher.Reconciler;
import org.tieout.matcher.Reconciliation;
import org.tieout.matcher.dataset.DatasetGenerator;
import org.tieout.review.TestDatabase;

/**
 * The residue stage retrieves from pgvector when the run has a database, and finds there what the
 * in-memory index finds; entries a later run settled are no longer offered.
 */
class PgVectorRetrievalIT {
  private String url;
  private DatasetGenerator.Dataset data;
  private Reconciliation residue;

  /** Character trigrams hashed into 96 dimensions: deterministic, and quick enough for a test. */
  static final class TrigramEmbedder implements Embedder {
    @Override
    public String modelId() {
      return "test-trigrams";
    }

    @Override
    public int dimension() {
      return 96;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
      List<float[]> out = new ArrayList<>(texts.size());
      for (String t : texts) {
        float[] v = new float[96];
        String s = "  " + t.toLowerCase(java.util.Locale.ROOT) + " ";
        for (int i = 0; i + 3 <= s.length(); i++) {
          v[Math.floorMod(s.substring(i, i + 3).hashCode(), 96)] += 1;
        }
        double norm = 0;
        for (float x : v) {
          norm += x * x;
        }
        for (int i = 0; i < v.length; i++) {
          v[i] /= (float) Math.sqrt(norm);
        }
        out.add(v);
      }
      return out;
    }
  }

  @BeforeEach
  void residueAndSchema() throws Exception {
    url = TestDatabase.freshSchema("it_", true);
    data =
        new DatasetGenerator(new DatasetGenerator.Options(951, 500, LocalDate.of(2026, 4, 1), 60))
            .generate(Progress.NONE);
    residue =
        LearnedResidue.reopenProposals(
            new Reconciler(MatchingConfig.defaultConfig(), Progress.NONE)
                .run(data.bank(), data.ledger()),
            data.bank(),
            data.ledger());
  }

  private Map<TransactionId, List<LedgerEntry>> retrieve(
      java.util.function.Supplier<org.tieout.embeddings.VectorIndex> index,
      List<LedgerEntry> open) {
    return new ResidueStage(new TrigramEmbedder(), null, index)
        .candidates(residue.unmatchedBank(), open, Progress.NONE);
  }

  @Test
  void pgvectorOffersTheCandidatesTheInMemoryIndexOffers() {
    List<LedgerEntry> open = residue.unmatchedLedger();
    Map<TransactionId, List<LedgerEntry>> memory = retrieve(InMemoryVectorIndex::new, open);
    Map<TransactionId, List<LedgerEntry>> pg =
        retrieve(ResidueConfig.index(url, new TrigramEmbedder(), data.ledger(), open), open);
    assertThat(memory).hasSizeGreaterThan(20);
    assertThat(pg.keySet()).isEqualTo(memory.keySet());
    // HNSW is approximate, and pgvector works in single precision: near ties may swap places, or
    // one at the end of a list give way to another; on a residue this small no more than that
    int same = 0;
    for (TransactionId line : memory.keySet()) {
      Set<LedgerEntry> exact = new HashSet<>(memory.get(line));
      Set<LedgerEntry> approximate = new HashSet<>(pg.get(line));
      same += exact.equals(approximate) ? 1 : 0;
      approximate.retainAll(exact);
      assertThat(approximate).as(line.value()).hasSizeGreaterThanOrEqualTo(exact.size() - 1);
    }
    assertThat(same).isGreaterThanOrEqualTo(memory.size() * 95 / 100);
  }

  @Test
  void entriesALaterRunSettledAreNotOfferedAgain() {
    List<LedgerEntry> open = residue.unmatchedLedger();
    retrieve(ResidueConfig.index(url, new TrigramEmbedder(), data.ledger(), open), open);
    // the next run: half the entries that were open are settled now
    List<LedgerEntry> stillOpen = new ArrayList<>();
    for (int i = 0; i < open.size(); i += 2) {
      stillOpen.add(open.get(i));
    }
    try (var index =
        ResidueConfig.index(url, new TrigramEmbedder(), data.ledger(), stillOpen).get()) {
      assertThat(index).isInstanceOf(org.tieout.embeddings.PgVectorIndex.class);
      assertThat(index.size()).isEqualTo(open.size());
      java.util.Set<String> settled = new java.util.HashSet<>();
      for (int i = 1; i < open.size(); i += 2) {
        settled.add(open.get(i).id().value());
      }
      int found = 0;
      for (var b : residue.unmatchedBank()) {
        long amount = b.amount().minor();
        for (var hit :
            index.search(
                new TrigramEmbedder().embed(List.of(b.counterpartyName() + "")).get(0),
                new org.tieout.embeddings.VectorIndex.Filter(
                    b.accountId(),
                    b.amount().currencyCode(),
                    Math.min(0, amount * 2),
                    Math.max(0, amount * 2),
                    null,
                    null,
                    true),
                10)) {
          assertThat(settled).doesNotContain(hit.id());
          found++;
        }
      }
      assertThat(found).isPositive();
    }
  }
}
