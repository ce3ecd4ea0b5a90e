package org.tieout.anomaly;

import java.util.List;

/** One explicit test of the ledger, named after what auditors call it; it only reads. */
public interface Detector {
  String name();

  List<Flag> detect(Ledger ledger, AnomalyConfig config);
}
