package org.tieout.review.web;

import io.swagger.v3.oas.annotations.Operation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tieout.review.service.Actor;
import org.tieout.review.service.AuditTrail;
import org.tieout.review.service.Decisions;
import org.tieout.review.service.Flags;
import org.tieout.review.service.FourEyes;
import org.tieout.review.service.GroupQueries;
import org.tieout.review.service.Items;
import org.tieout.review.service.Role;
import org.tieout.review.service.Users;
import org.tieout.review.service.Views;

/** The review API. Every action names its actor; refusals are problem details (RFC 9457). */
@RestController
@RequestMapping("/api")
public class ApiController {
  private final Actors actors;
  private final GroupQueries groups;
  private final Decisions decisions;
  private final Flags flags;
  private final Items items;
  private final AuditTrail audit;
  private final FourEyes fourEyes;
  private final Users users;

  public ApiController(
      Actors actors,
      GroupQueries groups,
      Decisions decisions,
      Flags flags,
      Items items,
      AuditTrail audit,
      FourEyes fourEyes,
      Users users) {
    this.actors = actors;
    this.groups = groups;
    this.decisions = decisions;
    this.flags = flags;
    this.items = items;
    this.audit = audit;
    this.fourEyes = fourEyes;
    this.users = users;
  }

  /** A decision's body: why, and the version the decision was made on (optional). */
  public record Decision(String reason, Integer version) {}

  /** Bulk approval of a filtered set at or above a confidence. */
  public record BulkApprove(
      String stage,
      String account,
      BigDecimal minAmount,
      BigDecimal maxAmount,
      Integer minAgeDays,
      Integer maxAgeDays,
      double minConfidence,
      Integer limit) {}

  /**
   * Dismissal of a flag; with {@code expectedFor} and {@code expectedUntil}, an expected pattern.
   */
  public record Dismissal(
      String reason, Integer version, String expectedFor, java.time.LocalDate expectedUntil) {}

  public record FourEyesChange(BigDecimal amount, String reason) {}

  public record NewUser(
      String username, String password, List<String> roles, List<String> accounts) {}

  @GetMapping("/me")
  public Map<String, Object> me(Authentication auth) {
    Actor a = actors.of(auth);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", a.name());
    m.put("roles", a.roles());
    m.put("accounts", a.accounts().isEmpty() ? List.of("all") : a.accounts());
    return m;
  }

  @Operation(summary = "Reconciliation runs, newest first")
  @GetMapping("/runs")
  public List<Views.Run> runs(@RequestParam(defaultValue = "50") int limit) {
    return items.runs(limit);
  }

  @Operation(
      summary = "Match groups, most confident first",
      description =
          "Filter by state (default: open and pending_second), stage, account, absolute amount (major units),"
              + " age in days and confidence. Page with the 'next' cursor as 'after'.")
  @GetMapping("/groups")
  public Views.Page<Views.Group> groups(
      Authentication auth,
      @RequestParam(required = false) List<String> state,
      @RequestParam(required = false) String stage,
      @RequestParam(required = false) String account,
      @RequestParam(required = false) BigDecimal minAmount,
      @RequestParam(required = false) BigDecimal maxAmount,
      @RequestParam(required = false) Integer minAgeDays,
      @RequestParam(required = false) Integer maxAgeDays,
      @RequestParam(required = false) Double minConfidence,
      @RequestParam(required = false) Double maxConfidence,
      @RequestParam(required = false) String after,
      @RequestParam(defaultValue = "50") int limit) {
    return groups.queue(
        actors.of(auth),
        new GroupQueries.Filter(
            state,
            stage,
            account,
            minAmount,
            maxAmount,
            minAgeDays,
            maxAgeDays,
            minConfidence,
            maxConfidence),
        after,
        limit,
        LocalDate.now());
  }

  @Operation(summary = "Proposals waiting for a decision (the review queue)")
  @GetMapping("/proposals")
  public Views.Page<Views.Group> proposals(
      Authentication auth,
      @RequestParam(required = false) String account,
      @RequestParam(required = false) String after,
      @RequestParam(defaultValue = "50") int limit) {
    return groups.queue(
        actors.of(auth),
        new GroupQueries.Filter(null, null, account, null, null, null, null, null, null),
        after,
        limit,
        LocalDate.now());
  }

  @GetMapping("/groups/{id}")
  public Views.Group group(Authentication auth, @PathVariable long id) {
    return groups.group(actors.of(auth), id, LocalDate.now());
  }

  @Operation(summary = "Approve a group (four eyes: a second approver above the amount)")
  @PostMapping("/groups/{id}/approve")
  public Views.Group approve(
      Authentication auth, @PathVariable long id, @RequestBody(required = false) Decision d) {
    return decisions.approve(actors.of(auth), id, d == null ? null : d.version());
  }

  @Operation(summary = "Reject an open group, with a reason")
  @PostMapping("/groups/{id}/reject")
  public Views.Group reject(Authentication auth, @PathVariable long id, @RequestBody Decision d) {
    return decisions.reject(actors.of(auth), id, d.reason(), d.version());
  }

