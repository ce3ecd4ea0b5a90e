package org.tieout.review.residue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tieout.core.BankLine;
import org.tieout.core.LedgerEntry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A versioned prompt from {@code prompts/NAME/vN.yaml}: its model settings, system and user text,
 * and the JSON schema of the answer. The bank line and candidates go into the user text as one JSON
 * document between {@code <data>} tags: every value from a bank file is a JSON string, with quotes,
 * backslashes and control characters escaped, and a {@code <} written as {@code \u003c}, so that no
 * memo can close the data block or pose as an instruction.
 */
public record Prompt(
    String name,
    int version,
    double temperature,
    int maxTokens,
    String system,
    String user,
    JsonNode schema) {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  public static Prompt load(Path file) {
    try {
      JsonNode y = new YAMLMapper().readTree(Files.readString(file));
      return new Prompt(
          y.path("name").asString(),
          y.path("version").asInt(),
          y.path("model").path("temperature").asDouble(0),
          y.path("model").path("max_tokens").asInt(800),
          y.path("system").asString(),
          y.path("user").asString(),
          y.path("schema"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the prompt " + file, e);
    }
  }

  /** "match-proposal@1": how runs, caches and reports name this prompt. */
  public String id() {
    return name + "@" + version;
  }

  /** The user message for one bank line and its candidates. */
  public String render(BankLine line, List<LedgerEntry> candidates) {
    return user.replace("{{data}}", data(line, candidates));
  }

  static String data(BankLine line, List<LedgerEntry> candidates) {
    Map<String, Object> doc = new LinkedHashMap<>();
    Map<String, Object> bank = new LinkedHashMap<>();
    bank.put("id", line.id().value());
    bank.put("date", line.bookingDate().toString());
    bank.put("amount", line.amount().toPlainString());
    bank.put("currency", line.amount().currencyCode());
    bank.put("counterparty", line.counterpartyName());
    bank.put("text", line.description());
    bank.put("reference", line.bankReference());
    doc.put("bank_line", bank);
    List<Map<String, Object>> entries =
        candidates.stream()
            .map(
                e -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("id", e.id().value());
                  m.put("date", e.postingDate().toString());
                  m.put("amount", e.amount().toPlainString());
                  m.put("currency", e.amount().currencyCode());
                  m.put("counterparty", e.counterpartyName());
                  m.put("text", e.description());
                  m.put("document", e.documentRef());
                  return m;
                })
            .toList();
    doc.put("candidates", entries);
    // JSON escaping covers quotes and control characters; '<' and '>' are escaped as well so that
    // the data block cannot be closed from inside it
    return JSON.writeValueAsString(doc).replace("<", "\\u003c").replace(">", "\\u003e");
  }
}
