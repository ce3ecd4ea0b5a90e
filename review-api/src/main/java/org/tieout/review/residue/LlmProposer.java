package org.tieout.review.residue;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.errors.OpenAIException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.ResponseFormatJsonSchema;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionAssistantMessageParam;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.tieout.core.BankLine;
import org.tieout.core.LedgerEntry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks an OpenAI-compatible endpoint (through the OpenAI Java client) which candidates a residue
 * bank line settles, with the answer requested under a strict JSON schema and then checked again by
 * {@link AnswerValidator}. An invalid answer gets one repair attempt with the errors; after that
 * the line stays unmatched with the reason. The client retries 429 and 5xx with backoff and honours
 * Retry-After; on top of it: a time-out, a limit on concurrent calls, a circuit breaker that stops
 * calling after repeated failures for a cool-down, token and cost accounting, and a cache of
 * answers by (prompt version, model, input) that also serves as the recording a later run replays
 * offline.
 */
public final class LlmProposer {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Where and how to call; prices are per million tokens, for the cost estimate. */
  public record Settings(
      String baseUrl,
      String apiKey,
      String model,
      Duration timeout,
      int maxRetries,
      int concurrency,
      int breakerFailures,
      Duration breakerCooldown,
      double inputPricePerMillion,
      double outputPricePerMillion,
      Path cacheDir,
      boolean offline) {

    /**
     * The settings batch runs and evaluation suites use: 60 s time-out, 3 retries, 4 calls at once,
     * 5 failures pause calls for 2 minutes, gpt-4o-mini prices for the cost estimate.
     */
    public static Settings standard(
        String baseUrl, String apiKey, String model, Path cacheDir, boolean offline) {
      return new Settings(
          baseUrl,
          apiKey,
          model,
          Duration.ofSeconds(60),
          3,
          4,
          5,
          Duration.ofMinutes(2),
          0.15,
          0.60,
          cacheDir,
          offline);
    }
  }

  /** What happened for one bank line. */
  public record Outcome(
      String status,
      List<AnswerValidator.ProposedGroup> groups,
      String reason,
      long inputTokens,
      long outputTokens,
      long latencyMs,
      boolean fromCache) {}

  /** Told every outcome, e.g. to count calls, tokens, cost and latency as metrics. */
  public interface Listener {
    Listener NONE = (outcome, costDelta) -> {};

    void onOutcome(Outcome outcome, double cost);
  }

  private volatile Listener listener = Listener.NONE;
  private final Settings settings;
  private final Prompt prompt;
  private final AnswerValidator validator;
  private final OpenAIClient client;
  private final Semaphore slots;
  private final AtomicInteger consecutiveFailures = new AtomicInteger();
  private volatile Instant openUntil = Instant.MIN;
  private final AtomicLong inputTokens = new AtomicLong();
  private final AtomicLong outputTokens = new AtomicLong();

  public LlmProposer(Settings settings, Prompt prompt, AnswerValidator validator) {
    this.settings = settings;
    this.prompt = prompt;
    this.validator = validator;
    this.client =
        OpenAIOkHttpClient.builder()
            .baseUrl(settings.baseUrl())
            .apiKey(settings.apiKey())
            .timeout(settings.timeout())
            .maxRetries(settings.maxRetries())
            .build();
    this.slots = new Semaphore(Math.max(1, settings.concurrency()));
  }

  public void listener(Listener l) {
    this.listener = l == null ? Listener.NONE : l;
  }

