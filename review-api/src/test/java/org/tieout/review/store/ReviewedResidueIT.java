package org.tieout.review.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tieout.core.MatchGroup;
import org.tieout.matcher.FeeSchedules;
import org.tieout.matcher.LearnedResidue;
import org.tieout.matcher.MatchingConfig;
import org.tieout.matcher.PairScorer;
import org.tieout.matcher.Progress;
import org.tieout.matcher.dataset.DatasetGenerator;
import org.tieout.review.TestDatabase;
import org.tieout.review.cli.TieoutCli;

/**
 * Reviewers' decisions read back as training data: a generated dataset is reconciled into the
 * store, its proposals are decided the way a careful reviewer would (approved when the truth says
 * so, rejected otherwise), and the residue and labels come back from the database.
 */
class ReviewedResidueIT {
  @TempDir Path dir;
  private String url;
  private Set<String> truthPairs;

  /** A proposed group of the stored run: its bank lines and entries by their own ids. */
  private record Proposal(long id, List<String> lines, List<String> entries) {}

  @BeforeEach
  void storedRun() throws Exception {
    url = TestDatabase.freshSchema("it_", false);
    DatasetGenerator.Dataset d =
        new DatasetGenerator(new DatasetGenerator.Options(931, 700, LocalDate.of(2026, 2, 1), 75))
            .generate(Progress.NONE);
    truthPairs = new HashSet<>();
    for (MatchGroup g : d.truth()) {
      g.bankIds()
          .forEach(b -> g.ledgerIds().forEach(e -> truthPairs.add(b.value() + "|" + e.value())));
    }
    TestDatabase.reconcile(url, d, dir, null, false);
  }

