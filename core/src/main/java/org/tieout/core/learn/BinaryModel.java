package org.tieout.core.learn;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
 * A yes/no logistic regression (Tribuo, linear SGD) over named numeric features: trained from
 * labelled rows, saved and read in Tribuo's own format, and able to say which features pushed a
 * prediction up. The anomaly model and the residue pair scorer are both one of these.
 */
public final class BinaryModel {
  private final LinearSGDModel model;
  private final String[] names;
  private final Label yes;
  private final Label no;

  /** How much each feature moves the score, per unit (NaN: unknown to the model). */
  private final double[] push;

  /** The same, 0 where unknown, and the intercept: the log-odds of "yes" is their sum. */
  private final double[] weight;

  private final double intercept;

  private BinaryModel(LinearSGDModel model, List<String> names, String yes, String no) {
    this.model = model;
    this.names = names.toArray(String[]::new);
    this.yes = new Label(yes);
    this.no = new Label(no);
    var weights = model.getWeightsCopy();
    int yesRow = model.getOutputIDInfo().getID(this.yes);
    int noRow = model.getOutputIDInfo().getID(this.no);
    push = new double[this.names.length];
    for (int j = 0; j < this.names.length; j++) {
      int fid = model.getFeatureIDMap().getID(this.names[j]);
      push[j] = fid < 0 ? Double.NaN : weights.get(yesRow, fid) - weights.get(noRow, fid);
    }
    weight = new double[push.length];
    for (int j = 0; j < push.length; j++) {
      weight[j] = Double.isNaN(push[j]) ? 0 : push[j];
    }
    // Tribuo keeps the bias as the column after the last feature
    int bias = model.getFeatureIDMap().size();
    intercept = weights.get(yesRow, bias) - weights.get(noRow, bias);
  }

  /**
   * Trains on rows of features (in the order of {@code names}) with their labels. With {@code
   * balance} the rarer class is repeated (up to 20 times) to weigh about as much as the other (it
   * raises recall of rare events, at the price of probabilities that overstate them); without it
   * the probabilities stay calibrated to the labels' mix. Training is seeded and repeatable.
   */
  public static BinaryModel train(
      String what,
      List<String> names,
      String yes,
      String no,
      List<double[]> rows,
      List<Boolean> labels,
      boolean balance,
      long seed) {
    LabelFactory factory = new LabelFactory();
    MutableDataset<Label> data =
        new MutableDataset<>(new SimpleDataSourceProvenance(what, factory), factory);
    long positives = labels.stream().filter(b -> b).count();
    long negatives = labels.size() - positives;
    if (positives == 0 || negatives == 0) {
      throw new IllegalArgumentException(
          "training needs both '" + yes + "' and '" + no + "' examples among the labels");
    }
    boolean rareYes = positives <= negatives;
    int repeat =
        !balance
            ? 1
            : (int)
                Math.max(
                    1,
                    Math.min(
                        20,
                        rareYes
                            ? negatives / Math.max(1, positives)
                            : positives / Math.max(1, negatives)));
    String[] featureNames = names.toArray(String[]::new);
    Label y = new Label(yes);
    Label n = new Label(no);
    for (int i = 0; i < rows.size(); i++) {
      boolean label = labels.get(i);
      int times = label == rareYes ? repeat : 1;
      for (int r = 0; r < times; r++) {
        data.add(new ArrayExample<>(label ? y : n, featureNames, rows.get(i)));
      }
    }
    LinearSGDTrainer trainer =
        new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.5, 0.1), 8, -1, 1, seed);
    return new BinaryModel((LinearSGDModel) trainer.train(data), names, yes, no);
  }

  /**
   * Reads a model saved by {@link #save}; the names and labels must be the ones it was made with.
   */
  public static BinaryModel load(Path file, List<String> names, String yes, String no) {
    try {
      Model<?> m = Model.deserializeFromFile(file);
      if (!(m instanceof LinearSGDModel lin)
          || lin.getOutputIDInfo().getID(new Label(yes)) < 0
          || lin.getOutputIDInfo().getID(new Label(no)) < 0) {
        throw new IllegalArgumentException(
            file + " is not a model of '" + yes + "' against '" + no + "'");
      }
      return new BinaryModel(lin, names, yes, no);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the model " + file, e);
    }
  }

  /** Reads a model shipped as a class-path resource; null when there is none. */
  public static BinaryModel resource(
      Class<?> owner, String resource, List<String> names, String yes, String no) {
    try (InputStream in = owner.getResourceAsStream(resource)) {
      if (in == null) {
        return null;
      }
      Path tmp = Files.createTempFile("tieout-model", ".tribuo");
      try {
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        return load(tmp, names, yes, no);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
   * The probability of "yes" for a row of features: the logistic of the weighted sum, computed
   * directly from the model's weights (Tribuo's own prediction, {@link #tribuoProbability}, gives
   * the same number but builds an example per call, too slow for millions of candidates).
   */
  public double probability(double[] features) {
    double z = intercept;
    for (int j = 0; j < weight.length; j++) {
      z += weight[j] * features[j];
    }
    return 1 / (1 + Math.exp(-z));
  }

  /** The probability of "yes" as Tribuo predicts it; {@link #probability} must agree. */
  double tribuoProbability(double[] features) {
    Prediction<Label> p = model.predict(new ArrayExample<>(no, names, features));
    Label a = p.getOutputScores().get(yes.getLabel());
    return a == null ? 0 : a.getScore();
  }

  /** The features that raise this row's probability most, named, with their values. */
  public String reasons(double[] features, int top) {
    List<Object[]> pushes = new ArrayList<>();
    for (int j = 0; j < features.length; j++) {
      if (features[j] != 0 && !Double.isNaN(push[j])) {
        pushes.add(new Object[] {names[j], features[j], push[j] * features[j]});
      }
    }
    pushes.sort(Comparator.comparingDouble((Object[] o) -> (Double) o[2]).reversed());
    List<String> out = new ArrayList<>();
    for (Object[] o : pushes.subList(0, Math.min(top, pushes.size()))) {
      if ((Double) o[2] > 0) {
        out.add(o[0] + " " + TwoPlaces.of((Double) o[1]));
      }
    }
    return String.join(", ", out);
  }

  /** When the model was trained. */
  public String trainedAt() {
    return model.getProvenance().getTrainingTime().toString();
  }
}
