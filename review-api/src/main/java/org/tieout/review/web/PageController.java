package org.tieout.review.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tieout.review.service.Actor;
import org.tieout.review.service.AuditTrail;
import org.tieout.review.service.Flags;
import org.tieout.review.service.GroupQueries;
import org.tieout.review.service.Items;
import org.tieout.review.service.ReviewException;
import org.tieout.review.service.Role;
import org.tieout.review.service.Views;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The pages accountants work in, rendered on the server; actions go through the REST API. */
@Controller
public class PageController {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final Actors actors;
  private final GroupQueries groups;
  private final Flags flags;
  private final Items items;
  private final AuditTrail audit;
  private final org.springframework.beans.factory.ObjectProvider<
          org.springframework.security.oauth2.client.registration.ClientRegistrationRepository>
      oidc;

  public PageController(
      Actors actors,
      GroupQueries groups,
      Flags flags,
      Items items,
      AuditTrail audit,
      org.springframework.beans.factory.ObjectProvider<
              org.springframework.security.oauth2.client.registration.ClientRegistrationRepository>
          oidc) {
    this.oidc = oidc;
    this.actors = actors;
    this.groups = groups;
    this.flags = flags;
    this.items = items;
    this.audit = audit;
  }

  @GetMapping("/login")
  public String login(Model model) {
    if (oidc.getIfAvailable() instanceof Iterable<?> registrations) {
      for (Object r : registrations) {
        if (r
            instanceof
            org.springframework.security.oauth2.client.registration.ClientRegistration c) {
          model.addAttribute("oidc", c.getRegistrationId());
          model.addAttribute("oidcName", c.getClientName());
        }
      }
    }
    return "login";
  }

  @GetMapping("/")
  public String home() {
    return "redirect:/queue";
  }

  /** How a group's two sides differ, for highlighting: amount, date gap, references. */
  public record Comparison(
      boolean balanced,
      String difference,
      long maxDateGapDays,
      boolean anyReference,
      List<String> referencesFound) {}

  @GetMapping("/queue")
  public String queue(
      Authentication auth,
      Model model,
      @RequestParam(required = false) String account,
      @RequestParam(required = false) String stage,
      @RequestParam(required = false) Double minConfidence,
      @RequestParam(required = false) BigDecimal minAmount,
      @RequestParam(required = false) BigDecimal maxAmount,
      @RequestParam(required = false) String after,
      @RequestParam(required = false) Long selected) {
    Actor actor = common(auth, model, "queue");
    GroupQueries.Filter filter =
        new GroupQueries.Filter(
            null,
            blank(stage),
            blank(account),
            minAmount,
            maxAmount,
            null,
            null,
            minConfidence,
            null);
    Views.Page<Views.Group> page = groups.queue(actor, filter, blank(after), 50, LocalDate.now());
    Views.Group current = null;
    if (selected != null) {
      try {
        current = groups.group(actor, selected, LocalDate.now());
      } catch (ReviewException e) {
        current = null;
      }
    }
    if (current == null && !page.items().isEmpty()) {
      current = page.items().get(0);
    }
    model.addAttribute("page", page);
    model.addAttribute("current", current);
    model.addAttribute("comparison", current == null ? null : compare(current));
    model.addAttribute("account", account);
    model.addAttribute("stage", stage);
    model.addAttribute("minConfidence", minConfidence);
    model.addAttribute("minAmount", minAmount);
    model.addAttribute("maxAmount", maxAmount);
    model.addAttribute("after", after);
    return "queue";
  }

  static Comparison compare(Views.Group g) {
    long gap = 0;
    for (Views.BankItem b : g.bankLines()) {
      for (Views.LedgerItem l : g.ledgerEntries()) {
        gap = Math.max(gap, Math.abs(ChronoUnit.DAYS.between(l.postingDate(), b.bookingDate())));
      }
    }
    List<String> found = new ArrayList<>();
    boolean anyReference = false;
    StringBuilder bankText = new StringBuilder();
    for (Views.BankItem b : g.bankLines()) {
      bankText.append(' ').append(b.description()).append(' ').append(b.reference());
    }
    String haystack = normalise(bankText.toString());
    for (Views.LedgerItem l : g.ledgerEntries()) {
      String ref = l.documentRef();
      if (ref != null && !ref.isBlank()) {
        anyReference = true;
        if (haystack.contains(normalise(ref))) {
          found.add(ref);
        }
      }
    }
    boolean balanced = g.difference() == null || new BigDecimal(g.difference()).signum() == 0;
    return new Comparison(balanced, g.difference(), gap, anyReference, found);
  }

  private static String normalise(String s) {
    return s.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
  }

