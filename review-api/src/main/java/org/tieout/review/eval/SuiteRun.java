package org.tieout.review.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.tieout.core.BankLine;
import org.tieout.core.EntryId;
import org.tieout.core.LedgerEntry;
import org.tieout.core.MatchGroup;
import org.tieout.core.TransactionId;
import org.tieout.core.format.BadInputException;
import org.tieout.core.format.ImportResult;
import org.tieout.core.format.InterchangeCsv;
import org.tieout.matcher.MatchingConfig;
import org.tieout.matcher.Progress;
import org.tieout.matcher.Reconciler;
import org.tieout.matcher.Reconciliation;
import org.tieout.matcher.eval.Evaluation;
import org.tieout.review.residue.AnswerValidator;
import org.tieout.review.residue.LearnedStage;
import org.tieout.review.residue.LlmProposer;
import org.tieout.review.residue.Prompt;
import org.tieout.review.residue.ResidueConfig;
import org.tieout.review.residue.ResidueStage;

/**
 * Runs the whole pipeline on a suite and measures it: the rules, then the residue stage with the
 * LLM live (a key in TIEOUT_LLM_API_KEY; answers are recorded into the suite), replayed from the
 * suite's recordings (no key, recordings present), or skipped (neither), which the report says.
 */
public final class SuiteRun {
  private SuiteRun() {}

  /** The report as a map (written as JSON and rendered as HTML), and whether thresholds held. */
  public record Report(Map<String, Object> data, List<String> failures) {}

  /** An OpenAI-compatible endpoint; a blank key means none. */
  public record Endpoint(String baseUrl, String apiKey, String model) {
    /** From TIEOUT_LLM_BASE_URL, TIEOUT_LLM_API_KEY and TIEOUT_LLM_MODEL. */
    public static Endpoint fromEnvironment(String defaultModel) {
      return new Endpoint(
          ResidueConfig.baseUrl(),
          System.getenv("TIEOUT_LLM_API_KEY"),
          ResidueConfig.model(defaultModel));
    }
  }

  public static Report run(Suite suite, Endpoint endpoint, Progress progress) {
    List<BankLine> bank = read(InterchangeCsv.readBank(suite.bank()));
    List<LedgerEntry> ledger = read(InterchangeCsv.readLedger(suite.ledger()));
    List<MatchGroup> truth = InterchangeCsv.readMatches(suite.truth());
    long started = System.nanoTime();
    Reconciliation rules =
        new Reconciler(MatchingConfig.defaultConfig(), progress).run(bank, ledger);
    String key = endpoint == null ? null : endpoint.apiKey();
    ResidueConfig.RunEmbedders embedders =
        new ResidueConfig.RunEmbedders(key, suite.dir().resolve(".cache"));
    LearnedStage.Outcome learned =
        LearnedStage.apply(
            rules, bank, ledger, MatchingConfig.defaultConfig(), embedders::configured, progress);
    System.err.println("tieout eval: " + learned.note());
    Reconciliation rec = learned.reconciliation();
    List<MatchGroup> groups = new ArrayList<>(rec.groups());

    Map<String, Object> llm = new LinkedHashMap<>();
    Prompt prompt = Prompt.load(suite.prompt());
    llm.put("prompt", prompt.id());
    llm.put("model", suite.model());
    boolean recorded = hasRecordings(suite.recordings());
    List<ResidueStage.LineResult> asked = List.of();
    if ((key == null || key.isBlank()) && !recorded) {
      llm.put("mode", "skipped");
      llm.put(
          "note",
          "LLM stage skipped: no TIEOUT_LLM_API_KEY and no recordings in " + suite.recordings());
      System.err.println("tieout eval: " + llm.get("note"));
    } else {
      boolean live = key != null && !key.isBlank();
      llm.put("mode", live ? "live (recording)" : "replay");
      LlmProposer proposer =
          new LlmProposer(
              LlmProposer.Settings.standard(
                  endpoint == null ? "http://127.0.0.1:9/v1" : endpoint.baseUrl(),
                  live ? key : "replay",
                  endpoint == null ? suite.model() : endpoint.model(),
                  suite.recordings(),
                  !live),
              prompt,
              new AnswerValidator(500));
      ResidueStage.Result r =
          new ResidueStage(embedders.orLocal(), proposer)
              .run(rec.unmatchedBank(), rec.unmatchedLedger(), prompt.id(), progress);
      groups.addAll(r.groups());
      asked = r.lines();
      llm.putAll(proposer.usage());
    }
    llm.putAll(llmStats(asked));

    Evaluation ev = Evaluation.score(groups, truth);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("suite", suite.name());
    data.put("description", suite.description());
    data.put("bank_lines", bank.size());
    data.put("ledger_entries", ledger.size());
    data.put("duration_s", Math.round((System.nanoTime() - started) / 1e7) / 100.0);
    data.putAll(ev.toMap());
    data.put("confidence_buckets", buckets(groups, truth));
    data.put("learned_scorer", learned.note());
    data.put("llm", llm);
    data.put("cases", cases(groups, truth));
    List<String> failures = check(suite.thresholds(), ev, llm);
    data.put("thresholds", suite.thresholds());
    data.put("passed", failures.isEmpty());
    data.put("failures", failures);
    return new Report(data, failures);
  }

  private static <T> List<T> read(ImportResult<T> r) {
    if (r.hasProblems()) {
      throw new BadInputException(r.problems());
    }
    return r.items();
  }

