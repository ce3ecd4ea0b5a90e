package org.tieout.review.cli;

import java.util.concurrent.Callable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.tieout.review.service.AuditTrail;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tieout audit verify}: recomputes the audit trail's hash chain in the database. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "Checks the audit trail: 'verify' recomputes every hash and link.")
final class AuditCommand implements Callable<Integer> {
  @Parameters(index = "0", description = "verify")
  String action;

  @Option(
      names = "--db",
      required = true,
      description = "JDBC URL (user and password from TIEOUT_DB_USER / TIEOUT_DB_PASSWORD)")
  String db;

  @Override
  public Integer call() {
    if (!action.equals("verify")) {
      System.err.println("tieout audit: unknown action '" + action + "'; expected verify");
      return ExitCodes.USAGE;
    }
    SingleConnectionDataSource ds =
        new SingleConnectionDataSource(
            db, System.getenv("TIEOUT_DB_USER"), System.getenv("TIEOUT_DB_PASSWORD"), true);
    ds.setAutoCommit(false); // lets the driver stream the table
    try {
      AuditTrail.Verification v = new AuditTrail(JdbcClient.create(ds), ds).verify();
      if (v.intact()) {
        System.out.println(
            "audit trail intact: " + v.events() + " events, every hash and link checks");
        return ExitCodes.OK;
      }
      System.out.println("audit trail BROKEN: " + v.problem());
      return ExitCodes.BELOW_THRESHOLD;
    } finally {
      ds.destroy();
    }
  }
}
