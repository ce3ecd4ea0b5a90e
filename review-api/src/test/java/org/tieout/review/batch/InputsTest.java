package org.tieout.review.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tieout.core.format.ImportProblem;

class InputsTest {
  private static final String BANK =
      "transaction_id,account_id,booking_date,value_date,amount,currency,counterparty_name,"
          + "counterparty_account,description,bank_reference\n";
  private static final String LEDGER =
      "entry_id,account_id,posting_date,amount,currency,counterparty_name,description,"
          + "document_ref,gl_account,entry_type,created_by,created_at\n";

  @TempDir Path dir;

  private Path file(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }

  private static String entry(String id, String amount) {
    return id + ",DE01,2026-03-01," + amount + ",EUR,Acme,Invoice,INV-1,1200,customer_payment,,\n";
  }

  @Test
  void anEntryIdTwiceInOneLedgerFileIsAProblemAndKeptOnce() throws Exception {
    Path ledger = file("ledger.csv", LEDGER + entry("L1", "10.00") + entry("L1", "12.00"));
    Path bank = file("bank.csv", BANK);
    Inputs in = Inputs.read(List.of(bank), List.of(ledger), null);
    assertThat(in.ledger()).hasSize(1);
    assertThat(in.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.line()).isEqualTo(3))
        .extracting(ImportProblem::code)
        .isEqualTo("duplicate_id");
  }

  @Test
  void anEntryIdInTwoLedgerFilesIsAProblemNamingTheOther() throws Exception {
    Path first = file("a.csv", LEDGER + entry("L1", "10.00"));
    Path second = file("b.csv", LEDGER + entry("L2", "11.00") + entry("L1", "12.00"));
    Inputs in = Inputs.read(List.of(file("bank.csv", BANK)), List.of(first, second), null);
    assertThat(in.ledger()).extracting(e -> e.id().value()).containsExactly("L1", "L2");
    assertThat(in.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("is also in a.csv"));
  }

  @Test
  void aBankLineInTwoFilesIsKeptOnceWithANote() throws Exception {
    String line = "B1,DE01,2026-03-02,,10.00,EUR,ACME,,INV-1,\n";
    Path first = file("jan.csv", BANK + line);
    Path second = file("jan-again.csv", BANK + line + "B2,DE01,2026-03-03,,5.00,EUR,ACME,,x,\n");
    Inputs in = Inputs.read(List.of(first, second), List.of(file("l.csv", LEDGER)), null);
    assertThat(in.bank()).extracting(b -> b.id().value()).containsExactly("B1", "B2");
    assertThat(in.notes()).anyMatch(n -> n.contains("kept once"));
  }
}
