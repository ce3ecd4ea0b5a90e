package org.tieout.review.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tieout.review.cli.ExitCodes;
import org.tieout.review.cli.TieoutCli;

/**
 * CI's gate on the bundled suites: each runs offline as `./tieout eval --suite` runs it (the LLM
 * stage skipped, or replayed where recordings ship) and must meet its own thresholds; the reports
 * stay in {@code target/eval-reports} for reading.
 */
class BundledSuitesTest {
  @ParameterizedTest
  @ValueSource(strings = {"demo", "varied", "independent"})
  void meetsItsThresholds(String name) throws Exception {
    Path suite = Path.of("..", "eval-datasets", name);
    Path out = Path.of("target", "eval-reports", name);
    int exit = TieoutCli.execute("eval", "--suite", suite.toString(), "--out", out.toString());
    assertThat(exit).as("eval --suite %s (report in %s)", name, out).isEqualTo(ExitCodes.OK);
    assertThat(Files.readString(out.resolve("report.json"))).contains("\"auto_and_proposed\"");
    assertThat(Files.readString(out.resolve("report.html"))).contains(name);
  }
}
