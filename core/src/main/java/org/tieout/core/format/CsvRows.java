package org.tieout.core.format;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file read row by row with Apache Commons CSV, each row knowing the line it started on.
 * Header names are matched case-insensitively and trimmed, because exports vary in both.
 * Undecodable bytes are an error, never a silent replacement character.
 */
final class CsvRows implements Closeable, Iterable<CsvRows.Row> {
  private final String fileName;
  private final CSVParser parser;
  private final Map<String, Integer> header;
  private final List<String> headerNames;
  private final int skippedLines;

  private CsvRows(String fileName, CSVParser parser, int skippedLines) {
    this.fileName = fileName;
    this.parser = parser;
    this.skippedLines = skippedLines;
    this.headerNames = List.copyOf(parser.getHeaderNames());
    this.header = new LinkedHashMap<>();
    for (int i = 0; i < headerNames.size(); i++) {
      header.putIfAbsent(normalise(headerNames.get(i)), i);
    }
  }

  static CsvRows open(Path file, Charset charset, char delimiter, int skipLines) {
    String name = file.getFileName().toString();
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      BufferedReader reader =
          new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder), 1 << 16);
      for (int i = 0; i < skipLines; i++) {
        reader.readLine();
      }
      CSVFormat format =
          CSVFormat.RFC4180
              .builder()
              .setDelimiter(delimiter)
              .setHeader()
              .setSkipHeaderRecord(true)
              .setIgnoreSurroundingSpaces(false)
              .setAllowMissingColumnNames(true)
              .setTrailingData(true)
              .get();
      return new CsvRows(name, CSVParser.parse(reader, format), skipLines);
    } catch (java.nio.charset.CharacterCodingException e) {
      throw BadInputException.of(name, 1, null, "bad_encoding", "file is not valid " + charset);
    } catch (IOException | UncheckedIOException e) {
      throw BadInputException.of(
          name, 0, null, "unreadable", "cannot read file: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw BadInputException.of(name, skipLines + 1L, null, "bad_header", e.getMessage());
    }
  }

  static String normalise(String headerName) {
    String s = headerName.strip().toLowerCase(Locale.ROOT);
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  String fileName() {
    return fileName;
  }

  List<String> headerNames() {
    return headerNames;
  }

  /** Index of a column by (case-insensitive) name, or -1. */
  int column(String name) {
    if (name == null) {
      return -1;
    }
    return header.getOrDefault(normalise(name), -1);
  }

  @Override
  public Iterator<Row> iterator() {
    Iterator<CSVRecord> records = parser.iterator();
    return new Iterator<>() {
      long previousEnd = skippedLines + 1L;

      @Override
      public boolean hasNext() {
        try {
          return records.hasNext();
        } catch (UncheckedIOException e) {
          throw BadInputException.of(
              fileName, previousEnd + 1, null, "malformed_csv", rootMessage(e));
        } catch (IllegalStateException e) {
          throw BadInputException.of(
              fileName, previousEnd + 1, null, "malformed_csv", rootMessage(e));
        }
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        long end = parser.getCurrentLineNumber() + skippedLines;
        CSVRecord record = records.next();
        // a record ending on the line after the last one's is that line (no breaks to count)
        long start =
            end == previousEnd + 1
                ? end
                : Math.max(previousEnd + 1, end - embeddedLineBreaks(record));
        previousEnd = Math.max(end, start);
        return new Row(start, record);
      }
    };
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof java.nio.charset.CharacterCodingException) {
      return "bytes that are not valid in the file's declared encoding";
    }
    return t.getMessage();
  }

  private static int embeddedLineBreaks(CSVRecord record) {
    int n = 0;
    for (String v : record) {
      for (int i = 0; i < v.length(); i++) {
        if (v.charAt(i) == '\n') {
          n++;
        }
      }
    }
    return n;
  }

  @Override
  public void close() {
    try {
      parser.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One data row. {@code get} returns null for a column the row does not have. */
  record Row(long line, CSVRecord record) {
    String get(int index) {
      return index >= 0 && index < record.size() ? record.get(index) : null;
    }

    int size() {
      return record.size();
    }

    String raw() {
      return CSVFormat.RFC4180.format(record.values()).stripTrailing();
    }
  }
}
