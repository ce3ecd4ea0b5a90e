package org.tieout.anomaly.detect;

import java.util.Arrays;

/** Order statistics the detectors share. */
final class Stats {
  private Stats() {}

  static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] v = values.clone();
    Arrays.sort(v);
    int m = v.length / 2;
    return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
  }

  static double quantile(double[] values, double q) {
    double[] v = values.clone();
    Arrays.sort(v);
    return v[(int) Math.min(v.length - 1, Math.floor(q * v.length))];
  }
}
