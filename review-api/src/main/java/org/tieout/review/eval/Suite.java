package org.tieout.review.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A labelled evaluation suite: a directory with {@code suite.yaml}, the bank and ledger files and
 * the truth, and {@code recordings/} with the LLM answers a recorded run kept.
 */
public record Suite(
    Path dir,
    String name,
    String description,
    Path bank,
    Path ledger,
    Path truth,
    Path prompt,
    String model,
    Map<String, Double> thresholds) {

  public static Suite load(Path dir) {
    Path file = dir.resolve("suite.yaml");
    if (!Files.exists(file)) {
      throw new IllegalArgumentException(dir + " is not an evaluation suite: no suite.yaml");
    }
    try {
      JsonNode y = new YAMLMapper().readTree(Files.readString(file));
      Map<String, Double> thresholds = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> t : y.path("thresholds").properties()) {
        thresholds.put(t.getKey(), t.getValue().asDouble());
      }
      return new Suite(
          dir,
          y.path("name").asString(dir.getFileName().toString()),
          y.path("description").asString(""),
          dir.resolve(y.path("bank").asString("bank.csv")),
          dir.resolve(y.path("ledger").asString("ledger.csv")),
          dir.resolve(y.path("truth").asString("truth.csv")),
          dir.resolve(y.path("prompt").asString("../../prompts/match-proposal/v1.yaml"))
              .normalize(),
          y.path("model").asString("gpt-4o-mini"),
          thresholds);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  public Path recordings() {
    return dir.resolve("recordings");
  }
}
