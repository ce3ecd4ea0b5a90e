package org.tieout.core;

import java.util.Objects;

/** A file something was imported from: its name and the SHA-256 of its bytes. */
public record SourceFile(String name, String contentHash) {
  public SourceFile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(contentHash, "contentHash");
  }

  public String shortHash() {
    return contentHash.substring(0, Math.min(12, contentHash.length()));
  }
}
