package org.tieout.review.residue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.tieout.core.BankLine;
import org.tieout.core.LedgerEntry;
import org.tieout.core.MatchGroup;
import org.tieout.embeddings.Embedder;
import org.tieout.matcher.FeeSchedules;
import org.tieout.matcher.LearnedResidue;
import org.tieout.matcher.MatchingConfig;
import org.tieout.matcher.PairScorer;
import org.tieout.matcher.Progress;
import org.tieout.matcher.Reconciliation;
import org.tieout.review.Background;

/**
 * The learned half of the residue stage, which needs no key: retrieval of candidates and the
 * bundled {@link PairScorer}. With an embedder, and a residue small enough to embed (at most {@code
 * TIEOUT_EMBED_MAX_TEXTS} lines and entries, default 20,000), the scorer also weighs embedding
 * similarity; otherwise it uses its lexical variant, and the note says so. The bundled model is
 * used unless {@code TIEOUT_RESIDUE_MODEL} names a directory written by {@code tieout
 * residue-train} (for instance one retrained on the reviewers' decisions). A winner is proposed
 * when its calibrated confidence is at least {@code TIEOUT_LEARNED_MIN_CONFIDENCE} (default 0.5).
 */
public final class LearnedStage {
  private LearnedStage() {}

  /** What the stage added, and a line saying what it did. */
  public record Outcome(Reconciliation reconciliation, List<MatchGroup> added, String note) {}

  static final int DEFAULT_EMBED_MAX_TEXTS = 20_000;

  /** A model written by {@code tieout residue-train --out DIR} (checked to be a directory). */
  private static PairScorer load(Path dir, boolean embeddings) {
    try {
      return PairScorer.load(dir, embeddings);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "cannot read the residue model in TIEOUT_RESIDUE_MODEL=" + dir + ": " + e.getMessage(),
          e);
    }
  }

  /**
   * @param rules the rules' result
   * @param bank every bank line of the run (the rules' proposals are weighed again)
   * @param ledger every ledger entry of the run
   * @param embedder gives the embedder (or null for none); asked only when the residue is small
   *     enough to embed
   */
  public static Outcome apply(
      Reconciliation rules,
      List<BankLine> bank,
      List<LedgerEntry> ledger,
      MatchingConfig config,
      java.util.function.Supplier<Embedder> embedder,
      Progress progress) {
    String trained = System.getenv("TIEOUT_RESIDUE_MODEL");
    if (trained != null
        && !trained.isBlank()
        && !java.nio.file.Files.isDirectory(Path.of(trained))) {
      throw new IllegalArgumentException(
          "TIEOUT_RESIDUE_MODEL="
              + trained
              + " is not a directory: train one with ./tieout residue-train --out "
              + trained);
    }
    // the processors' fee schedules are learned in the background while the open items are indexed
    java.util.concurrent.CompletableFuture<FeeSchedules> learning =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> FeeSchedules.learn(rules, bank, ledger));
    Reconciliation rec = LearnedResidue.reopenProposals(rules, bank, ledger);
    int texts = rec.unmatchedBank().size() + rec.unmatchedLedger().size();
    int max =
        Integer.parseInt(
            System.getenv()
                .getOrDefault("TIEOUT_EMBED_MAX_TEXTS", String.valueOf(DEFAULT_EMBED_MAX_TEXTS)));
    String why = null;
    // the embedding model and its cache load only when this run will use them
    Embedder model = null;
    if (texts > max) {
      why = texts + " open lines and entries exceed TIEOUT_EMBED_MAX_TEXTS=" + max;
    } else if ((model = embedder.get()) == null) {
      why = "no embedder configured";
    }
    PairScorer scorer =
        trained == null || trained.isBlank()
            ? PairScorer.bundled(why == null)
            : load(Path.of(trained), why == null);
    if (scorer == null) {
      return new Outcome(rules, List.of(), "Learned scorer skipped: no model is bundled.");
    }
    LearnedResidue.Similarity sim =
        why == null
            ? new EmbeddingSimilarity(model, rec.unmatchedBank(), rec.unmatchedLedger(), progress)
            : null;
    LearnedResidue.Result r =
        new LearnedResidue(
                config,
                scorer,
                new LearnedResidue.Settings(
                    Double.parseDouble(
                        System.getenv()
                            .getOrDefault(
                                "TIEOUT_LEARNED_MIN_CONFIDENCE",
                                String.valueOf(LearnedResidue.Settings.DEFAULT.threshold()))),
                    LearnedResidue.Settings.DEFAULT.daysBefore(),
                    LearnedResidue.Settings.DEFAULT.daysAfter()))
            .propose(
                rec.unmatchedBank(),
                rec.unmatchedLedger(),
                sim,
                () -> Background.join(learning),
                progress);
    FeeSchedules fees = Background.join(learning);
    String note =
        String.format(
                Locale.ROOT,
                "Learned scorer (%s, %s trained %s): %d residue line(s) had candidates (%d in all); %d"
                    + " group(s) proposed for review, replacing rule proposals where they disagree.",
                why == null ? "with embedding similarity" : "lexical: " + why,
                trained == null || trained.isBlank() ? "bundled model" : "model in " + trained,
                scorer.trainedAt(),
                r.linesScored(),
                r.candidates(),
                r.groups().size())
            + feeNote(fees);
    return new Outcome(LearnedResidue.merge(rules, rec, r.groups()), r.groups(), note);
  }

  /** The processors' fee schedules the run learned, for the run's note. */
  private static String feeNote(FeeSchedules fees) {
    if (fees.size() == 0) {
      return " No processor fee schedule was learned (too few matched payouts, or none to the cent).";
    }
    List<String> lines = fees.describe();
    int shown = Math.min(3, lines.size());
    return " Processor fee schedules learned from the matched payouts: "
        + String.join("; ", lines.subList(0, shown))
        + (lines.size() > shown ? "; and " + (lines.size() - shown) + " more." : ".");
  }
}
