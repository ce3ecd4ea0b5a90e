package org.tieout.review.residue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.tieout.core.BankLine;
import org.tieout.core.EntryId;
import org.tieout.core.LedgerEntry;
import org.tieout.core.Money;
import org.tieout.core.Provenance;
import org.tieout.core.SourceFile;
import org.tieout.core.TransactionId;
import tools.jackson.databind.json.JsonMapper;

/** A bank line, candidates and chat completions for the residue stage's tests. */
public final class Fixtures {
  private static final SourceFile FILE = new SourceFile("bank.csv", "0".repeat(64));

  private Fixtures() {}

  /** Bank line B1 of ACME GMBH on 2026-03-02, in EUR. */
  public static BankLine bank(String memo, String amount) {
    return new BankLine(
        new TransactionId("B1"),
        "DE01",
        LocalDate.of(2026, 3, 2),
        null,
        Money.parse(amount, "EUR"),
        "ACME GMBH",
        null,
        memo,
        null,
        Provenance.atLine(FILE, 2),
        Map.of());
  }

  /** A ledger entry of Acme GmbH on 2026-03-01 for document {@code doc}. */
  public static LedgerEntry entry(String id, String amount, String currency, String doc) {
    return new LedgerEntry(
        new EntryId(id),
        "DE01",
        LocalDate.of(2026, 3, 1),
        Money.parse(amount, currency),
        "Acme GmbH",
        "Invoice " + doc,
        doc,
        "1200",
        "customer_payment",
        "clerk1",
        null,
        Provenance.atLine(FILE, 3),
        Map.of());
  }

  /** An OpenAI chat completion whose message is {@code content}, with token usage. */
  public static String completion(String content) {
    return JsonMapper.builder()
        .build()
        .writeValueAsString(
            Map.of(
                "id",
                "chatcmpl-1",
                "object",
                "chat.completion",
                "created",
                1_700_000_000,
                "model",
                "gpt-test",
                "choices",
                List.of(
                    Map.of(
                        "index",
                        0,
                        "finish_reason",
                        "stop",
                        "message",
                        Map.of("role", "assistant", "content", content))),
                "usage",
                Map.of("prompt_tokens", 420, "completion_tokens", 60, "total_tokens", 480)));
  }
}
