package org.tieout.review.cli;

import java.util.concurrent.Callable;
import org.tieout.core.format.BadInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tieout}: the command line. Each subcommand documents itself with {@code --help}. */
@Command(
    name = "tieout",
    mixinStandardHelpOptions = true,
    version = {"tieout 0.1.0", "Java ${java.version} (${java.vendor}) in ${java.home}"},
    description = "Ties bank statements out against the ledger.",
    subcommands = {
      ReconcileCommand.class,
      AnomaliesCommand.class,
      GenerateCommand.class,
      GenerateAnomaliesCommand.class,
      TrainAnomaliesCommand.class,
      TrainResidueCommand.class,
      EvalCommand.class,
      ServeCommand.class,
      BenchmarkQueueCommand.class,
      BenchmarkEmbeddingsCommand.class,
      AuditCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 ok, 1 internal error, 2 usage, 3 bad input (nothing written),",
      "4 database error, 5 evaluation below threshold."
    })
public final class TieoutCli implements Callable<Integer> {

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new TieoutCli());
    cli.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          if (e instanceof BadInputException bad) {
            cmd.getErr().println("tieout: bad input, nothing was written: " + bad.getMessage());
            return ExitCodes.BAD_INPUT;
          }
          if (e instanceof java.sql.SQLException || e.getCause() instanceof java.sql.SQLException) {
            cmd.getErr()
                .println(
                    "tieout: database error (committed work is consistent; rerun to resume): "
                        + e.getMessage());
            return ExitCodes.DATABASE;
          }
          if (e instanceof IllegalArgumentException || e instanceof java.io.UncheckedIOException) {
            cmd.getErr().println("tieout: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
          }
          cmd.getErr().println("tieout: internal error: " + e);
          e.printStackTrace(cmd.getErr());
          return ExitCodes.INTERNAL;
        });
    return cli.execute(args);
  }

  @Override
  public Integer call() {
    new CommandLine(this).usage(System.err);
    return ExitCodes.USAGE;
  }
}