  @GetMapping("/manual")
  public String manual(
      Authentication auth, Model model, @RequestParam(required = false) String account) {
    Actor actor = common(auth, model, "manual");
    model.addAttribute("account", account);
    model.addAttribute("bank", items.openBank(actor, blank(account), 0, 200));
    model.addAttribute("ledger", items.openLedger(actor, blank(account), 0, 200));
    return "manual";
  }

  @GetMapping("/anomalies")
  public String anomalies(
      Authentication auth,
      Model model,
      @RequestParam(required = false) String state,
      @RequestParam(required = false) String after) {
    Actor actor = common(auth, model, "anomalies");
    model.addAttribute("state", state == null ? "open" : state);
    model.addAttribute("page", flags.list(actor, state, blank(after), 50));
    return "anomalies";
  }

  /** A run's bar on the auto-match chart, placed in a 600 x 180 view box. */
  public record RunPoint(
      long id, String label, double autoMatchRate, int x, int y, int width, int height) {}

  @GetMapping("/runs")
  public String runs(Authentication auth, Model model) {
    common(auth, model, "runs");
    List<Views.Run> runs = items.runs(60);
    List<Views.Run> completed = new ArrayList<>();
    for (int i = runs.size() - 1; i >= 0; i--) {
      if (runs.get(i).status().equals("completed")) {
        completed.add(runs.get(i));
      }
    }
    List<RunPoint> points = new ArrayList<>();
    int slot = completed.isEmpty() ? 540 : 540 / completed.size();
    for (int i = 0; i < completed.size(); i++) {
      Views.Run r = completed.get(i);
      int height = (int) Math.round(r.autoMatchRate() * 150);
      points.add(
          new RunPoint(
              r.id(),
              r.startedAt().toString().substring(0, 10),
              r.autoMatchRate(),
              40 + i * slot + 4,
              160 - height,
              Math.max(4, Math.min(60, slot - 8)),
              height));
    }
    model.addAttribute("runs", runs);
    model.addAttribute("points", points);
    model.addAttribute("ageBuckets", ageBuckets(runs));
    return "runs";
  }

  /** One bar of the age chart: a bucket, its amount, and its width relative to the largest. */
  public record AgeBar(String age, BigDecimal amount, int widthPx) {}

  /** Unreconciled bank amounts by age bucket in the latest completed run, summed per currency. */
  static Map<String, List<AgeBar>> ageBuckets(List<Views.Run> runs) {
    Map<String, Map<String, BigDecimal>> byCurrency = new LinkedHashMap<>();
    for (Views.Run r : runs) {
      if (r.counts() == null) {
        continue;
      }
      JsonNode open = JSON.readTree(r.counts()).path("open_bank_by_account_and_age");
      for (String account : open.propertyNames()) {
        JsonNode ages = open.path(account);
        for (String age : ages.propertyNames()) {
          String[] parts = ages.path(age).asString().split(" ", 2);
          if (parts.length == 2) {
            byCurrency
                .computeIfAbsent(parts[0], k -> new LinkedHashMap<>())
                .merge(age, new BigDecimal(parts[1]).abs(), BigDecimal::add);
          }
        }
      }
      break;
    }
    Map<String, List<AgeBar>> bars = new LinkedHashMap<>();
    byCurrency.forEach(
        (currency, ages) -> {
          BigDecimal max = ages.values().stream().max(BigDecimal::compareTo).orElse(BigDecimal.ONE);
          List<AgeBar> list = new ArrayList<>();
          ages.forEach(
              (age, amount) ->
                  list.add(
                      new AgeBar(
                          age,
                          amount,
                          max.signum() == 0
                              ? 0
                              : amount
                                  .multiply(BigDecimal.valueOf(300))
                                  .divide(max, java.math.RoundingMode.HALF_UP)
                                  .intValue())));
          bars.put(currency, list);
        });
    return bars;
  }

  @GetMapping("/audit")
  public String auditPage(
      Authentication auth,
      Model model,
      @RequestParam(required = false) String subject,
      @RequestParam(defaultValue = "false") boolean verify) {
    common(auth, model, "audit");
    model.addAttribute("events", audit.recent(blank(subject), 200));
    model.addAttribute("subject", subject);
    model.addAttribute("verification", verify ? audit.verify() : null);
    return "audit";
  }

  private Actor common(Authentication auth, Model model, String tab) {
    Actor actor = actors.of(auth);
    model.addAttribute("me", actor);
    model.addAttribute("tab", tab);
    model.addAttribute("canApprove", actor.can(Role.APPROVER));
    model.addAttribute("canPrepare", actor.can(Role.PREPARER));
    return actor;
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
