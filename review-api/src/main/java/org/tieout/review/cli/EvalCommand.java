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
        "Scores matches.csv against truth: pair precision, recall and F1 for auto-matched and proposed groups, per stage and rule.")
final class EvalCommand implements Callable<Integer> {
  @Option(
      names = "--truth",
      required = true,
      description = "ground-truth matches (interchange matches.csv)")
  Path truth;

  @Option(names = "--matches", required = true, description = "a run's matches.csv")
  Path matches;

  @Option(
      names = "--min-auto-precision",
      description = "exit 5 when auto-matched pair precision is below this")
  Double minAutoPrecision;

  @Option(
      names = "--min-auto-share",
      description = "exit 5 when the share of matchable bank lines auto-matched is below this")
  Double minAutoShare;

  @Override
  public Integer call() {
    Evaluation ev =
        Evaluation.score(InterchangeCsv.readMatches(matches), InterchangeCsv.readMatches(truth));
    print(ev);
    boolean below =
        (minAutoPrecision != null && ev.autoMatched().precision() < minAutoPrecision)
            || (minAutoShare != null && ev.autoMatchedShareOfMatchableBankLines() < minAutoShare);
    return below ? ExitCodes.BELOW_THRESHOLD : ExitCodes.OK;
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