  @Operation(summary = "Unmatch a settled group: a reversal, recorded with its reason")
  @PostMapping("/groups/{id}/unmatch")
  public Views.Group unmatch(Authentication auth, @PathVariable long id, @RequestBody Decision d) {
    return decisions.unmatch(actors.of(auth), id, d.reason(), d.version());
  }

  @Operation(summary = "Approve every open group of a filtered set at or above a confidence")
  @PostMapping("/groups/bulk-approve")
  public Views.BulkResult bulkApprove(Authentication auth, @RequestBody BulkApprove b) {
    return decisions.bulkApprove(
        actors.of(auth),
        new GroupQueries.Filter(
            null,
            b.stage(),
            b.account(),
            b.minAmount(),
            b.maxAmount(),
            b.minAgeDays(),
            b.maxAgeDays(),
            null,
            null),
        b.minConfidence(),
        b.limit() == null ? 500 : b.limit());
  }

  @Operation(
      summary = "Manual match: chosen bank lines and ledger entries (balanced, or with a reason)")
  @PostMapping("/manual-matches")
  public Views.Group manualMatch(Authentication auth, @RequestBody Decisions.ManualMatch m) {
    return decisions.manualMatch(actors.of(auth), m);
  }

  @Operation(summary = "Bank lines that no settled group holds")
  @GetMapping("/unmatched/bank")
  public List<Views.BankItem> unmatchedBank(
      Authentication auth,
      @RequestParam(required = false) String account,
      @RequestParam(defaultValue = "0") long after,
      @RequestParam(defaultValue = "100") int limit) {
    return items.openBank(actors.of(auth), account, after, limit);
  }

  @Operation(summary = "Ledger entries that no settled group holds")
  @GetMapping("/unmatched/ledger")
  public List<Views.LedgerItem> unmatchedLedger(
      Authentication auth,
      @RequestParam(required = false) String account,
      @RequestParam(defaultValue = "0") long after,
      @RequestParam(defaultValue = "100") int limit) {
    return items.openLedger(actors.of(auth), account, after, limit);
  }

  @Operation(summary = "Anomaly flags, highest score first")
  @GetMapping("/flags")
  public Views.Page<Views.Flag> flags(
      Authentication auth,
      @RequestParam(required = false) String state,
      @RequestParam(required = false) String after,
      @RequestParam(defaultValue = "50") int limit) {
    return flags.list(actors.of(auth), state, after, limit);
  }

  @GetMapping("/flags/{id}")
  public Views.Flag flag(Authentication auth, @PathVariable long id) {
    return flags.get(actors.of(auth), id);
  }

  @PostMapping("/flags/{id}/confirm")
  public Views.Flag confirm(Authentication auth, @PathVariable long id, @RequestBody Decision d) {
    return flags.decide(actors.of(auth), id, true, d.reason(), d.version());
  }

  @Operation(
      summary =
          "Dismiss a flag; optionally mark its pattern expected for the counterparty or GL account until a date")
  @PostMapping("/flags/{id}/dismiss")
  public Views.Flag dismiss(Authentication auth, @PathVariable long id, @RequestBody Dismissal d) {
    Flags.Expectation e =
        d.expectedFor() == null && d.expectedUntil() == null
            ? null
            : new Flags.Expectation(d.expectedFor(), d.expectedUntil());
    return flags.decide(actors.of(auth), id, false, d.reason(), d.version(), e);
  }

  @Operation(
      summary = "Audit events, newest first, optionally about one subject (e.g. match_group:12)")
  @GetMapping("/audit")
  public List<AuditTrail.Stored> audit(
      @RequestParam(required = false) String subject,
      @RequestParam(defaultValue = "100") int limit) {
    return audit.recent(subject, Math.max(1, Math.min(limit, 1000)));
  }

  @Operation(summary = "Recompute the audit trail's hash chain")
  @GetMapping("/audit/verify")
  public AuditTrail.Verification verify() {
    return audit.verify();
  }

  @GetMapping("/settings/four-eyes")
  public Map<String, Object> fourEyes() {
    return Map.of("amount", fourEyes.threshold().toPlainString());
  }

  @PutMapping("/settings/four-eyes")
  public Map<String, Object> changeFourEyes(Authentication auth, @RequestBody FourEyesChange c) {
    return Map.of(
        "amount", fourEyes.change(actors.of(auth), c.amount(), c.reason()).toPlainString());
  }

  @GetMapping("/users")
  public List<Users.Account> users(Authentication auth) {
    actors.of(auth).require(Role.ADMIN, "list users");
    return users.list();
  }

  @PostMapping("/users")
  public Users.Account saveUser(Authentication auth, @RequestBody NewUser u) {
    Actor a = actors.of(auth);
    a.require(Role.ADMIN, "manage users");
    Set<Role> roles = EnumSet.noneOf(Role.class);
    (u.roles() == null ? List.<String>of() : u.roles()).forEach(r -> roles.add(Role.parse(r)));
    Set<String> accounts = u.accounts() == null ? Set.of() : Set.copyOf(u.accounts());
    users.save(a.name(), u.username(), u.password(), roles, accounts);
    return users.list().stream()
        .filter(x -> x.username().equals(u.username()))
        .findFirst()
        .orElseThrow();
  }
}
