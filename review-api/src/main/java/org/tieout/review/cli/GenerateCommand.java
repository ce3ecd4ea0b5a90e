package org.tieout.review.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tieout.core.format.InterchangeCsv;
import org.tieout.matcher.dataset.DatasetGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tieout generate}: a labelled dataset in the interchange format. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description =
        "Writes bank.csv, ledger.csv and truth.csv: a labelled dataset with the messiness of real statements.")
final class GenerateCommand implements Callable<Integer> {
  @Option(names = "--out", required = true, description = "directory to write to")
  Path out;

  @Option(
      names = "--bank-lines",
      defaultValue = "3000",
      description =
          "about how many bank lines (default ${DEFAULT-VALUE}; 1000000 for the benchmark)")
  int bankLines;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "random seed (default ${DEFAULT-VALUE})")
  long seed;

  @Option(
      names = "--start",
      defaultValue = "2026-01-01",
      description = "first date (default ${DEFAULT-VALUE})")
  LocalDate start;

  @Option(
      names = "--days",
      defaultValue = "120",
      description = "days the data spans (default ${DEFAULT-VALUE})")
  int days;

  @Option(
      names = {"-q", "--quiet"},
      description = "no progress output")
  boolean quiet;

  @Override
  public Integer call() throws IOException {
    DatasetGenerator.Dataset d =
        new DatasetGenerator(new DatasetGenerator.Options(seed, bankLines, start, days))
            .generate(new ConsoleProgress(System.err, quiet));
    Files.createDirectories(out);
    InterchangeCsv.writeBank(out.resolve("bank.csv"), d.bank());
    InterchangeCsv.writeLedger(out.resolve("ledger.csv"), d.ledger());
    InterchangeCsv.writeMatches(out.resolve("truth.csv"), d.truth());
    System.out.printf(
        Locale.ROOT,
        "%d bank lines, %d ledger entries, %d true groups written to %s%n",
        d.bank().size(),
        d.ledger().size(),
        d.truth().size(),
        out);
    return ExitCodes.OK;
  }
}
