package org.tieout.core.format;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * CSV rows addressed by column name, with per-row problem collection: what a reader of a
 * bank-specific layout needs, without exposing the CSV library to it.
 */
public final class MappedRows implements AutoCloseable, Iterable<MappedRows.Row> {
  private final CsvRows rows;
  private final List<ImportProblem> problems = new ArrayList<>();
  private final RowReader reader;

  private MappedRows(CsvRows rows) {
    this.rows = rows;
    this.reader = new RowReader(rows.fileName(), problems);
  }

  public static MappedRows open(Path file, Charset charset, char delimiter, int skipLines) {
    return new MappedRows(CsvRows.open(file, charset, delimiter, skipLines));
  }

  public List<String> headerNames() {
    return rows.headerNames();
  }

  public List<String> missing(List<String> headers) {
    return headers.stream().filter(h -> rows.column(h) < 0).toList();
  }

  public List<ImportProblem> problems() {
    return problems;
  }

  @Override
  public Iterator<Row> iterator() {
    Iterator<CsvRows.Row> it = rows.iterator();
    Row row = new Row();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public Row next() {
        CsvRows.Row r = it.next();
        reader.start(r);
        row.current = r;
        return row;
      }
    };
  }

  @Override
  public void close() {
    rows.close();
  }

  /** The current row; valid until the iterator moves on. */
  public final class Row {
    private CsvRows.Row current;

    public long line() {
      return current.line();
    }

    public String raw() {
      return current.raw();
    }

    public boolean bad() {
      return reader.bad();
    }

    public void fail(String column, String code, String message) {
      reader.fail(column, code, message);
    }

    public String optional(String column) {
      return reader.optional(rows.column(column));
    }

    public String required(String column) {
      return reader.required(column, rows.column(column));
    }

    public String currency(String column) {
      return reader.currency(column, rows.column(column));
    }
  }
}
