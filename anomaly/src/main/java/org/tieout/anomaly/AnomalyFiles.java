package org.tieout.anomaly;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tieout.core.EntryId;
import org.tieout.core.format.BadInputException;
import org.tieout.core.format.ImportProblem;
import org.tieout.core.format.InterchangeCsv;
import org.tieout.core.format.MappedRows;

/**
 * {@code anomalies.csv} of the interchange format: results (with score and explanation) and truth.
 */
public final class AnomalyFiles {
  public static final List<String> COLUMNS =
      List.of("entry_id", "score", "anomaly_type", "explanation");

  private AnomalyFiles() {}

  /** One row per flag of each flagged entry; the score is the entry's combined score. */
  public static void write(Path file, List<AnomalyScorer.Assessment> flagged) {
    record Row(AnomalyScorer.Assessment a, Flag f) {}
    List<Row> rows = new ArrayList<>();
    for (AnomalyScorer.Assessment a : flagged) {
      a.flags().forEach(f -> rows.add(new Row(a, f)));
    }
    InterchangeCsv.write(
        file,
        COLUMNS,
        rows,
        r ->
            Arrays.asList(
                r.a().entry().id().value(),
                String.format(java.util.Locale.ROOT, "%.4f", r.a().score()),
                r.f().type().code(),
                r.f().explanation()));
  }

  public static void writeTruth(
      Path file, List<org.tieout.anomaly.dataset.AnomalyDatasetGenerator.Label> labels) {
    InterchangeCsv.write(
        file,
        List.of("entry_id", "anomaly_type"),
        labels,
        l -> List.of(l.entry().value(), l.type().code()));
  }

  /** Entry to its labelled types (truth may name an entry once per type). */
  public static Map<EntryId, List<AnomalyType>> readTruth(Path file) {
    Map<EntryId, List<AnomalyType>> truth = new LinkedHashMap<>();
    List<ImportProblem> problems;
    try (MappedRows rows = MappedRows.open(file, StandardCharsets.UTF_8, ',', 0)) {
      for (MappedRows.Row row : rows) {
        String id = row.required("entry_id");
        String type = row.required("anomaly_type");
        if (id == null || type == null) {
          continue;
        }
        try {
          truth
              .computeIfAbsent(new EntryId(id), k -> new ArrayList<>())
              .add(AnomalyType.fromCode(type));
        } catch (IllegalArgumentException e) {
          row.fail(
              "anomaly_type",
              "bad_type",
              "unknown anomaly type '"
                  + type
                  + "'; known: "
                  + Arrays.toString(AnomalyType.values()));
        }
      }
      problems = rows.problems();
    }
    if (!problems.isEmpty()) {
      throw new BadInputException(problems);
    }
    return truth;
  }
}