  private List<Proposal> proposals(Connection c) throws Exception {
    Map<Long, Proposal> out = new LinkedHashMap<>();
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                """
                select g.id, 'b', b.transaction_id from match_group g
                join match_group_bank mb on mb.group_id = g.id
                join bank_line b on b.id = mb.bank_line_id where g.status = 'proposed'
                union all
                select g.id, 'l', l.entry_id from match_group g
                join match_group_ledger ml on ml.group_id = g.id
                join ledger_entry l on l.id = ml.ledger_entry_id where g.status = 'proposed'
                order by 1, 2, 3""")) {
      while (rs.next()) {
        Proposal p =
            out.computeIfAbsent(
                rs.getLong(1), k -> new Proposal(k, new ArrayList<>(), new ArrayList<>()));
        (rs.getString(2).equals("b") ? p.lines() : p.entries()).add(rs.getString(3));
      }
    }
    return new ArrayList<>(out.values());
  }

  private boolean right(Proposal p) {
    return p.lines().stream()
        .allMatch(b -> p.entries().stream().allMatch(e -> truthPairs.contains(b + "|" + e)));
  }

  /** Decides every other proposal like a reviewer with the truth at hand; the rest stay open. */
  private List<Proposal> decideHalf() throws Exception {
    List<Proposal> decided = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url)) {
      List<Proposal> all = proposals(c);
      assertThat(all).hasSizeGreaterThan(20);
      try (PreparedStatement ps =
          c.prepareStatement("update match_group set review_state = ? where id = ?")) {
        for (int i = 0; i < all.size(); i += 2) {
          Proposal p = all.get(i);
          ps.setString(1, right(p) ? "approved" : "rejected");
          ps.setLong(2, p.id());
          ps.executeUpdate();
          decided.add(p);
        }
      }
    }
    return decided;
  }

  @Test
  void decisionsComeBackAsTheResidueTheyWereMadeOnAndItsLabels() throws Exception {
    List<Proposal> decided = decideHalf();
    long approved = decided.stream().filter(this::right).count();
    assertThat(approved).isPositive();
    assertThat(decided.size() - approved).as("some proposals were wrong").isPositive();

    ReviewedResidue r = ReviewedResidue.load(url);
    assertThat(r.settledGroups()).isEqualTo(approved);
    assertThat(r.refusedGroups()).isEqualTo(decided.size() - approved);

    Set<String> bankIds = new HashSet<>();
    r.bank().forEach(b -> bankIds.add(b.id().value()));
    Set<String> entryIds = new HashSet<>();
    r.ledger().forEach(e -> entryIds.add(e.id().value()));
    for (Proposal p : decided) {
      assertThat(bankIds).containsAll(p.lines());
      assertThat(entryIds).containsAll(p.entries());
      for (String b : p.lines()) {
        assertThat(r.labels().of(b, p.entries())).isEqualTo(right(p));
      }
    }
    // nothing a rule posted is in the residue
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "select b.transaction_id from match_group g join match_group_bank mb on"
                    + " mb.group_id = g.id join bank_line b on b.id = mb.bank_line_id"
                    + " where g.review_state = 'posted'")) {
      int posted = 0;
      while (rs.next()) {
        assertThat(bankIds).doesNotContain(rs.getString(1));
        posted++;
      }
      assertThat(posted).isPositive();
    }
    // an approved line's other candidates are wrong; an undecided line's are unknown
    Proposal settled = decided.stream().filter(this::right).findFirst().orElseThrow();
    String otherEntry =
        r.ledger().stream()
            .map(e -> e.id().value())
            .filter(e -> !settled.entries().contains(e))
            .findFirst()
            .orElseThrow();
    assertThat(r.labels().of(settled.lines().get(0), List.of(otherEntry))).isFalse();
    String undecidedLine =
        r.bank().stream()
            .map(b -> b.id().value())
            .filter(b -> decided.stream().noneMatch(p -> p.lines().contains(b)))
            .findFirst()
            .orElseThrow();
    String freeEntry =
        r.ledger().stream()
            .map(e -> e.id().value())
            .filter(e -> decided.stream().noneMatch(p -> right(p) && p.entries().contains(e)))
            .findFirst()
            .orElseThrow();
    assertThat(r.labels().of(undecidedLine, List.of(freeEntry))).isNull();
    // and one that takes an entry people settled with another line is wrong
    assertThat(r.labels().of(undecidedLine, settled.entries())).isFalse();
  }

  @Test
  void examplesFromDecisionsAreLabelledBothWaysAndLeaveTheUndecidedOut() throws Exception {
    decideHalf();
    ReviewedResidue r = ReviewedResidue.load(url);
    List<LearnedResidue.Example> rows =
        LearnedResidue.examples(
            r.bank(),
            r.ledger(),
            MatchingConfig.defaultConfig(),
            null,
            FeeSchedules.NONE,
            r.labels(),
            null);
    long right = rows.stream().filter(LearnedResidue.Example::right).count();
    assertThat(right).isPositive();
    assertThat(rows.size() - right).isPositive();
    // fewer rows than with every candidate labelled: the undecided lines' candidates are left out
    Set<String> all = new HashSet<>(truthPairs);
    assertThat(rows.size())
        .isLessThan(
            LearnedResidue.examples(
                    r.bank(),
                    r.ledger(),
                    MatchingConfig.defaultConfig(),
                    null,
                    FeeSchedules.NONE,
                    LearnedResidue.Labels.truth(all),
                    null)
                .size());
  }

  @Test
  void residueTrainLearnsFromTheDatabaseAndTheRunUsesTheModel() throws Exception {
    decideHalf();
    Path models = dir.resolve("models");
    int exit =
        TieoutCli.execute(
            "residue-train",
            "-q",
            "--db",
            url,
            "--generate-seeds",
            "941",
            "--bank-lines",
            "600",
            "--out",
            models.toString());
    assertThat(exit).isZero();
    for (boolean embeddings : new boolean[] {true, false}) {
      PairScorer s = PairScorer.load(models, embeddings);
      assertThat(s.usesEmbeddings()).isEqualTo(embeddings);
      assertThat(s.confidence(0.95, 1, 0.95)).isGreaterThan(s.confidence(0.2, 1, 0.2));
    }
    assertThat(Files.list(models).count()).isEqualTo(4);
  }

  @Test
  void anEmptyDatabaseHasNothingToTeach() throws Exception {
    ReviewedResidue r = ReviewedResidue.load(url);
    assertThat(r.settledGroups() + r.refusedGroups()).isZero();
    assertThat(r.bank()).isEmpty();
    int exit =
        TieoutCli.execute("residue-train", "-q", "--db", url, "--out", dir.resolve("m").toString());
    assertThat(exit).isEqualTo(2);
  }
}