  private static boolean hasRecordings(Path dir) {
    try (var s = Files.exists(dir) ? Files.list(dir) : java.util.stream.Stream.<Path>empty()) {
      return s.anyMatch(p -> p.toString().endsWith(".json"));
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private static Map<String, Object> llmStats(List<ResidueStage.LineResult> asked) {
    Map<String, Object> m = new LinkedHashMap<>();
    Map<String, Integer> byStatus = new TreeMap<>();
    List<Long> latencies = new ArrayList<>();
    for (ResidueStage.LineResult r : asked) {
      byStatus.merge(r.outcome().status(), 1, Integer::sum);
      if (!r.outcome().fromCache() && r.outcome().latencyMs() > 0) {
        latencies.add(r.outcome().latencyMs());
      }
    }
    m.put("lines_asked", asked.size());
    m.put("outcomes", byStatus);
    int answered = asked.size() - byStatus.getOrDefault("failed", 0);
    m.put(
        "invalid_answer_rate",
        answered == 0 ? 0.0 : byStatus.getOrDefault("invalid", 0) / (double) answered);
    Collections.sort(latencies);
    m.put("latency_p50_ms", latencies.isEmpty() ? null : latencies.get(latencies.size() / 2));
    m.put(
        "latency_p95_ms",
        latencies.isEmpty() ? null : latencies.get((int) Math.ceil(latencies.size() * 0.95) - 1));
    return m;
  }

  /** Pair precision of predicted groups by confidence: is a 0.9 right nine times in ten? */
  static List<Map<String, Object>> buckets(List<MatchGroup> groups, List<MatchGroup> truth) {
    Set<String> truePairs = pairs(truth);
    double[] edges = {0, 0.5, 0.7, 0.9, 0.99, 1.0001};
    long[] predicted = new long[edges.length - 1];
    long[] correct = new long[edges.length - 1];
    for (MatchGroup g : groups) {
      int b = 0;
      while (b < predicted.length - 1 && g.confidence() >= edges[b + 1]) {
        b++;
      }
      for (TransactionId t : g.bankIds()) {
        for (EntryId e : g.ledgerIds()) {
          predicted[b]++;
          if (truePairs.contains(t.value() + "|" + e.value())) {
            correct[b]++;
          }
        }
      }
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (int b = 0; b < predicted.length; b++) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put(
          "confidence",
          String.format(Locale.ROOT, "%.2f-%.2f", edges[b], Math.min(1.0, edges[b + 1])));
      m.put("pairs", predicted[b]);
      m.put("correct", correct[b]);
      m.put("precision", predicted[b] == 0 ? null : (double) correct[b] / predicted[b]);
      out.add(m);
    }
    return out;
  }

  private static Set<String> pairs(List<MatchGroup> groups) {
    Set<String> s = new HashSet<>();
    for (MatchGroup g : groups) {
      for (TransactionId t : g.bankIds()) {
        for (EntryId e : g.ledgerIds()) {
          s.add(t.value() + "|" + e.value());
        }
      }
    }
    return s;
  }

  /**
   * Per truth bank line: auto_correct, proposed_correct, wrong (a group, not the true one) or
   * missed (no group), for comparing runs case by case.
   */
  static Map<String, String> cases(List<MatchGroup> groups, List<MatchGroup> truth) {
    Map<String, MatchGroup> byLine = new HashMap<>();
    for (MatchGroup g : groups) {
      g.bankIds().forEach(t -> byLine.put(t.value(), g));
    }
    Map<String, String> out = new TreeMap<>();
    for (MatchGroup t : truth) {
      Set<EntryId> want = new HashSet<>(t.ledgerIds());
      for (TransactionId line : t.bankIds()) {
        MatchGroup got = byLine.get(line.value());
        String outcome;
        if (got == null) {
          outcome = "missed";
        } else if (new HashSet<>(got.ledgerIds()).equals(want)) {
          outcome = got.isAuto() ? "auto_correct" : "proposed_correct";
        } else {
          outcome = "wrong";
        }
        out.put(line.value(), outcome);
      }
    }
    return out;
  }

  private static List<String> check(
      Map<String, Double> thresholds, Evaluation ev, Map<String, Object> llm) {
    List<String> failures = new ArrayList<>();
    thresholds.forEach(
        (name, limit) -> {
          Double value =
              switch (name) {
                case "min_auto_precision" -> ev.autoMatched().precision();
                case "min_auto_share" -> ev.autoMatchedShareOfMatchableBankLines();
                case "min_recall" -> ev.all().recall();
                case "min_proposed_precision" -> ev.proposed().precision();
                case "max_invalid_answer_rate" -> (Double) llm.get("invalid_answer_rate");
                default -> throw new IllegalArgumentException("unknown threshold " + name);
              };
          boolean ok = name.startsWith("max_") ? value <= limit : value >= limit;
          if (!ok) {
            failures.add(
                String.format(Locale.ROOT, "%s: %.4f, threshold %.4f", name, value, limit));
          }
        });
    return failures;
  }

  /** Cases that changed against a baseline report: better and worse, by id. */
  public static Map<String, List<String>> compare(
      Map<String, String> baseline, Map<String, String> now) {
    Map<String, Integer> rank =
        Map.of("wrong", 0, "missed", 1, "proposed_correct", 2, "auto_correct", 3);
    List<String> better = new ArrayList<>();
    List<String> worse = new ArrayList<>();
    now.forEach(
        (id, outcome) -> {
          String before = baseline.get(id);
          if (before == null || before.equals(outcome)) {
            return;
          }
          String line = id + ": " + before + " -> " + outcome;
          if (rank.getOrDefault(outcome, 0) > rank.getOrDefault(before, 0)) {
            better.add(line);
          } else {
            worse.add(line);
          }
        });
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("better", better);
    m.put("worse", worse);
    return m;
  }
}