  /** Tokens used so far by this proposer, and their estimated cost. */
  public Map<String, Object> usage() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("input_tokens", inputTokens.get());
    m.put("output_tokens", outputTokens.get());
    m.put(
        "estimated_cost",
        inputTokens.get() / 1e6 * settings.inputPricePerMillion()
            + outputTokens.get() / 1e6 * settings.outputPricePerMillion());
    return m;
  }

  public Outcome propose(BankLine line, List<LedgerEntry> candidates) {
    Outcome o = proposeOnce(line, candidates);
    listener.onOutcome(
        o,
        o.inputTokens() / 1e6 * settings.inputPricePerMillion()
            + o.outputTokens() / 1e6 * settings.outputPricePerMillion());
    return o;
  }

  private Outcome proposeOnce(BankLine line, List<LedgerEntry> candidates) {
    String user = prompt.render(line, candidates);
    String key = cacheKey(user);
    String cached = readCache(key);
    if (cached != null) {
      return judge(cached, line, candidates, 0, 0, 0, true, null);
    }
    if (settings.offline()) {
      return failed("replaying offline and no recorded answer for this input", 0);
    }
    if (Instant.now().isBefore(openUntil)) {
      return failed("the LLM endpoint failed repeatedly; calls paused until " + openUntil, 0);
    }
    long started = System.nanoTime();
    try {
      slots.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed("interrupted", 0);
    }
    try {
      ChatCompletionCreateParams.Builder params =
          ChatCompletionCreateParams.builder()
              .model(settings.model())
              .temperature(prompt.temperature())
              .maxCompletionTokens(prompt.maxTokens())
              .responseFormat(responseFormat())
              .addSystemMessage(prompt.system())
              .addUserMessage(user);
      Answer first = call(params.build());
      AnswerValidator.Result r = validator.validate(first.text(), line, candidates);
      long in = first.inputTokens();
      long out = first.outputTokens();
      String finalText = first.text();
      if (!r.valid()) {
        // one repair attempt, with the errors
        params
            .addMessage(ChatCompletionAssistantMessageParam.builder().content(first.text()).build())
            .addUserMessage(
                "The answer was refused: "
                    + String.join("; ", r.errors())
                    + ". Answer again with JSON that follows the schema, using only the ids in the data.");
        Answer second = call(params.build());
        in += second.inputTokens();
        out += second.outputTokens();
        finalText = second.text();
      }
      consecutiveFailures.set(0);
      writeCache(key, finalText);
      long ms = (System.nanoTime() - started) / 1_000_000;
      return judge(finalText, line, candidates, in, out, ms, false, r.valid() ? null : r.errors());
    } catch (OpenAIServiceException e) {
      return breakerFailure(
          "the endpoint answered " + e.statusCode() + ": " + e.getMessage(), started);
    } catch (OpenAIIoException e) {
      return breakerFailure(
          "no answer from the endpoint (time-out or connection): " + e.getMessage(), started);
    } catch (OpenAIException e) {
      return breakerFailure("the endpoint's answer could not be read: " + e.getMessage(), started);
    } finally {
      slots.release();
    }
  }

  private record Answer(String text, long inputTokens, long outputTokens) {}

  private Answer call(ChatCompletionCreateParams params) {
    ChatCompletion c = client.chat().completions().create(params);
    String text = c.choices().isEmpty() ? "" : c.choices().get(0).message().content().orElse("");
    long in = c.usage().map(u -> u.promptTokens()).orElse(0L);
    long out = c.usage().map(u -> u.completionTokens()).orElse(0L);
    inputTokens.addAndGet(in);
    outputTokens.addAndGet(out);
    return new Answer(text, in, out);
  }

  private Outcome judge(
      String text,
      BankLine line,
      List<LedgerEntry> candidates,
      long in,
      long out,
      long ms,
      boolean fromCache,
      List<String> firstErrors) {
    AnswerValidator.Result r = validator.validate(text, line, candidates);
    if (!r.valid()) {
      return new Outcome(
          "invalid",
          List.of(),
          "the model's answer was refused"
              + (firstErrors == null
                  ? ""
                  : " twice (first: " + String.join("; ", firstErrors) + ")")
              + ": "
              + String.join("; ", r.errors()),
          in,
          out,
          ms,
          fromCache);
    }
    return new Outcome(
        r.groups().isEmpty() ? "no_match" : "proposed",
        r.groups(),
        r.groups().isEmpty() ? "the model found no fitting candidates" : null,
        in,
        out,
        ms,
        fromCache);
  }

  private Outcome breakerFailure(String reason, long started) {
    if (consecutiveFailures.incrementAndGet() >= settings.breakerFailures()) {
      openUntil = Instant.now().plus(settings.breakerCooldown());
      consecutiveFailures.set(0);
    }
    return failed(reason, (System.nanoTime() - started) / 1_000_000);
  }

  private static Outcome failed(String reason, long ms) {
    return new Outcome("failed", List.of(), reason, 0, 0, ms, false);
  }

  private ResponseFormatJsonSchema responseFormat() {
    ResponseFormatJsonSchema.JsonSchema.Schema.Builder schema =
        ResponseFormatJsonSchema.JsonSchema.Schema.builder();
    for (Map.Entry<String, JsonNode> f : prompt.schema().properties()) {
      schema.putAdditionalProperty(
          f.getKey(), JsonValue.from(JSON.convertValue(f.getValue(), Object.class)));
    }
    return ResponseFormatJsonSchema.builder()
        .jsonSchema(
            ResponseFormatJsonSchema.JsonSchema.builder()
                .name(prompt.name().replaceAll("[^A-Za-z0-9_-]", "_"))
                .strict(true)
                .schema(schema.build())
                .build())
        .build();
  }

  private String cacheKey(String user) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      for (String part : List.of(prompt.id(), settings.model(), prompt.system(), user)) {
        d.update(part.getBytes(StandardCharsets.UTF_8));
        d.update((byte) 0);
      }
      return HexFormat.of().formatHex(d.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private String readCache(String key) {
    if (settings.cacheDir() == null) {
      return null;
    }
    Path p = settings.cacheDir().resolve(key + ".json");
    try {
      return Files.exists(p) ? Files.readString(p) : null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void writeCache(String key, String answer) {
    if (settings.cacheDir() == null) {
      return;
    }
    try {
      Files.createDirectories(settings.cacheDir());
      Path tmp = Files.createTempFile(settings.cacheDir(), key, ".tmp");
      Files.writeString(tmp, answer);
      Files.move(
          tmp,
          settings.cacheDir().resolve(key + ".json"),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
