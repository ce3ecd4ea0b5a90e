package org.tieout.embeddings;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Embeds each distinct text once per model: vectors are kept by the SHA-256 of model id and text,
 * in memory and, given a directory, in an append-only file per model, so a rerun embeds nothing it
 * has embedded before. Runs at once share the file: each reads and appends whole records under the
 * file's lock. A torn last record (a crash mid-write) is cut off, a damaged rest said and cut off;
 * neither stops a run. A cache that cannot be written (a read-only home) is said once and the run
 * goes on with its vectors in memory.
 */
public final class CachingEmbedder implements Embedder {
  private final Embedder inner;

  /** A key's length: the SHA-256 of model id and text in hex. */
  private static final int KEY_CHARS = 64;

  private static final Map<Path, Object> MONITORS = new ConcurrentHashMap<>();

  private final Map<String, float[]> cache = new ConcurrentHashMap<>();
  private Path file;
  private long computed;

  public CachingEmbedder(Embedder inner, Path dir) {
    this.inner = inner;
    this.file =
        dir == null
            ? null
            : dir.resolve(inner.modelId().replaceAll("[^A-Za-z0-9.-]", "_") + ".vec");
    if (file != null && Files.exists(file)) {
      load();
    }
  }

  @Override
  public String modelId() {
    return inner.modelId();
  }

  @Override
  public int dimension() {
    return inner.dimension();
  }

  /** How many texts this instance had to embed (the rest came from the cache). */
  public long computed() {
    return computed;
  }

  @Override
  public synchronized List<float[]> embed(List<String> texts) {
    Map<String, String> missing = new LinkedHashMap<>();
    List<String> keys = new ArrayList<>(texts.size());
    for (String t : texts) {
      String k = key(t);
      keys.add(k);
      if (!cache.containsKey(k)) {
        missing.putIfAbsent(k, t);
      }
    }
    if (!missing.isEmpty()) {
      List<String> todo = new ArrayList<>(missing.values());
      List<float[]> vectors = inner.embed(todo);
      List<String> todoKeys = new ArrayList<>(missing.keySet());
      for (int i = 0; i < todo.size(); i++) {
        cache.put(todoKeys.get(i), vectors.get(i));
      }
      computed += todo.size();
      append(todoKeys, vectors);
    }
    List<float[]> out = new ArrayList<>(texts.size());
    for (String k : keys) {
      out.add(cache.get(k));
    }
    return out;
  }

  private String key(String text) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(inner.modelId().getBytes(StandardCharsets.UTF_8));
      d.update((byte) 0);
      return HexFormat.of().formatHex(d.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void append(List<String> keys, List<float[]> vectors) {
    if (file == null) {
      return;
    }
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      for (int i = 0; i < keys.size(); i++) {
        out.writeUTF(keys.get(i));
        for (float x : vectors.get(i)) {
          out.writeFloat(x);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // writing to memory
    }
    try {
      Files.createDirectories(file.getParent());
      synchronized (monitor(file)) {
        try (FileChannel ch =
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = ch.lock()) {
          // a record cut short by a crash is cut off, so that this batch starts on a record
          long size = ch.size();
          long whole = size - size % recordSize();
          if (whole != size) {
            ch.truncate(whole);
          }
          ByteBuffer buf = ByteBuffer.wrap(bytes.toByteArray());
          long at = whole;
          while (buf.hasRemaining()) {
            at += ch.write(buf, at);
          }
        }
      }
    } catch (IOException e) {
      System.err.println(
          "tieout: cannot write the embedding cache "
              + file
              + " ("
              + e
              + "); this run's embeddings are kept in memory only (TIEOUT_CACHE_DIR sets the"
              + " cache's place)");
      file = null;
    }
  }

  /** Bytes per record: the key (two bytes of length, 64 hex digits) and the vector's floats. */
  private long recordSize() {
    return 2 + KEY_CHARS + 4L * inner.dimension();
  }

  /**
   * Reads the cache, holding the file's lock so that no other run appends meanwhile. What follows
   * the last whole record is cut off: a record a crash cut short, or a file damaged by writers that
   * did not lock (an earlier version run twice at once), said once; its vectors are made again.
   */
  private void load() {
    synchronized (monitor(file)) {
      try (FileChannel ch =
              FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
          FileLock lock = ch.lock()) {
        long size = ch.size();
        long whole = read(Channels.newInputStream(ch));
        long end = whole * recordSize();
        if (end != size) {
          if (size - end >= recordSize()) {
            System.err.println(
                "tieout: the embedding cache "
                    + file
                    + " is damaged after its first "
                    + whole
                    + " vectors; the rest is dropped and made again");
          }
          ch.truncate(end);
        }
      } catch (IOException e) {
        // a cache that cannot be locked or written (a read-only home) is only read
        Path readOnly = file;
        file = null;
        try (InputStream in = Files.newInputStream(readOnly)) {
          read(in);
        } catch (IOException unreadable) {
          System.err.println(
              "tieout: cannot read the embedding cache (" + unreadable + "); embedding without it");
        }
      }
    }
  }

  /** Reads whole records until the end, a record cut short or one that is not a record. */
  private long read(InputStream stream) throws IOException {
    int dim = inner.dimension();
    long whole = 0;
    DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(stream, 1 << 16));
    try {
      while (true) {
        String k = in.readUTF();
        if (!isKey(k)) {
          return whole;
        }
        float[] v = new float[dim];
        for (int i = 0; i < dim; i++) {
          v[i] = in.readFloat();
        }
        cache.put(k, v);
        whole++;
      }
    } catch (EOFException | java.io.UTFDataFormatException end) {
      return whole;
    }
  }

  private static boolean isKey(String k) {
    return k.length() == KEY_CHARS && k.chars().allMatch(HexFormat::isHexDigit);
  }

  /** One lock object per cache file in this JVM: file locks exclude other processes only. */
  private static Object monitor(Path file) {
    return MONITORS.computeIfAbsent(file.toAbsolutePath().normalize(), p -> new Object());
  }
}
