package dev.replaytwin.core.run;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.github.luben.zstd.ZstdIOException;
import com.github.luben.zstd.ZstdInputStream;
import dev.replaytwin.core.Nullable;
import dev.replaytwin.core.run.internal.EndAwareInputStream;
import dev.replaytwin.core.run.internal.OutcomeFormat;
import dev.replaytwin.core.run.internal.RowDecoder;
import java.io.Closeable;
import java.io.IOException;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Streams the outcomes of an {@code outcomes.jsonl.zst} file in the order written, one row in
 * memory at a time.
 *
 * <pre>{@code
 * try (OutcomeReader reader = OutcomeReader.open(run.outcomes("blue"))) {
 *   for (Outcome o; (o = reader.next()) != null; ) {
 *     ...
 *   }
 *   if (reader.truncated()) {
 *     log.warn("{}: the replay stopped early; {} rows read", reader.file(), reader.rows());
 *   }
 * }
 * }</pre>
 *
 * <p>Damage: a file that stops inside a row or a zstd frame (its writer was killed, or it was cut)
 * yields every row flushed before the cut, and any later ones that are whole, then ends with
 * {@link #truncated()} true; that is never an error. A file that is not an outcomes file, is of
 * another format version, or holds a row that does not parse fails with an
 * {@link OutcomeFormatException} naming the file (and the line). Fields a row has that this reader
 * does not know are ignored. Not thread-safe.
 */
public final class OutcomeReader implements Closeable {
  private final Path file;
  private final EndAwareInputStream source;
  private @Nullable ZstdInputStream decompressed;
  private @Nullable JsonParser json;
  private long rows;
  private boolean truncated;
  private boolean done;

  private OutcomeReader(Path file, EndAwareInputStream source) {
    this.file = file;
    this.source = source;
  }

  /**
   * Opens {@code file} and checks its header line.
   *
   * @throws java.nio.file.NoSuchFileException when it does not exist
   * @throws OutcomeFormatException when it is not an outcomes file, or of a version this reader does
   *     not know
   */
  public static OutcomeReader open(Path file) throws IOException {
    requireNonNull(file, "file");
    OutcomeReader reader = new OutcomeReader(file, new EndAwareInputStream(Files.newInputStream(file)));
    try {
      reader.readHeader();
      return reader;
    } catch (IOException | RuntimeException e) {
      reader.close();
      throw e;
    }
  }

  private void readHeader() throws IOException {
    byte[] magic = OutcomeFormat.ZSTD_MAGIC;
    PushbackInputStream in = new PushbackInputStream(source, magic.length);
    byte[] start = in.readNBytes(magic.length);
    if (!Arrays.equals(start, 0, start.length, magic, 0, start.length)) {
      throw notOutcomes("it is not zstd-compressed", null);
    }
    if (start.length < magic.length) {
      endTorn();
      return;
    }
    in.unread(start);
    decompressed = new ZstdInputStream(in);
    JsonToken first;
    long version = -1;
    try {
      // The parser reads as soon as it is made, to detect the encoding.
      JsonParser parser = OutcomeFormat.JSON.createParser(decompressed);
      json = parser;
      first = parser.nextToken();
      if (first == JsonToken.START_OBJECT) {
        version = RowDecoder.readHeaderVersion(parser);
      }
    } catch (IOException e) {
      if (isTornTail(e)) {
        endTorn();
        return;
      }
      if (e instanceof ZstdIOException) {
        throw notOutcomes("its zstd data is damaged (" + e.getMessage() + ")", e);
      }
      throw e instanceof JsonProcessingException ? notOutcomes("its first line is not JSON", e) : e;
    } catch (IllegalArgumentException e) {
      throw notOutcomes(e.getMessage(), e);
    }
    if (first != JsonToken.START_OBJECT) {
      throw notOutcomes("its first line is not a JSON object", null);
    }
    if (version != OutcomeFormat.VERSION) {
      throw new OutcomeFormatException(file, 1, "outcomes format version " + version
          + " is not readable by this ReplayTwin (expected: " + OutcomeFormat.VERSION + "); upgrade ReplayTwin", null);
    }
  }

  /** The next outcome, or {@code null} at the end of the file or at a torn tail. */
  public @Nullable Outcome next() throws IOException {
    if (done) {
      return null;
    }
    long line = rows + 2;
    try {
      JsonToken token = json.nextToken();
      if (token == null) {
        done = true;
        return null;
      }
      if (token != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("row starts with " + json.getText() + " (expected: a JSON object)");
      }
      Outcome outcome = RowDecoder.read(json);
      rows++;
      return outcome;
    } catch (IOException e) {
      done = true;
      if (isTornTail(e)) {
        endTorn();
        return null;
      }
      if (e instanceof ZstdIOException) {
        // The decompressor runs ahead of the rows, so a damaged frame has no line to name.
        throw new OutcomeFormatException(file, 0, "damaged zstd frame (" + e.getMessage() + "); " + rows
            + " rows were read before it was noticed", e);
      }
      throw e instanceof JsonProcessingException j ? new OutcomeFormatException(file, line, j.getOriginalMessage(), e)
          : e;
    } catch (IllegalArgumentException e) {
      done = true;
      throw new OutcomeFormatException(file, line, e.getMessage(), e);
    }
  }

  /**
   * The remaining outcomes as a stream, which the caller closes (or this reader). I/O and format
   * errors surface as {@link UncheckedIOException}.
   */
  public Stream<Outcome> stream() {
    Spliterator<Outcome> rest = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE,
        Spliterator.ORDERED | Spliterator.NONNULL) {
      @Override
      public boolean tryAdvance(Consumer<? super Outcome> action) {
        Outcome outcome;
        try {
          outcome = next();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        if (outcome == null) {
          return false;
        }
        action.accept(outcome);
        return true;
      }
    };
    return StreamSupport.stream(rest, false);
  }

  /**
   * True once reading met a torn tail: the file stops inside a row or a zstd frame, so rows written
   * after its last flush are lost. A file cut exactly at a flush reads as whole.
   */
  public boolean truncated() {
    return truncated;
  }

  /** Rows returned so far. */
  public long rows() {
    return rows;
  }

  /** The file being read. */
  public Path file() {
    return file;
  }

  @Override
  public void close() throws IOException {
    done = true;
    if (json != null) {
      json.close();
    }
    if (decompressed != null) {
      decompressed.close();
    }
    source.close();
  }

  /**
   * The decompressor ran out of file inside a frame, or the JSON ran out inside a row. A zstd error
   * before the end of the file is damage, and so is a JSON syntax error anywhere.
   */
  private boolean isTornTail(IOException e) {
    return e instanceof JsonEOFException || (!(e instanceof JsonProcessingException) && source.ended());
  }

  private void endTorn() {
    truncated = true;
    done = true;
  }

  private OutcomeFormatException notOutcomes(String reason, @Nullable Throwable cause) {
    return new OutcomeFormatException(file, 0, "not a ReplayTwin outcomes file: " + reason
        + " (expected: zstd-compressed JSON Lines whose first line is " + OutcomeFormat.HEADER_LINE + ")", cause);
  }
}
