package org.tieout.review.eval;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tieout.matcher.Progress;

/** The demo suite: skipped without a model, recorded against a stand-in, replayed offline. */
class SuiteRunTest {
  @TempDir Path dir;

  private Suite demo() throws Exception {
    for (String f : List.of("bank.csv", "ledger.csv", "truth.csv", "suite.yaml")) {
      Files.copy(Path.of("..", "eval-datasets", "demo", f), dir.resolve(f));
    }
    String yaml =
        Files.readString(dir.resolve("suite.yaml"))
            .replace(
                "../../prompts/match-proposal/v1.yaml",
                Path.of("..", "prompts", "match-proposal", "v1.yaml").toAbsolutePath().toString());
    Files.writeString(dir.resolve("suite.yaml"), yaml);
    return Suite.load(dir);
  }

  @SuppressWarnings("unchecked")
  @Test
  void skippedRecordedAndReplayed() throws Exception {
    Suite suite = demo();
    SuiteRun.Report skipped = SuiteRun.run(suite, null, Progress.NONE);
    assertThat(((Map<String, Object>) skipped.data().get("llm")).get("mode")).isEqualTo("skipped");
    assertThat(skipped.failures()).isEmpty();
    assertThat((Map<String, Object>) skipped.data().get("auto_matched"))
        .extractingByKey("precision")
        .satisfies(p -> assertThat(((Number) p).doubleValue()).isGreaterThanOrEqualTo(0.995));
    assertThat((List<Object>) skipped.data().get("confidence_buckets")).hasSize(5);

    WireMockServer api = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    api.start();
    try {
      String none = org.tieout.review.residue.Fixtures.completion("{\"groups\":[]}");
      api.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(okJson(none)));
      SuiteRun.Report live =
          SuiteRun.run(
              suite,
              new SuiteRun.Endpoint("http://127.0.0.1:" + api.port() + "/v1", "k", suite.model()),
              Progress.NONE);
      Map<String, Object> llm = (Map<String, Object>) live.data().get("llm");
      assertThat(llm.get("mode")).isEqualTo("live (recording)");
      assertThat((Integer) llm.get("lines_asked")).isPositive();
      assertThat((Long) llm.get("input_tokens")).isPositive();
      assertThat(Files.list(suite.recordings()).count()).isPositive();
    } finally {
      api.stop();
    }
    // offline: the recordings answer, nothing is called (the stand-in is gone)
    SuiteRun.Report replay = SuiteRun.run(suite, null, Progress.NONE);
    Map<String, Object> llm = (Map<String, Object>) replay.data().get("llm");
    assertThat(llm.get("mode")).isEqualTo("replay");
    assertThat((Map<String, Integer>) llm.get("outcomes")).doesNotContainKey("failed");
    Map<String, List<String>> diff =
        SuiteRun.compare(
            (Map<String, String>) skipped.data().get("cases"),
            (Map<String, String>) replay.data().get("cases"));
    assertThat(diff.get("worse")).isEmpty();
  }
}
