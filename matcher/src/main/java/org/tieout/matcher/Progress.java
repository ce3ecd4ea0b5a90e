package org.tieout.matcher;

/** Told how far a long step has come, so the command line can draw a progress bar. */
@FunctionalInterface
public interface Progress {
  void update(String stage, long done, long total);

  Progress NONE = (stage, done, total) -> {};
}
