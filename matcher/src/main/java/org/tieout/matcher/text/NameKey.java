package org.tieout.matcher.text;

import java.util.Arrays;

/**
 * A normalised counterparty name with what similarity needs computed once: its words, its letters
 * without blanks and its sorted trigrams. Names repeat across millions of lines, so each distinct
 * one is made once and shared.
 */
public final class NameKey {
  public static final NameKey EMPTY = new NameKey("");

  final String text;
  final String compact;
  final String[] tokens;
  final long[] grams;
  final String padded;
  private int id = -1;

  private NameKey(String normalised) {
    this.text = normalised;
    this.compact = normalised.replace(" ", "");
    this.tokens = normalised.isEmpty() ? new String[0] : normalised.split(" ");
    this.grams = Names.sortedGrams(compact);
    this.padded = " " + normalised + " ";
  }

  public static NameKey of(String raw) {
    String n = Names.normalise(raw);
    return n.isEmpty() ? EMPTY : new NameKey(n);
  }

  /** A number unique among the keys of one run, for caching pair similarities; -1 until given. */
  public int id() {
    return id;
  }

  public void assignId(int value) {
    this.id = value;
  }

  public String text() {
    return text;
  }

  public boolean isEmpty() {
    return text.isEmpty();
  }

  /** The first letters of the first word: a cheap key to find candidates by. */
  public String block() {
    if (tokens.length == 0) {
      return "";
    }
    String first = tokens[0];
    return first.length() > 4 ? first.substring(0, 4) : first;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NameKey k && k.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text + " " + Arrays.toString(tokens);
  }
}
