package org.tieout.review.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.tieout.core.format.InterchangeCsv;
import org.tieout.matcher.Progress;
import org.tieout.matcher.dataset.DatasetGenerator;

class NightlyReconciliationIT extends ServiceTestSupport {
  @Autowired DataSource dataSource;
  @TempDir Path dir;

  @Test
  void runsOnceHoldsTheLockAndResumesNothingTwice() throws Exception {
    Path bankDir = Files.createDirectories(dir.resolve("bank"));
    Path ledgerDir = Files.createDirectories(dir.resolve("ledger"));
    DatasetGenerator.Dataset d =
        new DatasetGenerator(new DatasetGenerator.Options(55, 200, LocalDate.of(2026, 4, 1), 30))
            .generate(Progress.NONE);
    Path bank = bankDir.resolve("bank.csv");
    Path ledger = ledgerDir.resolve("ledger.csv");
    InterchangeCsv.writeBank(bank, d.bank());
    InterchangeCsv.writeLedger(ledger, d.ledger());
    // ids of their own: the seeded statement in this schema used the generator's ids already
    Files.writeString(
        bank,
        Files.readString(bank)
            .replace(",B0", ",NB")
            .replaceFirst("^B0", "NB")
            .replace("\nB0", "\nNB"));
    Files.writeString(ledger, Files.readString(ledger).replace("\nL0", "\nNL"));
    NightlyReconciliation nightly =
        new NightlyReconciliation(
            dataSource,
            new SimpleMeterRegistry(),
            bankDir.toString(),
            ledgerDir.toString(),
            dir.resolve("out").toString(),
            url,
            "",
            "");
    long runsBefore = runs();

    // another instance holds the lock: this one does nothing
    try (Connection other = dataSource.getConnection();
        PreparedStatement lock = other.prepareStatement("select pg_advisory_lock(?)")) {
      lock.setLong(1, 0x6e6967687479L);
      lock.execute();
      NightlyReconciliation.Outcome blocked = nightly.runOnce();
      assertThat(blocked.ran()).isFalse();
      assertThat(blocked.message()).contains("another instance");
      try (PreparedStatement unlock = other.prepareStatement("select pg_advisory_unlock(?)")) {
        unlock.setLong(1, 0x6e6967687479L);
        unlock.execute();
      }
    }
    assertThat(runs()).isEqualTo(runsBefore);

    NightlyReconciliation.Outcome first = nightly.runOnce();
    assertThat(first.ran()).as(first.message()).isTrue();
    assertThat(runs()).isEqualTo(runsBefore + 1);
    NightlyReconciliation.Outcome again = nightly.runOnce();
    assertThat(again.message()).contains("already stored");
    assertThat(runs()).isEqualTo(runsBefore + 1);
  }

  private long runs() {
    return jdbc.sql("select count(*) from reconciliation_run where status = 'completed'")
        .query(Long.class)
        .single();
  }
}
