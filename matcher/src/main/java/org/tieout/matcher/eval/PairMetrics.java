package org.tieout.matcher.eval;

/** Pair-level counts: a group of m bank lines and n entries stands for m×n (bank, ledger) pairs. */
public record PairMetrics(long predicted, long correct, long truth) {
  public double precision() {
    return predicted == 0 ? 1.0 : (double) correct / predicted;
  }

  public double recall() {
    return truth == 0 ? 1.0 : (double) correct / truth;
  }

  public double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  PairMetrics plus(long predictedPairs, long correctPairs) {
    return new PairMetrics(predicted + predictedPairs, correct + correctPairs, truth);
  }
}
