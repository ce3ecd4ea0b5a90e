package org.tieout.review.residue;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.tieout.core.BankLine;
import org.tieout.core.LedgerEntry;
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

  /**
   * The residue stage: the learned scorer (always; it needs no key), then the LLM for the lines
   * still open when a key is configured.
   */
  public static Outcome apply(
      Reconciliation rec,
      List<BankLine> bank,
      List<LedgerEntry> ledger,
      org.tieout.matcher.MatchingConfig config,
      Progress progress,
      LlmProposer.Listener listener,
      String jdbcUrl) {
    String key = System.getenv("TIEOUT_LLM_API_KEY");
    Path cache = cacheDir();
    RunEmbedders embedders = new RunEmbedders(key, cache.resolve("embeddings"));
    LearnedStage.Outcome learned =
        LearnedStage.apply(rec, bank, ledger, config, embedders::configured, progress);
    System.err.println("tieout: " + learned.note());
    rec = learned.reconciliation();
    if (key == null || key.isBlank()) {
      String note =
          "LLM stage skipped: no TIEOUT_LLM_API_KEY; the learned scorer's proposals stand alone.";
      System.err.println("tieout: " + note);
      return new Outcome(rec, learned.note() + " " + note);
    }
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
    org.tieout.embeddings.Embedder embedder = embedders.orLocal();
    ResidueStage.Result r =
        new ResidueStage(embedder, llm, index(jdbcUrl, embedder, ledger, rec.unmatchedLedger()))
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
    return new Outcome(
        org.tieout.matcher.LearnedResidue.merge(rec, rec, r.groups()), learned.note() + " " + note);
  }

  /**
   * The vector index the LLM stage retrieves from: in memory for a file-to-file run; pgvector in
   * the run's database otherwise, where the vectors stay for later runs and the entries this run
   * settled are marked so.
   */
  static java.util.function.Supplier<org.tieout.embeddings.VectorIndex> index(
      String jdbcUrl,
      org.tieout.embeddings.Embedder embedder,
      List<LedgerEntry> ledger,
      List<LedgerEntry> open) {
    if (jdbcUrl == null) {
      return org.tieout.embeddings.InMemoryVectorIndex::new;
    }
    return () -> {
      try {
        org.tieout.embeddings.PgVectorIndex pg =
            new org.tieout.embeddings.PgVectorIndex(
                org.tieout.review.store.ReconciliationStore.connect(jdbcUrl),
                embedder.modelId(),
                embedder.dimension());
        java.util.Set<String> stillOpen = new java.util.HashSet<>();
        open.forEach(e -> stillOpen.add(e.id().value()));
        pg.markSettled(
            ledger.stream()
                .map(e -> e.id().value())
                .filter(id -> !stillOpen.contains(id))
                .toList());
        return pg;
      } catch (java.sql.SQLException e) {
        // e.g. an embedded database without the pgvector extension: the run goes on in memory
        System.err.println(
            "tieout: pgvector is not usable in the run's database ("
                + e.getMessage()
                + "); the LLM stage retrieves candidates in memory");
        return new org.tieout.embeddings.InMemoryVectorIndex();
      }
    };
  }

  /** Where embeddings and answers are cached: TIEOUT_CACHE_DIR, default ~/.cache/tieout. */
  public static Path cacheDir() {
    return Path.of(
        System.getenv()
            .getOrDefault("TIEOUT_CACHE_DIR", System.getProperty("user.home") + "/.cache/tieout"));
  }

  /**
   * Embedders for one run, behind a cache in {@code dir}, each made on first use and then shared by
   * the learned and the LLM stage (the model and the cache file load once).
   */
  public static final class RunEmbedders {
    private final String key;
    private final Path dir;
    private org.tieout.embeddings.Embedder configured;
    private org.tieout.embeddings.Embedder forLlm;

    public RunEmbedders(String key, Path dir) {
      this.key = key;
      this.dir = dir;
    }

    /** The configured embedder, or null when none is (the learned scorer then goes lexical). */
    public synchronized org.tieout.embeddings.Embedder configured() {
      if (configured == null) {
        org.tieout.embeddings.Embedder e = embedder(key);
        configured = e == null ? null : new CachingEmbedder(e, dir);
      }
      return configured;
    }

    /** The configured embedder, or the in-process one: for the stages that always embed. */
    public synchronized org.tieout.embeddings.Embedder orLocal() {
      if (forLlm == null) {
        forLlm =
            Objects.requireNonNullElseGet(
                configured(), () -> new CachingEmbedder(Embedders.local(), dir));
      }
      return forLlm;
    }
  }

  /**
   * The in-process MiniLM; OpenAI embeddings with TIEOUT_EMBEDDINGS=openai (TIEOUT_EMBEDDING_MODEL,
   * default text-embedding-3-small at 512 dimensions), which needs the key; none with
   * TIEOUT_EMBEDDINGS=none (null: the learned scorer then uses its lexical model).
   */
  public static org.tieout.embeddings.Embedder embedder(String key) {
    String choice = System.getenv().getOrDefault("TIEOUT_EMBEDDINGS", "local");
    if (choice.equals("none") || (choice.equals("openai") && (key == null || key.isBlank()))) {
      return null;
    }
    if (!choice.equals("openai")) {
      return Embedders.local();
    }
    return Embedders.openAi(
        baseUrl(),
        key,
        System.getenv().getOrDefault("TIEOUT_EMBEDDING_MODEL", "text-embedding-3-small"),
        512);
  }
}
