package org.tieout.review.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tieout.core.format.InterchangeCsv;
import org.tieout.matcher.Progress;
import org.tieout.matcher.dataset.DatasetGenerator;
import org.tieout.review.TestDatabase;
import org.tieout.review.batch.BatchRun;

/**
 * Against the real PostgreSQL that scripts/ensure-postgres.sh provides; each test in a schema of
 * its own.
 */
class ReconciliationStoreIT {
  @TempDir Path dir;
  private String url;
  private Path bank;
  private Path ledger;

  @BeforeEach
  void freshSchemaAndData() throws Exception {
    url = TestDatabase.freshSchema("it_", false);
    DatasetGenerator.Dataset d =
        new DatasetGenerator(new DatasetGenerator.Options(77, 400, LocalDate.of(2026, 1, 1), 60))
            .generate(Progress.NONE);
    bank = dir.resolve("bank.csv");
    ledger = dir.resolve("ledger.csv");
    InterchangeCsv.writeBank(bank, d.bank());
    InterchangeCsv.writeLedger(ledger, d.ledger());
  }

  private BatchRun.Result run() {
    return TestDatabase.reconcile(url, bank, ledger, dir.resolve("out"), null, false);
  }

  @Test
  void importingTheSameFileTwiceStoresItOnce() throws Exception {
    BatchRun.Result first = run();
    try (ReconciliationStore store = ReconciliationStore.open(url)) {
      assertThat(store.count("bank_line")).isEqualTo(first.inputs().bank().size());
      assertThat(store.count("ledger_entry")).isEqualTo(first.inputs().ledger().size());
      assertThat(store.importBank(first.inputs().bankFiles().get(0)).fileAlreadyImported())
          .isTrue();
      assertThat(store.count("bank_line")).isEqualTo(first.inputs().bank().size());
      assertThat(store.count("source_file")).isEqualTo(2);
    }
  }

  @Test
  void aRerunOfTheSameInputsStoresNoDuplicate() throws Exception {
    BatchRun.Result first = run();
    BatchRun.Result second = run();
    assertThat(second.stored()).anyMatch(line -> line.contains("already stored; nothing written"));
    try (ReconciliationStore store = ReconciliationStore.open(url)) {
      assertThat(store.count("reconciliation_run")).isEqualTo(1);
      assertThat(store.count("match_group")).isEqualTo(first.reconciliation().groups().size());
    }
  }

  @Test
  void aRunThatDiedHalfWayIsFinishedByTheNextWithoutDuplicates() throws Exception {
    BatchRun.Result first = run();
    // simulate a crash after the run was recorded but before its results were committed
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement()) {
      st.execute(
          "delete from match_group_bank; delete from match_group_ledger; delete from match_group;"
              + " update reconciliation_run set status = 'running', finished_at = null");
    }
    BatchRun.Result again = run();
    assertThat(again.stored()).anyMatch(line -> line.contains("had not finished before"));
    try (ReconciliationStore store = ReconciliationStore.open(url)) {
      assertThat(store.count("reconciliation_run")).isEqualTo(1);
      assertThat(store.count("match_group")).isEqualTo(first.reconciliation().groups().size());
    }
  }

  @Test
  void theDatabaseRefusesABankLineInTwoGroupsOfOneRun() throws Exception {
    run();
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement()) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () ->
                  st.execute(
                      "insert into match_group_bank (group_id, run_id, bank_line_id)"
                          + " select (select max(id) from match_group), run_id, bank_line_id from match_group_bank limit 1"))
          .hasMessageContaining("duplicate key");
    }
  }
}
