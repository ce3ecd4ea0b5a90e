package org.tieout.core;

import java.util.Objects;

/**
 * Where an imported line came from: the file, and either a line number (CSV, MT940) or an XML path
 * (CAMT.053). Shown wherever the line is shown, so a reviewer can open the original.
 */
public record Provenance(SourceFile source, long line, String path) {
  public Provenance {
    Objects.requireNonNull(source, "source");
  }

  public static Provenance atLine(SourceFile source, long line) {
    return new Provenance(source, line, null);
  }

  public static Provenance atPath(SourceFile source, long line, String path) {
    return new Provenance(source, line, path);
  }

  /** {@code bank.csv:42} or {@code stmt.xml:/Document/BkToCstmrStmt/Stmt[1]/Ntry[3]}. */
  public String location() {
    return path != null ? source.name() + ":" + path : source.name() + ":" + line;
  }

  @Override
  public String toString() {
    return location() + " (sha256 " + source.shortHash() + ")";
  }
}
