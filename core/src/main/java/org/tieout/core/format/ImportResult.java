package org.tieout.core.format;

import java.util.List;
import org.tieout.core.SourceFile;

/**
 * What a reader made of one file: the valid items, the problems it found, and notes (things it
 * deliberately did not import, such as pending CAMT entries, so that nothing vanishes unseen).
 */
public record ImportResult<T>(
    SourceFile source, List<T> items, List<ImportProblem> problems, List<String> notes) {

  public ImportResult {
    items = List.copyOf(items);
    problems = List.copyOf(problems);
    notes = List.copyOf(notes);
  }

  public boolean hasProblems() {
    return !problems.isEmpty();
  }
}
