package org.tieout.core.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tieout.core.BankLine;
import org.tieout.core.format.camt.Camt053Reader;
import org.tieout.core.format.mapping.CsvMapping;
import org.tieout.core.format.mapping.MappedCsvReader;
import org.tieout.core.format.mt940.Mt940Reader;

/**
 * Reads a bank statement in whichever format it is: CAMT.053 XML, MT940, the interchange CSV, or a
 * bank CSV layout through a mapping (given, or recognised among the built-in ones by header).
 */
public final class BankStatementFiles {
  private BankStatementFiles() {}

  /** The format a file was recognised as. */
  public enum Format {
    CAMT053,
    MT940,
    INTERCHANGE_CSV,
    MAPPED_CSV
  }

  public static ImportResult<BankLine> read(Path file, CsvMapping mapping) {
    if (mapping != null) {
      return MappedCsvReader.read(file, mapping);
    }
    String head = head(file);
    return switch (detect(file, head)) {
      case CAMT053 -> Camt053Reader.read(file);
      case MT940 -> Mt940Reader.read(file, StandardCharsets.ISO_8859_1);
      case INTERCHANGE_CSV -> InterchangeCsv.readBank(file);
      case MAPPED_CSV -> MappedCsvReader.read(file, recognise(file, head));
    };
  }

  public static Format detect(Path file, String head) {
    String trimmed = head.stripLeading();
    if (trimmed.startsWith("<") || Camt053Reader.sniff(head)) {
      return Format.CAMT053;
    }
    if (Mt940Reader.sniff(head)) {
      return Format.MT940;
    }
    String firstLine = trimmed.lines().findFirst().orElse("");
    List<String> names = List.of(firstLine.split(","));
    return InterchangeCsv.looksLikeBank(names.stream().map(s -> s.replace("\"", "")).toList())
        ? Format.INTERCHANGE_CSV
        : Format.MAPPED_CSV;
  }

  /** The first built-in mapping whose header columns the file has. */
  private static CsvMapping recognise(Path file, String head) {
    List<String> tried = new ArrayList<>();
    for (String name : CsvMapping.BUILT_IN) {
      CsvMapping m = CsvMapping.builtIn(name);
      String headerLine = head.lines().skip(m.skipLines()).findFirst().orElse("");
      List<String> cols =
          List.of(headerLine.split(java.util.regex.Pattern.quote(m.delimiter()), -1));
      List<String> normalised =
          cols.stream().map(c -> CsvRows.normalise(c.replace("\"", ""))).toList();
      if (m.requiredHeaders().stream().allMatch(h -> normalised.contains(CsvRows.normalise(h)))) {
        return m;
      }
      tried.add(name);
    }
    throw BadInputException.of(
        file.getFileName().toString(),
        1,
        null,
        "unknown_layout",
        "not CAMT.053, MT940 or interchange CSV, and no built-in mapping "
            + tried
            + " fits its header; pass --mapping FILE (see docs/csv-mappings.md)");
  }

  private static String head(Path file) {
    byte[] buf = new byte[8192];
    try (InputStream in = Files.newInputStream(file)) {
      int n = in.readNBytes(buf, 0, buf.length);
      // a byte-order mark (spreadsheet exports write one) is not part of the first column's name
      int from =
          n >= 3 && buf[0] == (byte) 0xEF && buf[1] == (byte) 0xBB && buf[2] == (byte) 0xBF ? 3 : 0;
      return new String(buf, from, n - from, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
