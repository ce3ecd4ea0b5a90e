package org.tieout.review.residue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tieout.core.BankLine;
import org.tieout.core.EntryId;
import org.tieout.core.LedgerEntry;
import org.tieout.core.MatchGroup;
import org.tieout.core.TransactionId;
import org.tieout.embeddings.CachingEmbedder;
import org.tieout.embeddings.Embedders;
import org.tieout.matcher.Progress;
import org.tieout.matcher.Reconciliation;

/**
 * The residue stage for batch runs, configured from the environment: TIEOUT_LLM_API_KEY (without it
 * the stage is skipped, and the run says so), TIEOUT_LLM_BASE_URL, TIEOUT_LLM_MODEL, TIEOUT_PROMPT
 * (default prompts/match-proposal/v1.yaml) and TIEOUT_CACHE_DIR (embeddings and answers, default
 * ~/.cache/tieout).
 */
public final class ResidueConfig {
  private ResidueConfig() {}

  /** A reconciliation with the residue stage's proposals added, and a line saying what it did. */
  public record Outcome(Reconciliation reconciliation, String note) {}

  public static Outcome apply(Reconciliation rec, Progress progress) {
    return apply(rec, progress, LlmProposer.Listener.NONE);
  }

  /** Whether the stage can run: a key is configured. */
  public static boolean configured() {
    String key = System.getenv("TIEOUT_LLM_API_KEY");
    return key != null && !key.isBlank();
  }

  static final String DEFAULT_MODEL = "gpt-4o-mini";

  /** The model: TIEOUT_LLM_MODEL, or the given default. */
  public static String model(String defaultModel) {
    return System.getenv().getOrDefault("TIEOUT_LLM_MODEL", defaultModel);
  }

  /** The endpoint the stage calls. */
  public static String baseUrl() {
    return System.getenv().getOrDefault("TIEOUT_LLM_BASE_URL", "https://api.openai.com/v1");
  }

  public static Outcome apply(
      Reconciliation rec, Progress progress, LlmProposer.Listener listener) {
    String key = System.getenv("TIEOUT_LLM_API_KEY");
    if (key == null || key.isBlank()) {
      String note =
          "LLM stage skipped: no TIEOUT_LLM_API_KEY; the residue stays for review without model proposals.";
      System.err.println("tieout: " + note);
      return new Outcome(rec, note);
    }
    Path cache =
        Path.of(
            System.getenv()
                .getOrDefault(
                    "TIEOUT_CACHE_DIR", System.getProperty("user.home") + "/.cache/tieout"));
    Prompt prompt =
        Prompt.load(
            Path.of(
                System.getenv().getOrDefault("TIEOUT_PROMPT", "prompts/match-proposal/v1.yaml")));
    LlmProposer llm =
        new LlmProposer(
            LlmProposer.Settings.standard(
                baseUrl(), key, model(DEFAULT_MODEL), cache.resolve("llm"), false),
            prompt,
            new AnswerValidator(500));
    llm.listener(listener);
    ResidueStage.Result r =
        new ResidueStage(new CachingEmbedder(embedder(key), cache.resolve("embeddings")), llm)
            .run(rec.unmatchedBank(), rec.unmatchedLedger(), prompt.id(), progress);
    long invalid = r.lines().stream().filter(l -> l.outcome().status().equals("invalid")).count();
    long failed = r.lines().stream().filter(l -> l.outcome().status().equals("failed")).count();
    String note =
        String.format(
            java.util.Locale.ROOT,
            "LLM stage (%s): %d residue line(s) asked, %d group(s) proposed, %d answer(s) refused by"
                + " validation, %d call(s) failed; usage %s.",
            prompt.id(),
            r.lines().size(),
            r.groups().size(),
            invalid,
            failed,
            llm.usage());
    return new Outcome(merge(rec, r.groups()), note);
  }

  /**
   * The in-process MiniLM, or OpenAI embeddings with TIEOUT_EMBEDDINGS=openai
   * (TIEOUT_EMBEDDING_MODEL, default text-embedding-3-small at 512 dimensions).
   */
  public static org.tieout.embeddings.Embedder embedder(String key) {
    if (!"openai".equals(System.getenv("TIEOUT_EMBEDDINGS"))) {
      return Embedders.local();
    }
    return Embedders.openAi(
        baseUrl(),
        key,
        System.getenv().getOrDefault("TIEOUT_EMBEDDING_MODEL", "text-embedding-3-small"),
        512);
  }

  private static Reconciliation merge(Reconciliation rec, List<MatchGroup> added) {
    if (added.isEmpty()) {
      return rec;
    }
    Set<TransactionId> bank = new HashSet<>();
    Set<EntryId> ledger = new HashSet<>();
    added.forEach(
        g -> {
          bank.addAll(g.bankIds());
          ledger.addAll(g.ledgerIds());
        });
    List<MatchGroup> groups = new ArrayList<>(rec.groups());
    groups.addAll(added);
    List<BankLine> openBank =
        rec.unmatchedBank().stream().filter(b -> !bank.contains(b.id())).toList();
    List<LedgerEntry> openLedger =
        rec.unmatchedLedger().stream().filter(e -> !ledger.contains(e.id())).toList();
    Map<String, Reconciliation.RuleCount> byRule = new HashMap<>(rec.byRule());
    for (MatchGroup g : added) {
      byRule.merge(
          g.rule(),
          new Reconciliation.RuleCount(0, 1),
          (a, b) -> new Reconciliation.RuleCount(a.autoMatched(), a.proposed() + b.proposed()));
    }
    return new Reconciliation(groups, openBank, openLedger, byRule);
  }
}
