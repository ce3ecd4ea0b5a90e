package org.tieout.embeddings;

/** Small vector arithmetic: unit length, and cosine similarity of unit vectors. */
public final class Vectors {
  private Vectors() {}

  public static void normalise(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += x * x;
    }
    if (sum == 0) {
      return;
    }
    float inv = (float) (1 / Math.sqrt(sum));
    for (int i = 0; i < v.length; i++) {
      v[i] *= inv;
    }
  }

  /** Cosine similarity of two unit vectors: their dot product. */
  public static double cosine(float[] a, float[] b) {
    double dot = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
    }
    return dot;
  }
}
