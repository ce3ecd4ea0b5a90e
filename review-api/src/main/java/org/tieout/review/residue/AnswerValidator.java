package org.tieout.review.residue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tieout.core.BankLine;
import org.tieout.core.LedgerEntry;
import org.tieout.core.Money;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks an LLM's answer again, in code, whatever the model was asked: the JSON has the schema's
 * shape; every id is the bank line's or one of its candidates'; no id is in two groups; a group is
 * in one currency and its amounts add up within the tolerance; the confidence is within 0..1; the
 * reason cites at least one real value (an id, an amount, a reference or a counterparty of the
 * group). An answer that fails any check proposes nothing; the errors say why.
 */
public final class AnswerValidator {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** A group the answer proposes, after every check passed. */
  public record ProposedGroup(
      List<String> bankIds, List<String> ledgerIds, double confidence, String reason) {}

  /** The valid groups, or the errors that made the answer invalid (then no groups). */
  public record Result(List<ProposedGroup> groups, List<String> errors) {
    public boolean valid() {
      return errors.isEmpty();
    }
  }

  private final long toleranceMinor;

  /**
   * @param toleranceMinor how far a group's bank and ledger totals may differ (a bank fee)
   */
  public AnswerValidator(long toleranceMinor) {
    this.toleranceMinor = toleranceMinor;
  }

  public Result validate(String answer, BankLine line, List<LedgerEntry> candidates) {
    List<String> errors = new ArrayList<>();
    JsonNode root;
    try {
      root = JSON.readTree(answer);
    } catch (JacksonException e) {
      return invalid("the answer is not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject() || !root.path("groups").isArray()) {
      return invalid("the answer has no 'groups' array");
    }
    for (Map.Entry<String, JsonNode> f : root.properties()) {
      if (!f.getKey().equals("groups")) {
        errors.add("unexpected field '" + f.getKey() + "'");
      }
    }
    Map<String, LedgerEntry> byId = new HashMap<>();
    candidates.forEach(e -> byId.put(e.id().value(), e));
    Set<String> used = new HashSet<>();
    List<ProposedGroup> groups = new ArrayList<>();
    int n = 0;
    for (JsonNode g : root.path("groups")) {
      n++;
      String where = "group " + n + ": ";
      if (!g.isObject()) {
        errors.add(where + "not an object");
        continue;
      }
      for (Map.Entry<String, JsonNode> f : g.properties()) {
        if (!Set.of("bank_ids", "ledger_ids", "confidence", "reason").contains(f.getKey())) {
          errors.add(where + "unexpected field '" + f.getKey() + "'");
        }
      }
      List<String> bankIds = strings(g.path("bank_ids"), where + "bank_ids", errors);
      List<String> ledgerIds = strings(g.path("ledger_ids"), where + "ledger_ids", errors);
      JsonNode conf = g.path("confidence");
      String reason = g.path("reason").isString() ? g.path("reason").asString() : null;
      if (!conf.isNumber() || conf.asDouble() < 0 || conf.asDouble() > 1) {
        errors.add(where + "confidence must be a number within 0..1");
      }
      if (reason == null || reason.isBlank()) {
        errors.add(where + "no reason");
      }
      if (bankIds.isEmpty() || ledgerIds.isEmpty()) {
        errors.add(where + "needs the bank line and at least one ledger entry");
        continue;
      }
      boolean idsOk = true;
      for (String b : bankIds) {
        if (!b.equals(line.id().value())) {
          errors.add(where + "bank id " + b + " is not the bank line asked about");
          idsOk = false;
        }
      }
      for (String l : ledgerIds) {
        if (!byId.containsKey(l)) {
          errors.add(where + "ledger id " + l + " is not one of the candidates");
          idsOk = false;
        }
      }
      for (String id : concat(bankIds, ledgerIds)) {
        if (!used.add(id)) {
          errors.add(where + "id " + id + " is used twice");
          idsOk = false;
        }
      }
      if (!idsOk) {
        continue;
      }
      Set<String> currencies = new HashSet<>();
      currencies.add(line.amount().currencyCode());
      long ledgerTotal = 0;
      for (String l : ledgerIds) {
        Money m = byId.get(l).amount();
        currencies.add(m.currencyCode());
        ledgerTotal += m.minor();
      }
      if (currencies.size() != 1) {
        errors.add(where + "mixes currencies " + currencies);
        continue;
      }
      long bankTotal = line.amount().minor() * bankIds.size();
      if (Math.abs(bankTotal - ledgerTotal) > toleranceMinor) {
        errors.add(
            where
                + String.format(
                    Locale.ROOT,
                    "amounts do not add up: bank %s, ledger %s",
                    line.amount().toPlainString(),
                    Money.ofMinor(ledgerTotal, line.amount().currencyCode()).toPlainString()));
        continue;
      }
      if (reason != null && !citesRealValue(reason, line, ledgerIds, byId)) {
        errors.add(
            where + "the reason cites no id, amount, reference or counterparty of the group");
        continue;
      }
      if (errors.isEmpty()) {
        groups.add(new ProposedGroup(bankIds, ledgerIds, conf.asDouble(), reason));
      }
    }
    return errors.isEmpty() ? new Result(groups, List.of()) : new Result(List.of(), errors);
  }

  private static boolean citesRealValue(
      String reason, BankLine line, List<String> ledgerIds, Map<String, LedgerEntry> byId) {
    String r = reason.toLowerCase(Locale.ROOT);
    List<String> values = new ArrayList<>();
    values.add(line.id().value());
    values.add(line.amount().toPlainString());
    values.add(line.bankReference());
    values.add(line.counterpartyName());
    for (String l : ledgerIds) {
      LedgerEntry e = byId.get(l);
      values.add(l);
      values.add(e.amount().toPlainString());
      values.add(e.documentRef());
      values.add(e.counterpartyName());
    }
    for (String v : values) {
      if (v != null && v.length() >= 3 && r.contains(v.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  private static List<String> strings(JsonNode node, String what, List<String> errors) {
    List<String> out = new ArrayList<>();
    if (!node.isArray()) {
      errors.add(what + " must be an array of ids");
      return out;
    }
    for (JsonNode s : node) {
      if (!s.isString()) {
        errors.add(what + " must hold strings");
      } else {
        out.add(s.asString());
      }
    }
    return out;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private static Result invalid(String error) {
    return new Result(List.of(), List.of(error));
  }
}
