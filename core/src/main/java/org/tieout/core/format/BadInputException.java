package org.tieout.core.format;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input that cannot be imported as it is. Carries every problem found, not just the first, so that
 * one pass over the file tells the user everything to fix. Not retriable: the file must change.
 */
public class BadInputException extends RuntimeException {
  private static final int SHOWN = 20;
  private final transient List<ImportProblem> problems;

  public BadInputException(List<ImportProblem> problems) {
    super(summarise(problems));
    this.problems = List.copyOf(problems);
  }

  public static BadInputException of(
      String file, long line, String column, String code, String message) {
    return new BadInputException(
        List.of(new ImportProblem(file, line, column, code, message, null)));
  }

  public List<ImportProblem> problems() {
    return problems;
  }

  private static String summarise(List<ImportProblem> problems) {
    String shown =
        problems.stream()
            .limit(SHOWN)
            .map(ImportProblem::describe)
            .collect(Collectors.joining("\n  "));
    String more =
        problems.size() > SHOWN ? "\n  ... and " + (problems.size() - SHOWN) + " more" : "";
    return problems.size() + " problem(s):\n  " + shown + more;
  }
}
