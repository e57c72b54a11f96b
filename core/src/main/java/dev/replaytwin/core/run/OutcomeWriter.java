package dev.replaytwin.core.run;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonGenerator;
import com.github.luben.zstd.ZstdOutputStream;
import dev.replaytwin.core.run.internal.OutcomeFormat;
import dev.replaytwin.core.run.internal.RowEncoder;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Streams outcomes to an {@code outcomes.jsonl.zst} file: JSON Lines, zstd-compressed, a header line
 * first (see the {@linkplain dev.replaytwin.core.run package} for the format).
 *
 * <pre>{@code
 * try (OutcomeWriter writer = OutcomeWriter.create(run.outcomes("blue"))) {
 *   for (Outcome o; (o = results.poll()) != null; ) {
 *     writer.append(o);
 *     if (secondElapsed()) {
 *       writer.flush();
 *     }
 *   }
 * }
 * }</pre>
 *
 * <p>Crash safety: {@link #flush()} ends the current zstd frame, so every row appended before it
 * reads back even when the process dies afterwards; rows appended since may be lost. Each flush
 * costs some compression, so flush on a timer (about once a second), not per row. Flushing hands the
 * bytes to the operating system; it does not fsync. Each frame carries zstd's content checksum, so
 * readers notice a damaged frame (at its end).
 *
 * <p>Not thread-safe: one thread writes each file. After a failed write the writer refuses further
 * rows, because the failed one may have been written in part.
 */
public final class OutcomeWriter implements Closeable {
  /** Fast enough for one thread to keep up with a replay; still several times smaller than the JSON. */
  private static final int ZSTD_LEVEL = 1;

  private final Path file;
  private final JsonGenerator json;
  private long rowCount;
  private boolean failed;
  private boolean closed;

  private OutcomeWriter(Path file, JsonGenerator json) {
    this.file = file;
    this.json = json;
  }

  /**
   * Creates {@code file}, and its parent directories, and writes the header line (flushed at once, so
   * that even a file whose writer dies right away is recognisable).
   *
   * @throws FileAlreadyExistsException when the file exists: a run never overwrites another's rows
   */
  public static OutcomeWriter create(Path file) throws IOException {
    requireNonNull(file, "file");
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    try {
      ZstdOutputStream zstd = new ZstdOutputStream(out, ZSTD_LEVEL);
      zstd.setCloseFrameOnFlush(true);
      zstd.setChecksum(true);
      OutcomeWriter writer = new OutcomeWriter(file, OutcomeFormat.JSON.createGenerator(zstd));
      RowEncoder.writeHeader(writer.json);
      writer.json.writeRaw('\n');
      writer.json.flush();
      return writer;
    } catch (IOException | RuntimeException e) {
      out.close();
      throw e;
    }
  }

  /** Appends one row; it is buffered until the next {@link #flush()} or a full compression block. */
  public void append(Outcome outcome) throws IOException {
    requireNonNull(outcome, "outcome");
    ensureWritable();
    // Cleared only when the whole row is written: a half-written row must not be followed by more.
    failed = true;
    RowEncoder.write(json, outcome);
    json.writeRaw('\n');
    failed = false;
    rowCount++;
  }

  /** Ends the current zstd frame and writes it out: every row appended so far survives the process. */
  public void flush() throws IOException {
    ensureWritable();
    failed = true;
    json.flush();
    failed = false;
  }

  /** Rows appended so far, the header not counted. */
  public long rows() {
    return rowCount;
  }

  /** The file being written. */
  public Path file() {
    return file;
  }

  /** Flushes the last frame and closes the file; later calls do nothing. */
  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      json.close();
    }
  }

  private void ensureWritable() throws IOException {
    if (closed) {
      throw new IOException(file + ": outcome writer is closed");
    }
    if (failed) {
      throw new IOException(file + ": an earlier write failed; rows after the last flush may be lost");
    }
  }
}
