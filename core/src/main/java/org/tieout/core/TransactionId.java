package org.tieout.core;

/** A bank line's id, unique within its bank account. */
public record TransactionId(String value) implements Comparable<TransactionId> {
  public TransactionId {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("transaction id must not be blank");
    }
  }

  @Override
  public int compareTo(TransactionId o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
