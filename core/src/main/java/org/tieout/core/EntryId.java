package org.tieout.core;

/** A ledger entry's id, unique within the ledger. */
public record EntryId(String value) implements Comparable<EntryId> {
  public EntryId {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("entry id must not be blank");
    }
  }

  @Override
  public int compareTo(EntryId o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
