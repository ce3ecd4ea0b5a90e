package org.tieout.embeddings;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * has embedded before. A torn last record (a crash mid-write) is ignored on reading. A cache that
 * cannot be written (a read-only home) is said once and the run goes on with its vectors in memory.
 */
public final class CachingEmbedder implements Embedder {
  private final Embedder inner;
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
    try {
      Files.createDirectories(file.getParent());
      try (DataOutputStream out =
          new DataOutputStream(
              new java.io.BufferedOutputStream(
                  Files.newOutputStream(
                      file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)))) {
        for (int i = 0; i < keys.size(); i++) {
          out.writeUTF(keys.get(i));
          for (float x : vectors.get(i)) {
            out.writeFloat(x);
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

  private void load() {
    int dim = inner.dimension();
    try (DataInputStream in =
        new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
      while (true) {
        String k = in.readUTF();
        float[] v = new float[dim];
        for (int i = 0; i < dim; i++) {
          v[i] = in.readFloat();
        }
        cache.put(k, v);
      }
    } catch (EOFException end) {
      // the end of the file, or a record cut short by a crash: what was whole is loaded
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the embedding cache " + file, e);
    }
  }
}
