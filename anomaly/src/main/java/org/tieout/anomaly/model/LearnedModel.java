package org.tieout.anomaly.model;

import java.nio.file.Path;
import java.util.List;
import org.tieout.core.learn.BinaryModel;

/**
 * A logistic regression over {@link EntryFeatures}: it learns from labelled entries (a labelled
 * dataset's truth, or reviewers' confirmed and dismissed flags) how the detectors' flags and the
 * raw features combine, and gives each entry a probability of being an anomaly. Its explanation
 * names the features that pushed the probability up most.
 */
public final class LearnedModel {
  private static final String ANOMALY = "anomaly";
  private static final String NORMAL = "normal";
  private static final String RESOURCE = "/org/tieout/anomaly/model/default-model.tribuo";

  private final BinaryModel model;

  private LearnedModel(BinaryModel model) {
    this.model = model;
  }

  /** Read once: every scorer built with the defaults shares it (it is immutable). */
  private static final class Bundled {
    static final LearnedModel MODEL = read();

    private static LearnedModel read() {
      BinaryModel m =
          BinaryModel.resource(LearnedModel.class, RESOURCE, EntryFeatures.NAMES, ANOMALY, NORMAL);
      return m == null ? null : new LearnedModel(m);
    }
  }

  /** The model that ships with Tieout (see {@code anomalies-train}), or none if absent. */
  public static LearnedModel bundled() {
    return Bundled.MODEL;
  }

  public static LearnedModel load(Path file) {
    return new LearnedModel(BinaryModel.load(file, EntryFeatures.NAMES, ANOMALY, NORMAL));
  }

  public void save(Path file) {
    model.save(file);
  }

  /**
   * Trains on feature rows with their labels. Anomalies are rare, so each is repeated (up to 20
   * times) to weigh about as much as the normal entries; training is seeded and repeatable.
   */
  public static LearnedModel train(List<double[]> rows, List<Boolean> anomalous, long seed) {
    return new LearnedModel(
        BinaryModel.train(
            "tieout labelled ledger entries",
            EntryFeatures.NAMES,
            ANOMALY,
            NORMAL,
            rows,
            anomalous,
            true,
            seed));
  }

  /** The probability that an entry with these features is an anomaly. */
  public double probability(double[] features) {
    return model.probability(features);
  }

  /** The features that raise this entry's probability most, named, with their values. */
  public String reasons(double[] features, int top) {
    return model.reasons(features, top);
  }

  /** When the model was trained: shown with its flags. */
  public String description() {
    return model.trainedAt();
  }
}
