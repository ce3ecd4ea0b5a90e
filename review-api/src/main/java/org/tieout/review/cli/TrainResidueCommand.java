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
import org.tieout.matcher.FeeSchedules;
import org.tieout.matcher.LearnedResidue;
import org.tieout.matcher.MatchingConfig;
import org.tieout.matcher.PairFeatures;
import org.tieout.matcher.PairScorer;
import org.tieout.matcher.Reconciler;
import org.tieout.matcher.Reconciliation;
import org.tieout.matcher.dataset.DatasetGenerator;
import org.tieout.review.residue.EmbeddingSimilarity;
import org.tieout.review.residue.ResidueConfig;
import org.tieout.review.store.ReviewedResidue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tieout residue-train}: (re)trains the learned residue scorer. The rules run on each
 * labelled dataset; every candidate the residue stage would consider is a training row, right when
 * all its pairs are in the truth. With {@code --db}, reviewers' decisions in the store label the
 * candidates of the residue they were made on (what nobody decided is left out). Writes both
 * variants (with embedding similarity, and lexical); {@code TIEOUT_RESIDUE_MODEL} points a run at
 * the directory.
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

  @Option(
      names = "--db",
      paramLabel = "JDBC_URL",
      description =
          "also train on reviewers' decisions stored in this database (approved and manual groups"
              + " right, rejected and reversed ones wrong)")
  String jdbcUrl;

  @Option(
      names = "--decision-weight",
      defaultValue = "3",
      description =
          "how many times each row labelled by a reviewer's decision counts against a generated"
              + " or dataset row (default ${DEFAULT-VALUE})")
  int decisionWeight;

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

  /** One labelled residue, embedded, kept for both training steps, with the weight of its rows. */
  private record Residue(
      List<BankLine> bank,
      List<LedgerEntry> ledger,
      LearnedResidue.Similarity sim,
      FeeSchedules fees,
      LearnedResidue.Labels labels,
      int weight) {}

  @Override
  public Integer call() throws Exception {
    if (datasets.isEmpty() && seeds.isEmpty() && jdbcUrl == null) {
      System.err.println("tieout residue-train: give --dataset, --generate-seeds, --db or several");
      return ExitCodes.USAGE;
    }
    if (decisionWeight < 1) {
      System.err.println("tieout residue-train: --decision-weight must be at least 1");
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
    if (jdbcUrl != null) {
      ReviewedResidue reviewed = ReviewedResidue.load(jdbcUrl);
      String what =
          reviewed.settledGroups()
              + " settled and "
              + reviewed.refusedGroups()
              + " rejected or reversed group(s) in the database";
      if (reviewed.settledGroups() + reviewed.refusedGroups() == 0) {
        System.err.println("tieout residue-train: no reviewers' decisions in the database yet");
        if (residues.isEmpty()) {
          return ExitCodes.USAGE;
        }
      } else {
        residues.add(
            new Residue(
                reviewed.bank(),
                reviewed.ledger(),
                similarity(reviewed.bank(), reviewed.ledger(), progress),
                // the posted payouts the schedules come from are not read back from the store
                FeeSchedules.NONE,
                reviewed.labels(),
                decisionWeight));
        sources.add(what + " (each row counted " + decisionWeight + " times)");
      }
    }
    long started = System.nanoTime();
    MatchingConfig config = MatchingConfig.defaultConfig();
    List<double[]> rows = new ArrayList<>();
    List<Boolean> right = new ArrayList<>();
    for (Residue r : residues) {
      for (LearnedResidue.Example x :
          LearnedResidue.examples(
              r.bank(), r.ledger(), config, r.sim(), r.fees(), r.labels(), null)) {
        for (int i = 0; i < r.weight(); i++) {
          rows.add(x.features());
          right.add(x.right());
        }
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
            LearnedResidue.examples(
                r.bank(), r.ledger(), config, r.sim(), r.fees(), r.labels(), first)) {
          for (int i = 0; i < r.weight(); i++) {
            winners.add(x.features());
            winnerRight.add(x.right());
          }
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

  private Residue residue(
      List<BankLine> bank,
      List<LedgerEntry> ledger,
      List<MatchGroup> truth,
      ConsoleProgress progress) {
    Reconciliation rules =
        new Reconciler(MatchingConfig.defaultConfig(), progress).run(bank, ledger);
    Reconciliation rec = LearnedResidue.reopenProposals(rules, bank, ledger);
    Set<String> pairs = new HashSet<>();
    for (MatchGroup g : truth) {
      g.bankIds().forEach(b -> g.ledgerIds().forEach(e -> pairs.add(b.value() + "|" + e.value())));
    }
    return new Residue(
        rec.unmatchedBank(),
        rec.unmatchedLedger(),
        similarity(rec.unmatchedBank(), rec.unmatchedLedger(), progress),
        FeeSchedules.learn(rules, bank, ledger),
        LearnedResidue.Labels.truth(pairs),
        1);
  }

  /** One embedder (model and cache file loaded once) for every residue of the run. */
  private final ResidueConfig.RunEmbedders embedders =
      new ResidueConfig.RunEmbedders(null, ResidueConfig.cacheDir().resolve("embeddings"));

  /** The model with embeddings is always trained: TIEOUT_EMBEDDINGS=none still embeds here. */
  private LearnedResidue.Similarity similarity(
      List<BankLine> bank, List<LedgerEntry> ledger, ConsoleProgress progress) {
    return new EmbeddingSimilarity(embedders.orLocal(), bank, ledger, progress);
  }

  private static <T> List<T> read(ImportResult<T> r) {
    if (r.hasProblems()) {
      throw new BadInputException(r.problems());
    }
    return r.items();
  }
}
