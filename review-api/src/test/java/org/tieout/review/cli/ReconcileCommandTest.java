package org.tieout.review.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tieout.review.batch.OutputFiles;

/** The command line as an operator uses it: exit codes, files written, messages on bad input. */
class ReconcileCommandTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private PrintStream oldErr;
  private PrintStream oldOut;

  @BeforeEach
  void capture() {
    oldErr = System.err;
    oldOut = System.out;
    System.setErr(new PrintStream(err, true));
    System.setOut(new PrintStream(out, true));
  }

  @AfterEach
  void restore() {
    System.setErr(oldErr);
    System.setOut(oldOut);
  }

  private Path generated() {
    Path data = dir.resolve("data");
    assertThat(
            TieoutCli.execute(
                "generate", "-q", "--out", data.toString(), "--bank-lines", "300", "--seed", "5"))
        .isZero();
    return data;
  }

  @Test
  void reconcileWritesEveryOutputAndScoresAgainstTruth() throws Exception {
    Path data = generated();
    Path result = dir.resolve("out");
    int code =
        TieoutCli.execute(
            "reconcile",
            "-q",
            "--bank",
            data.resolve("bank.csv").toString(),
            "--ledger",
            data.resolve("ledger.csv").toString(),
            "--out",
            result.toString(),
            "--truth",
            data.resolve("truth.csv").toString());
    assertThat(code).isEqualTo(ExitCodes.OK);
    for (String f :
        new String[] {
          "matches.csv",
          "unmatched_bank.csv",
          "unmatched_ledger.csv",
          "summary.json",
          "report.html",
          "evaluation.json"
        }) {
      assertThat(result.resolve(f)).isNotEmptyFile();
    }
    assertThat(Files.readString(result.resolve("report.html")))
        .contains("Reconciliation report")
        .contains("amount_date_counterparty");
    assertThat(Files.readString(result.resolve("summary.json"))).contains("\"auto_match_rate\"");
    // the same keys in the same order in every run: a rerun's summary differs only in its duration
    Map<?, ?> summary =
        OutputFiles.JSON.readValue(result.resolve("summary.json").toFile(), LinkedHashMap.class);
    assertThat(((Map<?, ?>) summary.get("groups_by_rule")).values())
        .isNotEmpty()
        .allSatisfy(
            counts ->
                assertThat(List.<Object>copyOf(((Map<?, ?>) counts).keySet()))
                    .containsExactly("auto_matched", "proposed"));
    assertThat((List<?>) summary.get("inputs"))
        .hasSize(2)
        .allSatisfy(
            f ->
                assertThat(List.<Object>copyOf(((Map<?, ?>) f).keySet()))
                    .containsExactly("name", "sha256"));
    // where the run's time went, phase by phase in run order: together, its duration
    Map<?, ?> phases = (Map<?, ?>) summary.get("phases_ms");
    assertThat(List.<Object>copyOf(phases.keySet())).containsExactly("import", "rules", "residue");
    long sum = phases.values().stream().mapToLong(v -> ((Number) v).longValue()).sum();
    assertThat(sum).isCloseTo(((Number) summary.get("duration_ms")).longValue(), within(3L));
    assertThat(Files.readString(result.resolve("report.html")))
        .containsPattern(
            "run took [0-9.]+ s \\(import [0-9.]+ s, rules [0-9.]+ s, residue [0-9.]+ s\\)");
    assertThat(out.toString()).contains("auto-matched");
    assertThat(
            TieoutCli.execute(
                "eval",
                "--truth",
                data.resolve("truth.csv").toString(),
                "--matches",
                result.resolve("matches.csv").toString(),
                "--min-auto-precision",
                "0.99"))
        .isEqualTo(ExitCodes.OK);
  }

  @Test
  void aBadRowFailsWithItsLineNumberAndWritesNothing() throws Exception {
    Path data = generated();
    Path bank = data.resolve("bank.csv");
    java.util.List<String> lines = new java.util.ArrayList<>(Files.readAllLines(bank));
    lines.set(7, lines.get(7).replaceFirst(",-?[0-9]+\\.[0-9]{2},", ",12,50,"));
    Files.write(bank, lines);
    Path result = dir.resolve("out");
    int code =
        TieoutCli.execute(
            "reconcile",
            "-q",
            "--bank",
            bank.toString(),
            "--ledger",
            data.resolve("ledger.csv").toString(),
            "--out",
            result.toString());
    assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString()).contains("bank.csv line 8");
    assertThat(result.resolve("matches.csv")).doesNotExist();
  }

  @Test
  void skipInvalidKeepsTheGoodRowsAndWritesTheRejects() throws Exception {
    Path data = generated();
    Path bank = data.resolve("bank.csv");
    java.util.List<String> lines = new java.util.ArrayList<>(Files.readAllLines(bank));
    lines.set(3, lines.get(3).replaceFirst("20[0-9]{2}-[0-9]{2}-[0-9]{2}", "31/12/2025"));
    Files.write(bank, lines);
    Path result = dir.resolve("out");
    int code =
        TieoutCli.execute(
            "reconcile",
            "-q",
            "--skip-invalid",
            "--bank",
            bank.toString(),
            "--ledger",
            data.resolve("ledger.csv").toString(),
            "--out",
            result.toString());
    assertThat(code).isEqualTo(ExitCodes.OK);
    assertThat(Files.readString(result.resolve("rejects.csv")))
        .contains("bad_date")
        .contains("31/12/2025");
  }

  @Test
  void theSameFileGivenTwiceIsReadOnce() {
    Path data = generated();
    Path result = dir.resolve("out");
    String bank = data.resolve("bank.csv").toString();
    int code =
        TieoutCli.execute(
            "reconcile",
            "-q",
            "--bank",
            bank,
            bank,
            "--ledger",
            data.resolve("ledger.csv").toString(),
            "--out",
            result.toString());
    assertThat(code).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).startsWith("30").contains("bank lines");
  }

  @Test
  void aMissingFileIsAClearErrorNotAStackTrace() {
    int code =
        TieoutCli.execute(
            "reconcile",
            "-q",
            "--bank",
            dir.resolve("nope.csv").toString(),
            "--ledger",
            dir.resolve("nope2.csv").toString(),
            "--out",
            dir.resolve("o").toString());
    assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString()).contains("nope.csv").doesNotContain("at org.tieout");
  }
}
