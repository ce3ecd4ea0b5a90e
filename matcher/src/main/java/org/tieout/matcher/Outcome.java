package org.tieout.matcher;

import java.util.List;

/** What a rule made of one line: one fitting group, several equally fitting ones, or none. */
sealed interface Outcome {
  record Matched(Candidate candidate) implements Outcome {}

  /** Several groups fit equally: the rule does not guess; a reviewer chooses. */
  record Ambiguous(List<Candidate> options) implements Outcome {
    public Ambiguous {
      options = List.copyOf(options);
    }
  }

  record NoCandidate() implements Outcome {}

  NoCandidate NONE = new NoCandidate();

  static Outcome of(List<Candidate> fitting) {
    if (fitting.isEmpty()) {
      return NONE;
    }
    return fitting.size() == 1 ? new Matched(fitting.get(0)) : new Ambiguous(fitting);
  }
}
