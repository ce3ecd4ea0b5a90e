package org.tieout.review.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tieout.anomaly.AnomalyFiles;
import org.tieout.anomaly.dataset.AnomalyDatasetGenerator;
import org.tieout.core.format.InterchangeCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tieout generate-anomalies}: a labelled ledger with injected anomalies and look-alikes. */
@Command(
    name = "generate-anomalies",
    mixinStandardHelpOptions = true,
    description =
        "Writes ledger.csv and anomalies.csv (truth): a year of postings with about 2%% injected anomalies among look-alikes.")
final class GenerateAnomaliesCommand implements Callable<Integer> {
  @Option(names = "--out", required = true)
  Path out;

  @Option(
      names = "--entries",
      defaultValue = "20000",
      description = "ledger entries (default ${DEFAULT-VALUE})")
  int entries;

  @Option(names = "--seed", defaultValue = "7")
  long seed;

  @Option(names = "--anomaly-share", defaultValue = "0.02")
  double share;

  @Override
  public Integer call() throws Exception {
    var d =
        new AnomalyDatasetGenerator(
                new AnomalyDatasetGenerator.Options(seed, entries, LocalDate.of(2025, 1, 1), share))
            .generate();
    Files.createDirectories(out);
    InterchangeCsv.writeLedger(out.resolve("ledger.csv"), d.ledger());
    AnomalyFiles.writeTruth(out.resolve("anomalies.csv"), d.truth());
    System.out.printf(
        Locale.ROOT,
        "%d entries, %d labelled anomalies written to %s%n",
        d.ledger().size(),
        d.truth().size(),
        out);
    return ExitCodes.OK;
  }
}
