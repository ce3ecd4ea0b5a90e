package org.tieout.matcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.tieout.core.learn.BinaryModel;

/**
 * The learned scorer of residue candidates, in two steps, both logistic regressions (Tribuo):
 *
 * <ol>
 *   <li>the <em>pair model</em> over {@link PairFeatures} gives the probability that every pair in
 *       a candidate (one bank line with one or more ledger entries) is right; it ranks a line's
 *       candidates;
 *   <li>the <em>calibration</em> maps the score of a candidate that won its line (and how many
 *       entries it holds) to the share of such winners that were right on the training data. That
 *       is the confidence shown to the reviewer and compared with the threshold: a winner is right
 *       more often than its raw score says, because its rivals lost.
 * </ol>
 *
 * Two variants ship: one that also weighs embedding similarity, and a lexical one for runs without
 * embeddings (no embedder, or a residue too large to embed).
 */
public final class PairScorer {
  private static final String RIGHT = "right";
  private static final String WRONG = "wrong";
  private static final String BUNDLED = "/org/tieout/matcher/";
  static final List<String> CALIBRATION_FEATURES =
      List.of("score_logit", "entries_log", "shape_share_logit", "shape_share_logit_by_entries");

  private final BinaryModel model;
  private final BinaryModel calibration;
  private final boolean embeddings;

  private PairScorer(BinaryModel model, BinaryModel calibration, boolean embeddings) {
    this.model = model;
    this.calibration = calibration;
    this.embeddings = embeddings;
  }

  private static final class Bundled {
    static final PairScorer WITH_EMBEDDINGS = read(true);
    static final PairScorer LEXICAL = read(false);

    private static PairScorer read(boolean embeddings) {
      BinaryModel m =
          BinaryModel.resource(
              PairScorer.class,
              BUNDLED + fileName(embeddings, false),
              PairFeatures.names(embeddings),
              RIGHT,
              WRONG);
      BinaryModel cal =
          BinaryModel.resource(
              PairScorer.class,
              BUNDLED + fileName(embeddings, true),
              CALIBRATION_FEATURES,
              RIGHT,
              WRONG);
      return m == null || cal == null ? null : new PairScorer(m, cal, embeddings);
    }
  }

  /** The model that ships with Tieout for runs with or without embeddings; null if absent. */
  public static PairScorer bundled(boolean embeddings) {
    return embeddings ? Bundled.WITH_EMBEDDINGS : Bundled.LEXICAL;
  }

  /** The file names of a variant's two models (as bundled, and as the training command writes). */
  static String fileName(boolean embeddings, boolean calibration) {
    return "pair-model"
        + (embeddings ? "" : "-lexical")
        + (calibration ? "-calibration" : "")
        + ".tribuo";
  }

  /** Reads a variant written by {@link #save} into {@code dir}. */
  public static PairScorer load(Path dir, boolean embeddings) {
    return new PairScorer(
        BinaryModel.load(
            dir.resolve(fileName(embeddings, false)), PairFeatures.names(embeddings), RIGHT, WRONG),
        BinaryModel.load(
            dir.resolve(fileName(embeddings, true)), CALIBRATION_FEATURES, RIGHT, WRONG),
        embeddings);
  }

  /** Writes both models of this variant into {@code dir}. */
  public void save(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    model.save(dir.resolve(fileName(embeddings, false)));
    calibration.save(dir.resolve(fileName(embeddings, true)));
  }

  /**
   * The first step: trains the pair model on candidates' features (with the embedding column when
   * {@code embeddings}) and whether each candidate was right. The classes are not rebalanced, so
   * the score keeps the labels' mix. Seeded and repeatable. The result still needs {@link
   * #calibrated}.
   */
  public static PairScorer train(
      List<double[]> rows, List<Boolean> right, boolean embeddings, long seed) {
    return new PairScorer(
        BinaryModel.train(
            "tieout residue candidates",
            PairFeatures.names(embeddings),
            RIGHT,
            WRONG,
            rows,
            right,
            false,
            seed),
        null,
        embeddings);
  }

  /**
   * The second step: this pair model with a calibration trained on the candidates that won their
   * lines ({@link #calibrationRow} of each) and whether they were right.
   */
  public PairScorer calibrated(List<double[]> winners, List<Boolean> right, long seed) {
    return new PairScorer(
        model,
        BinaryModel.train(
            "tieout residue winners",
            CALIBRATION_FEATURES,
            RIGHT,
            WRONG,
            winners,
            right,
            false,
            seed),
        embeddings);
  }

  /** Whether this model weighs embedding similarity (its rows have that column). */
  public boolean usesEmbeddings() {
    return embeddings;
  }

  /** The pair model's score: ranks a line's candidates. */
  public double score(double[] features) {
    return model.probability(features);
  }

  /**
   * What the calibration reads of a winning candidate: its score, its size, and the summed score of
   * the line's candidates with the same amounts (sets that differ only by entries of equal amount,
   * as a processor's sales at one price: most of their pairs are right if one of them is).
   */
  static double[] calibrationRow(double score, int entries, double shapeShare) {
    double share = logit(shapeShare);
    return new double[] {logit(score), Math.log(entries), share, share * Math.log(entries)};
  }

  private static double logit(double p) {
    double q = Math.min(1 - 1e-6, Math.max(1e-6, p));
    return Math.log(q / (1 - q));
  }

  /**
   * The confidence of a candidate that won its line, calibrated as the share of its pairs that are
   * right; the score itself until calibrated.
   */
  public double confidence(double score, int entries, double shapeShare) {
    return calibration == null
        ? score
        : calibration.probability(calibrationRow(score, entries, shapeShare));
  }

  /** The features that raised the score most, for the explanation. */
  public String reasons(double[] features) {
    return model.reasons(features, 3);
  }

  public String trainedAt() {
    return model.trainedAt();
  }
}
