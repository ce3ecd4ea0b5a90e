package org.tieout.matcher;

/**
 * A set of longs, open addressing with linear probing: asked millions of times whether a sum is
 * wanted, it boxes nothing.
 */
final class LongSet {
  private static final long EMPTY = Long.MIN_VALUE;
  private long[] slots = new long[16];
  private int size;
  private boolean hasEmpty; // Long.MIN_VALUE itself, which marks a free slot

  boolean add(long v) {
    if (v == EMPTY) {
      boolean added = !hasEmpty;
      hasEmpty = true;
      return added;
    }
    if ((size + 1) * 2 > slots.length) {
      grow();
    }
    int i = slot(v, slots.length);
    while (slots[i] != EMPTY) {
      if (slots[i] == v) {
        return false;
      }
      i = (i + 1) & (slots.length - 1);
    }
    slots[i] = v;
    size++;
    return true;
  }

  boolean contains(long v) {
    if (v == EMPTY) {
      return hasEmpty;
    }
    int i = slot(v, slots.length);
    while (slots[i] != EMPTY) {
      if (slots[i] == v) {
        return true;
      }
      i = (i + 1) & (slots.length - 1);
    }
    return false;
  }

  boolean isEmpty() {
    return size == 0 && !hasEmpty;
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    java.util.Arrays.fill(slots, EMPTY);
    for (long v : old) {
      if (v != EMPTY) {
        int i = slot(v, slots.length);
        while (slots[i] != EMPTY) {
          i = (i + 1) & (slots.length - 1);
        }
        slots[i] = v;
      }
    }
  }

  private static int slot(long v, int length) {
    long z = v * 0x9E3779B97F4A7C15L;
    return (int) (z ^ (z >>> 32)) & (length - 1);
  }

  LongSet() {
    java.util.Arrays.fill(slots, EMPTY);
  }
}
