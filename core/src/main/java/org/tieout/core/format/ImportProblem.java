package org.tieout.core.format;

/**
 * One rejected row or file-level fault, with where it was and what was expected. The {@code code}
 * is stable so that tools can act on it; the message is for people.
 *
 * @param line 1-based line in the file (0 when the problem is the whole file)
 * @param column the column or XML element at fault (null when the whole row is at fault)
 * @param raw the row as it was in the file, for the rejects file (may be null)
 */
public record ImportProblem(
    String file, long line, String column, String code, String message, String raw) {

  /** {@code bank.csv line 42, column amount: 'abc' is not a plain decimal [bad_amount]}. */
  public String describe() {
    StringBuilder sb = new StringBuilder(file);
    if (line > 0) {
      sb.append(" line ").append(line);
    }
    if (column != null) {
      sb.append(", column ").append(column);
    }
    return sb.append(": ").append(message).append(" [").append(code).append(']').toString();
  }
}
