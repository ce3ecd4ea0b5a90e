package org.tieout.review.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.tieout.core.BankLine;
import org.tieout.core.LedgerEntry;
import org.tieout.core.MatchGroup;
import org.tieout.core.format.BadInputException;
import org.tieout.core.format.ImportResult;
import org.tieout.core.format.InterchangeCsv;
import org.tieout.embeddings.CachingEmbedder;
import org.tieout.matcher.LearnedResidue;
import org.tieout.matcher.MatchingConfig;
import org.tieout.matcher.PairFeatures;
import org.tieout.matcher.PairScorer;
import org.tieout.matcher.Reconciler;
import org.tieout.matcher.Reconciliation;
import org.tieout.matcher.dataset.DatasetGenerator;
import org.tieout.review.residue.EmbeddingSimilarity;
import org.tieout.review.residue.ResidueConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tieout residue-train}: (re)trains the learned residue scorer. The rules run on each
 * labelled dataset; every candidate the residue stage would consider is a training row, right when
 * all its pairs are in the truth. Writes both variants (with embedding similarity, and lexical).
 */
@Command(
    name = "residue-train",
    mixinStandardHelpOptions = true,
    description =
        "Trains the learned residue scorer from labelled datasets (given or generated); writes"
            + " the pair models and their calibrations (with and without embeddings).")
final class TrainResidueCommand implements Callable<Integer> {
  @Option(
      names = "--dataset",
      arity = "0..*",
      description = "labelled dataset directories (bank.csv, ledger.csv, truth.csv)")
  List<Path> datasets = new ArrayList<>();

  @Option(
      names = "--generate-seeds",
      split = ",",
      description = "also train on generated datasets with these seeds")
  List<Long> seeds = new ArrayList<>();

  @Option(
      names = "--bank-lines",
      defaultValue = "3000",
      description = "bank lines per generated dataset (default ${DEFAULT-VALUE})")
  int bankLines;

  @Option(names = "--out", required = true, description = "directory to write the models to")
  Path out;

  @Option(
      names = "--seed",
      defaultValue = "17",
      description = "training seed (default ${DEFAULT-VALUE})")
  long seed;

  @Option(
      names = {"-q", "--quiet"},
      description = "no progress output")
  boolean quiet;

  /** One labelled dataset's residue, embedded, kept for both training steps. */
  private record Residue(
      List<BankLine> bank,
      List<LedgerEntry> ledger,
      LearnedResidue.Similarity sim,
      Set<String> truthPairs) {}

  @Override
  public Integer call() throws Exception {
    if (datasets.isEmpty() && seeds.isEmpty()) {
      System.err.println("tieout residue-train: give --dataset, --generate-seeds or both");
      return ExitCodes.USAGE;
    }
    ConsoleProgress progress = new ConsoleProgress(System.err, quiet);
    List<Residue> residues = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    for (Path d : datasets) {
      residues.add(
          residue(
              read(InterchangeCsv.readBank(d.resolve("bank.csv"))),
              read(InterchangeCsv.readLedger(d.resolve("ledger.csv"))),
              InterchangeCsv.readMatches(d.resolve("truth.csv")),
              progress));
      sources.add(d.toString());
    }
    for (long s : seeds) {
      DatasetGenerator.Dataset g =
          new DatasetGenerator(
                  new DatasetGenerator.Options(
                      s,
                      bankLines,
                      LocalDate.of(2025, 1, 1).plusDays(s % 300),
                      90 + (int) (s % 60)))
              .generate(progress);
      residues.add(residue(g.bank(), g.ledger(), g.truth(), progress));
      sources.add("generated seed " + s);
    }
    long started = System.nanoTime();
    MatchingConfig config = MatchingConfig.defaultConfig();
    List<double[]> rows = new ArrayList<>();
    List<Boolean> right = new ArrayList<>();
    for (Residue r : residues) {
      for (LearnedResidue.Example x :
          LearnedResidue.examples(r.bank(), r.ledger(), config, r.sim(), r.truthPairs(), null)) {
        rows.add(x.features());
        right.add(x.right());
      }
    }
    int lexicalColumns = PairFeatures.names(false).size();
    List<double[]> lexicalRows = new ArrayList<>(rows.size());
    rows.forEach(r -> lexicalRows.add(java.util.Arrays.copyOf(r, lexicalColumns)));
    for (boolean embeddings : new boolean[] {true, false}) {
      PairScorer first = PairScorer.train(embeddings ? rows : lexicalRows, right, embeddings, seed);
      List<double[]> winners = new ArrayList<>();
      List<Boolean> winnerRight = new ArrayList<>();
      for (Residue r : residues) {
        for (LearnedResidue.Example x :
            LearnedResidue.examples(r.bank(), r.ledger(), config, r.sim(), r.truthPairs(), first)) {
          winners.add(x.features());
          winnerRight.add(x.right());
        }
      }
      first.calibrated(winners, winnerRight, seed).save(out);
      System.out.printf(
          Locale.ROOT,
          "%s: %d candidates (%d right), calibrated on %d winners (%d right)%n",
          embeddings ? "with embeddings" : "lexical",
          rows.size(),
          right.stream().filter(b -> b).count(),
          winners.size(),
          winnerRight.stream().filter(b -> b).count());
    }
    System.out.printf(
        Locale.ROOT,
        "trained from %s in %.1f s: %s%n",
        String.join(", ", sources),
        (System.nanoTime() - started) / 1e9,
        out.toAbsolutePath());
    return ExitCodes.OK;
  }

  private static Residue residue(
      List<BankLine> bank,
      List<LedgerEntry> ledger,
      List<MatchGroup> truth,
      ConsoleProgress progress) {
    Reconciliation rec =
        LearnedResidue.reopenProposals(
            new Reconciler(MatchingConfig.defaultConfig(), progress).run(bank, ledger),
            bank,
            ledger);
    Set<String> pairs = new HashSet<>();
    for (MatchGroup g : truth) {
      g.bankIds().forEach(b -> g.ledgerIds().forEach(e -> pairs.add(b.value() + "|" + e.value())));
    }
    // the model with embeddings is always trained: TIEOUT_EMBEDDINGS=none still embeds here
    org.tieout.embeddings.Embedder configured = ResidueConfig.embedder(null);
    CachingEmbedder embedder =
        new CachingEmbedder(
            configured == null ? org.tieout.embeddings.Embedders.local() : configured,
            ResidueConfig.cacheDir().resolve("embeddings"));
    LearnedResidue.Similarity sim =
        new EmbeddingSimilarity(embedder, rec.unmatchedBank(), rec.unmatchedLedger(), progress);
    return new Residue(rec.unmatchedBank(), rec.unmatchedLedger(), sim, pairs);
  }

  private static <T> List<T> read(ImportResult<T> r) {
    if (r.hasProblems()) {
      throw new BadInputException(r.problems());
    }
    return r.items();
  }
}
