package org.tieout.matcher.text;

import java.util.Arrays;

/**
 * A normalised counterparty name with what similarity needs computed once: its words, its letters
 * without blanks and its sorted trigrams. Names repeat across millions of lines, so each distinct
 * one is made once and shared.
 */
public final class NameKey {
  public static final NameKey EMPTY = new NameKey("", Names.Forms.NONE);

  final String text;
  final String compact;
  final String[] tokens;
  private long[] grams;
  final String padded;
  final Names.Forms forms;
  private final String block;
  private final String coarseBlock;
  private int id = -1;

  private NameKey(String normalised, Names.Forms forms) {
    this.text = normalised;
    this.forms = forms;
    this.compact = normalised.replace(" ", "");
    this.tokens = normalised.isEmpty() ? new String[0] : normalised.split(" ");
    this.padded = " " + normalised + " ";
    this.coarseBlock =
        tokens.length == 0 ? "" : tokens[0].length() > 6 ? tokens[0].substring(0, 6) : tokens[0];
    this.block =
        tokens.length < 2
            ? coarseBlock
            : coarseBlock + " " + (tokens[1].length() > 2 ? tokens[1].substring(0, 2) : tokens[1]);
  }

  public static NameKey of(String raw) {
    return of(Names.normalise(raw), Names.legalForms(raw));
  }

  /** For a name already through {@link Names#normalise} and {@link Names#legalForms}. */
  public static NameKey of(String normalised, Names.Forms forms) {
    return normalised.isEmpty() ? EMPTY : new NameKey(normalised, forms);
  }

  /** What tells two keys apart: the normalised name and, when it has any, its legal forms. */
  public static String identity(String normalised, Names.Forms forms) {
    return forms.isEmpty()
        ? normalised
        : normalised + "|" + String.join(" ", forms.words()) + (forms.endsInForm() ? "$" : "");
  }

  /** Sorted trigrams, made on first use: most pairs are settled before trigrams are needed. */
  long[] grams() {
    long[] g = grams;
    if (g == null) {
      g = Names.sortedGrams(compact); // racy but idempotent
      grams = g;
    }
    return g;
  }

  /** A number unique among the keys of one run, for caching pair similarities; -1 until given. */
  public int id() {
    return id;
  }

  public void assignId(int value) {
    this.id = value;
  }

  /** The name's last legal form as written (BV for "B.V."), empty when it has none. */
  public String legalForm() {
    return forms.isEmpty() ? "" : forms.last();
  }

  public String text() {
    return text;
  }

  public boolean isEmpty() {
    return text.isEmpty();
  }

  /**
   * A cheap key to find candidates by: the first word (up to six letters) and the first two letters
   * of the second. Fine enough that all the "Acme ..." companies do not share one bucket; coarse
   * enough that a bank's truncation keeps it.
   */
  public String block() {
    return block;
  }

  /** The first word only (up to six letters): how a one-word name is found. */
  public String coarseBlock() {
    return coarseBlock;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NameKey k && k.text.equals(text) && k.forms.equals(forms);
  }

  @Override
  public int hashCode() {
    return text.hashCode() * 31 + forms.hashCode();
  }

  @Override
  public String toString() {
    return text + " " + Arrays.toString(tokens);
  }
}
