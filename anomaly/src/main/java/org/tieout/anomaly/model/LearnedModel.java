package org.tieout.anomaly.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * A logistic regression (Tribuo, linear SGD) over {@link EntryFeatures}: it learns from labelled
 * entries (a labelled dataset's truth, or reviewers' confirmed and dismissed flags) how the
 * detectors' flags and the raw features combine, and gives each entry a probability of being an
 * anomaly. Its explanation names the features that pushed the probability up most.
 */
public final class LearnedModel {
  static final Label ANOMALY = new Label("anomaly");
  static final Label NORMAL = new Label("normal");
  private static final String RESOURCE = "/org/tieout/anomaly/model/default-model.tribuo";

  private final LinearSGDModel model;
  private final String description;

  private LearnedModel(LinearSGDModel model, String description) {
    this.model = model;
    this.description = description;
    this.push = push(model);
  }

  /** How much each feature moves the anomaly score, per unit (NaN: unknown to the model). */
  private final double[] push;

  private static double[] push(LinearSGDModel model) {
    var weights = model.getWeightsCopy();
    int anomalyRow = model.getOutputIDInfo().getID(ANOMALY);
    int normalRow = model.getOutputIDInfo().getID(NORMAL);
    double[] push = new double[NAMES.length];
    for (int j = 0; j < NAMES.length; j++) {
      int fid = model.getFeatureIDMap().getID(NAMES[j]);
      push[j] = fid < 0 ? Double.NaN : weights.get(anomalyRow, fid) - weights.get(normalRow, fid);
    }
    return push;
  }

  private static final String[] NAMES = EntryFeatures.NAMES.toArray(String[]::new);

  /** Read once: every scorer built with the defaults shares it (it is immutable). */
  private static final class Bundled {
    static final LearnedModel MODEL = read();
  }

  /** The model that ships with Tieout (see {@code anomalies-train}), or none if absent. */
  public static LearnedModel bundled() {
    return Bundled.MODEL;
  }

  private static LearnedModel read() {
    try (InputStream in = LearnedModel.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return null;
      }
      Path tmp = Files.createTempFile("tieout-model", ".tribuo");
      try {
        Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return load(tmp);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static LearnedModel load(Path file) {
    try {
      Model<?> m = Model.deserializeFromFile(file);
      if (!(m instanceof LinearSGDModel lin)) {
        throw new IllegalArgumentException(file + " is not a Tieout anomaly model");
      }
      return new LearnedModel(lin, lin.getProvenance().getTrainingTime().toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the model " + file, e);
    }
  }

  public void save(Path file) {
    try {
      model.serializeToFile(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the model " + file, e);
    }
  }

  /**
   * Trains on feature rows with their labels. Anomalies are rare, so each is repeated (up to 20
   * times) to weigh about as much as the normal entries; training is seeded and repeatable.
   */
  public static LearnedModel train(List<double[]> rows, List<Boolean> anomalous, long seed) {
    LabelFactory factory = new LabelFactory();
    MutableDataset<Label> data =
        new MutableDataset<>(
            new SimpleDataSourceProvenance("tieout labelled ledger entries", factory), factory);
    long positives = anomalous.stream().filter(b -> b).count();
    if (positives == 0 || positives == anomalous.size()) {
      throw new IllegalArgumentException(
          "training needs both anomalies and normal entries among the labels");
    }
    int repeat =
        (int) Math.max(1, Math.min(20, (anomalous.size() - positives) / Math.max(1, positives)));
    for (int i = 0; i < rows.size(); i++) {
      boolean a = anomalous.get(i);
      for (int r = 0; r < (a ? repeat : 1); r++) {
        data.add(new ArrayExample<>(a ? ANOMALY : NORMAL, NAMES, rows.get(i)));
      }
    }
    LinearSGDTrainer trainer =
        new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.5, 0.1), 8, -1, 1, seed);
    LinearSGDModel m = (LinearSGDModel) trainer.train(data);
    return new LearnedModel(m, m.getProvenance().getTrainingTime().toString());
  }

  /** The probability that an entry with these features is an anomaly. */
  public double probability(double[] features) {
    Prediction<Label> p = model.predict(new ArrayExample<>(NORMAL, NAMES, features));
    Label a = p.getOutputScores().get(ANOMALY.getLabel());
    return a == null ? 0 : a.getScore();
  }

  /** The features that raise this entry's probability most, named, with their values. */
  public String reasons(double[] features, int top) {
    List<Object[]> pushes = new ArrayList<>();
    for (int j = 0; j < features.length; j++) {
      if (features[j] != 0 && !Double.isNaN(push[j])) {
        pushes.add(new Object[] {NAMES[j], features[j], push[j] * features[j]});
      }
    }
    pushes.sort(Comparator.comparingDouble((Object[] o) -> (Double) o[2]).reversed());
    List<String> out = new ArrayList<>();
    for (Object[] o : pushes.subList(0, Math.min(top, pushes.size()))) {
      if ((Double) o[2] > 0) {
        out.add(String.format(Locale.ROOT, "%s %.2f", o[0], (Double) o[1]));
      }
    }
    return String.join(", ", out);
  }

  /** When the model was trained: shown with its flags. */
  public String description() {
    return description;
  }
}
