package org.tieout.embeddings;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Another run appending to the cache, slowly: it takes the file's lock, writes half a record, says
 * so on its output, waits, then writes the rest. A run that appends meanwhile without the lock
 * lands inside the record.
 */
final class SlowWriter {
  static final String TEXT = "the other run's text";

  public static void main(String[] args) throws Exception {
    Path cache = Path.of(args[0]);
    Path scratch = Files.createTempDirectory("slow-writer");
    new CachingEmbedder(new FakeEmbedder(), scratch).embed(List.of(TEXT));
    byte[] record = Files.readAllBytes(scratch.resolve("fake.vec"));
    try (FileChannel ch =
            FileChannel.open(
                cache.resolve("fake.vec"),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        FileLock lock = ch.lock()) {
      int half = record.length / 2;
      ch.write(ByteBuffer.wrap(record, 0, half));
      System.out.println("half written");
      System.out.flush();
      Thread.sleep(700);
      ch.write(ByteBuffer.wrap(record, half, record.length - half));
    }
  }
}
