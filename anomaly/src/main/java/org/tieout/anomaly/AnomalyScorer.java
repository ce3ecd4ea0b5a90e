package org.tieout.anomaly;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tieout.anomaly.detect.AmountOutliers;
import org.tieout.anomaly.detect.BelowApprovalLimit;
import org.tieout.anomaly.detect.BenfordFirstDigits;
import org.tieout.anomaly.detect.DuplicatePayments;
import org.tieout.anomaly.detect.NewCounterparties;
import org.tieout.anomaly.detect.PostingTimes;
import org.tieout.anomaly.detect.RareAccountPairs;
import org.tieout.anomaly.detect.RoundAmounts;
import org.tieout.anomaly.model.EntryFeatures;
import org.tieout.anomaly.model.LearnedModel;
import org.tieout.core.EntryId;
import org.tieout.core.LedgerEntry;

/**
 * Runs the explicit detectors and combines their flags into one score per entry, 0..1: {@code 1 -
 * Π(1 - strength × weight)} over the entry's flags, so one strong reason or several weaker ones
 * both reach the review threshold, and more reasons never lower the score. The weights per type are
 * in {@link AnomalyType}.
 */
public final class AnomalyScorer {
  /** From this probability the learned model raises a flag of its own. */
  public static final double MODEL_FLAG_FROM = 0.5;

  private final AnomalyConfig config;
  private final List<Detector> detectors;
  private final LearnedModel model;

  /** The explicit detectors and the model that ships with Tieout, if the build has one. */
  public AnomalyScorer(AnomalyConfig config) {
    this(config, LearnedModel.bundled());
  }

  /** The explicit detectors, and a learned model ({@code null}: the detectors alone). */
  public AnomalyScorer(AnomalyConfig config, LearnedModel model) {
    this.config = config;
    this.model = model;
    this.detectors =
        List.of(
            new DuplicatePayments(),
            new AmountOutliers(),
            new BelowApprovalLimit(),
            new RoundAmounts(),
            new PostingTimes(),
            new RareAccountPairs(),
            new NewCounterparties(),
            new BenfordFirstDigits());
  }

  /**
   * An entry's score and the flags behind it, strongest first; flags a reviewer's decision covered
   * are kept apart, with the decision, and do not count.
   */
  public record Assessment(
      LedgerEntry entry, double score, List<Flag> flags, List<String> suppressed) {
    public boolean flagged(double threshold) {
      return score >= threshold;
    }
  }

  /** Every entry with at least one flag, highest score first. */
  public List<Assessment> assess(List<LedgerEntry> entries) {
    return assess(entries, List.of());
  }

  /** As {@link #assess(List)}, with reviewers' decisions that some patterns are expected. */
  public List<Assessment> assess(List<LedgerEntry> entries, List<Expected> expected) {
    Ledger ledger = new Ledger(entries);
    List<Flag> all =
        detectors.parallelStream().flatMap(d -> d.detect(ledger, config).stream()).toList();
    Map<EntryId, List<Flag>> byEntry = new HashMap<>();
    for (Flag f : all) {
      byEntry.computeIfAbsent(f.entry(), k -> new ArrayList<>()).add(f);
    }
    Map<EntryId, Flag> learned = model == null ? Map.of() : learnedFlags(ledger, byEntry);
    learned.forEach((id, f) -> byEntry.computeIfAbsent(id, k -> new ArrayList<>()).add(f));
    Map<EntryId, LedgerEntry> index = new HashMap<>();
    for (LedgerEntry e : entries) {
      index.put(e.id(), e);
    }
    List<Assessment> out = new ArrayList<>(byEntry.size());
    byEntry.forEach(
        (id, raised) -> {
          LedgerEntry entry = index.get(id);
          List<Flag> flags = new ArrayList<>();
          List<String> suppressed = new ArrayList<>();
          for (Flag f : raised) {
            Expected decision =
                expected.isEmpty()
                    ? null
                    : expected.stream().filter(x -> x.covers(entry, f)).findFirst().orElse(null);
            if (decision == null) {
              flags.add(f);
            } else {
              suppressed.add(
                  f.type().code()
                      + ": "
                      + f.explanation()
                      + " [suppressed: "
                      + decision.describe()
                      + "]");
            }
          }
          if (flags.isEmpty() && suppressed.isEmpty()) {
            return;
          }
          flags.sort(Comparator.comparingDouble(Flag::contribution).reversed());
          double keep = 1;
          for (Flag f : flags) {
            keep *= 1 - f.contribution();
          }
          out.add(new Assessment(entry, 1 - keep, List.copyOf(flags), List.copyOf(suppressed)));
        });
    out.sort(
        Comparator.comparingDouble(Assessment::score)
            .reversed()
            .thenComparing(a -> a.entry().id()));
    return out;
  }

  /** The model's inputs for every entry, in order: the detectors' flags and the raw features. */
  public double[][] features(List<LedgerEntry> entries) {
    Ledger ledger = new Ledger(entries);
    Map<EntryId, List<Flag>> byEntry = new HashMap<>();
    detectors.parallelStream()
        .flatMap(d -> d.detect(ledger, config).stream())
        .toList()
        .forEach(f -> byEntry.computeIfAbsent(f.entry(), k -> new ArrayList<>()).add(f));
    return EntryFeatures.compute(ledger, config, byEntry);
  }

  /**
   * The model's view of every entry: a flag where its probability reaches {@link #MODEL_FLAG_FROM},
   * explained by the features that pushed it up most.
   */
  private Map<EntryId, Flag> learnedFlags(Ledger ledger, Map<EntryId, List<Flag>> byEntry) {
    double[][] rows = EntryFeatures.compute(ledger, config, byEntry);
    Map<EntryId, Flag> out = new java.util.concurrent.ConcurrentHashMap<>();
    java.util.stream.IntStream.range(0, rows.length)
        .parallel()
        .forEach(
            i -> {
              double p = model.probability(rows[i]);
              if (p >= MODEL_FLAG_FROM) {
                EntryId id = ledger.get(i).id();
                out.put(
                    id,
                    new Flag(
                        id,
                        AnomalyType.LEARNED_PATTERN,
                        Math.min(1, p),
                        String.format(
                            java.util.Locale.ROOT,
                            "the learned model gives %.2f (model trained %s); it weighs most: %s",
                            p,
                            model.description(),
                            model.reasons(rows[i], 3))));
              }
            });
    return out;
  }

  public AnomalyConfig config() {
    return config;
  }
}
