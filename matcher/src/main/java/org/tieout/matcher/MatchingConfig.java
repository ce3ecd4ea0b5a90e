package org.tieout.matcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.tieout.core.Money;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Rule limits, with defaults that work on realistic data and optional overrides per bank account.
 * Loaded from YAML ({@code docs/matching.md} lists every key); every limit has a unit in its name.
 */
public record MatchingConfig(Limits defaults, Map<String, Limits> accounts) {

  /**
   * @param dateWindowDays how far apart bank and ledger dates may be for the amount rules
   * @param referenceWindowDays how far apart they may be when a reference ties them
   * @param lateWindowDays how long after the entry a late payer's line may come, for the late pass
   *     of the same-amount rule
   * @param nameSimilarityMin counterparty similarity (0..1) a rule needs to post on its own
   * @param feeToleranceAmount largest difference, in currency units, taken as a bank charge
   * @param feeTolerancePercent and at most this share of the amount
   * @param subsetMaxItems most entries in one combined or split payment
   * @param subsetMaxCandidates most open items a subset search looks at for one line
   * @param subsetMaxIterations steps a subset search may take before it gives up on a line
   * @param subsetWindowDays date span of the items in one combined or split payment
   * @param subsetAutoMaxCandidates a subset found among more candidates than this is only proposed:
   *     in a large pool some set adds up by chance
   */
  public record Limits(
      Integer dateWindowDays,
      Integer referenceWindowDays,
      Integer lateWindowDays,
      Double nameSimilarityMin,
      BigDecimal feeToleranceAmount,
      BigDecimal feeTolerancePercent,
      Integer subsetMaxItems,
      Integer subsetMaxCandidates,
      Integer subsetMaxIterations,
      Integer subsetWindowDays,
      Integer subsetAutoMaxCandidates) {

    static final Limits DEFAULT =
        new Limits(
            7, 60, 35, 0.6, new BigDecimal("50.00"), new BigDecimal("3"), 6, 20, 200_000, 45, 10);

    /** This account's limits: its own where set, the defaults elsewhere. */
    Limits over(Limits base) {
      return new Limits(
          dateWindowDays != null ? dateWindowDays : base.dateWindowDays,
          referenceWindowDays != null ? referenceWindowDays : base.referenceWindowDays,
          lateWindowDays != null ? lateWindowDays : base.lateWindowDays,
          nameSimilarityMin != null ? nameSimilarityMin : base.nameSimilarityMin,
          feeToleranceAmount != null ? feeToleranceAmount : base.feeToleranceAmount,
          feeTolerancePercent != null ? feeTolerancePercent : base.feeTolerancePercent,
          subsetMaxItems != null ? subsetMaxItems : base.subsetMaxItems,
          subsetMaxCandidates != null ? subsetMaxCandidates : base.subsetMaxCandidates,
          subsetMaxIterations != null ? subsetMaxIterations : base.subsetMaxIterations,
          subsetWindowDays != null ? subsetWindowDays : base.subsetWindowDays,
          subsetAutoMaxCandidates != null ? subsetAutoMaxCandidates : base.subsetAutoMaxCandidates);
    }

    /** Largest difference between two amounts that a tolerance rule accepts. */
    public long toleranceMinor(long amountMinor, String currencyCode) {
      int scale = Money.scale(Money.currency(currencyCode));
      long cap = feeToleranceAmount.movePointRight(scale).longValue();
      long share =
          BigDecimal.valueOf(Math.abs(amountMinor))
              .multiply(feeTolerancePercent)
              .movePointLeft(2)
              .longValue();
      return Math.min(cap, share);
    }
  }

  public MatchingConfig {
    defaults = defaults == null ? Limits.DEFAULT : defaults.over(Limits.DEFAULT);
    // sorted by account: the run record's configuration (and the key that makes a rerun find its
    // earlier run) must come out the same in every JVM, which Map.copyOf's order does not
    accounts = accounts == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(accounts));
  }

  public static MatchingConfig defaultConfig() {
    return new MatchingConfig(null, null);
  }

  public Limits forAccount(String accountId) {
    Limits own = accounts.get(accountId);
    return own == null ? defaults : own.over(defaults);
  }

  private static final YAMLMapper YAML =
      YAMLMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  public static MatchingConfig load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return YAML.readValue(in, MatchingConfig.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "matching configuration " + file + " is not valid: " + e.getMessage(), e);
    }
  }

  /** The effective configuration, for the run record and the report. */
  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("defaults", defaults);
    m.put("accounts", accounts);
    return m;
  }
}
