package org.tieout.anomaly;

import java.util.Objects;
import org.tieout.core.EntryId;

/**
 * One reason to look at a ledger entry: its type, how strong the evidence is (0..1) and a line
 * naming the fields and numbers behind it.
 */
public record Flag(EntryId entry, AnomalyType type, double strength, String explanation) {
  public Flag {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(type, "type");
    if (!(strength >= 0 && strength <= 1)) {
      throw new IllegalArgumentException("strength must be within 0..1, got " + strength);
    }
  }

  /** What this flag adds to the entry's score: its strength times its type's weight. */
  public double contribution() {
    return strength * type.weight;
  }
}
