package org.tieout.review.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tieout.core.format.InterchangeCsv;
import org.tieout.matcher.eval.Evaluation;
import org.tieout.matcher.eval.PairMetrics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tieout eval}: scores a run's matches.csv against ground truth. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description =
        "Runs a labelled suite (--suite DIR: report.json and report.html, exit 5 below its thresholds), or scores a matches.csv against truth: pair precision, recall and F1 per stage and rule.")
final class EvalCommand implements Callable<Integer> {
  @Option(names = "--truth", description = "ground-truth matches (interchange matches.csv)")
  Path truth;

  @Option(names = "--matches", description = "a run's matches.csv")
  Path matches;

  @Option(
      names = "--suite",
      description =
          "a labelled suite directory (suite.yaml): run the whole pipeline on it, write report.json and report.html, exit 5 below its thresholds")
  Path suite;

  @Option(
      names = "--baseline",
      description = "with --suite: an earlier report.json to compare case by case")
  Path baseline;

  @Option(
      names = "--out",
      description = "with --suite: where the report goes (default: SUITE/report)")
  Path out;

  @Option(
      names = "--min-auto-precision",
      description = "exit 5 when auto-matched pair precision is below this")
  Double minAutoPrecision;

  @Option(
      names = "--min-auto-share",
      description = "exit 5 when the share of matchable bank lines auto-matched is below this")
  Double minAutoShare;

  @Override
  public Integer call() throws Exception {
    if (suite != null) {
      return runSuite();
    }
    if (truth == null || matches == null) {
      System.err.println("tieout eval: give --suite DIR, or --matches and --truth");
      return ExitCodes.USAGE;
    }
    Evaluation ev =
        Evaluation.score(InterchangeCsv.readMatches(matches), InterchangeCsv.readMatches(truth));
    print(ev);
    boolean below =
        (minAutoPrecision != null && ev.autoMatched().precision() < minAutoPrecision)
            || (minAutoShare != null && ev.autoMatchedShareOfMatchableBankLines() < minAutoShare);
    return below ? ExitCodes.BELOW_THRESHOLD : ExitCodes.OK;
  }

  @SuppressWarnings("unchecked")
  private int runSuite() throws Exception {
    org.tieout.review.eval.Suite s = org.tieout.review.eval.Suite.load(suite);
    org.tieout.review.eval.SuiteRun.Report report =
        org.tieout.review.eval.SuiteRun.run(
            s,
            org.tieout.review.eval.SuiteRun.Endpoint.fromEnvironment(s.model()),
            new ConsoleProgress(System.err, false));
    java.util.Map<String, java.util.List<String>> diff = null;
    if (baseline != null) {
      java.util.Map<String, Object> base =
          org.tieout.review.batch.OutputFiles.JSON.readValue(
              java.nio.file.Files.readString(baseline), java.util.Map.class);
      diff =
          org.tieout.review.eval.SuiteRun.compare(
              (java.util.Map<String, String>) base.get("cases"),
              (java.util.Map<String, String>) report.data().get("cases"));
      report.data().put("against_baseline", diff);
    }
    Path dir = out != null ? out : suite.resolve("report");
    java.nio.file.Files.createDirectories(dir);
    org.tieout.review.batch.OutputFiles.json(dir.resolve("report.json"), report.data());
    org.tieout.review.batch.OutputFiles.text(
        dir.resolve("report.html"),
        org.tieout.review.eval.SuiteReportHtml.render(report.data(), diff));
    java.util.Map<String, Object> all =
        (java.util.Map<String, Object>) report.data().get("auto_and_proposed");
    java.util.Map<String, Object> auto =
        (java.util.Map<String, Object>) report.data().get("auto_matched");
    System.out.printf(
        Locale.ROOT,
        "suite %s: auto-matched precision %.4f; auto+proposed precision %.4f, recall %.4f; LLM %s%n",
        s.name(),
        ((Number) auto.get("precision")).doubleValue(),
        ((Number) all.get("precision")).doubleValue(),
        ((Number) all.get("recall")).doubleValue(),
        ((java.util.Map<String, Object>) report.data().get("llm")).get("mode"));
    if (diff != null) {
      System.out.printf(
          "against the baseline: %d case(s) better, %d worse%n",
          diff.get("better").size(), diff.get("worse").size());
    }
    report.failures().forEach(f -> System.out.println("below threshold: " + f));
    System.out.println("report: " + dir.resolve("report.html").toAbsolutePath());
    return report.failures().isEmpty() ? ExitCodes.OK : ExitCodes.BELOW_THRESHOLD;
  }

  static void print(Evaluation ev) {
    System.out.println("                      pairs  correct  precision  recall     F1");
    line("auto_matched", ev.autoMatched());
    line("proposed", ev.proposed());
    line("auto+proposed", ev.all());
    System.out.printf(
        Locale.ROOT,
        "matchable bank lines auto-matched: %d of %d (%.1f%%)%n",
        ev.truthBankLinesAutoMatched(),
        ev.truthBankLines(),
        ev.autoMatchedShareOfMatchableBankLines() * 100);
    System.out.println("by rule:");
    ev.byRule().forEach((k, v) -> line("  " + k, v));
  }

  private static void line(String label, PairMetrics m) {
    System.out.printf(
        Locale.ROOT,
        "%-40s %7d %8d %9.4f %7.4f %6.4f%n",
        label,
        m.predicted(),
        m.correct(),
        m.precision(),
        m.recall(),
        m.f1());
  }
}
