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
import dev.replaytwin.core.run.internal.RowBuffer;
import dev.replaytwin.core.run.internal.RowDecoder;
import dev.replaytwin.core.run.internal.RowScanner;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
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
 *
 * <p>Rows as {@link OutcomeWriter} writes them are read straight from the decompressed bytes; any
 * other row is read by a JSON parser, which gives the same outcome (or the same error), only slower.
 */
public final class OutcomeReader implements Closeable {
  private static final byte[] HEADER = (OutcomeFormat.HEADER_LINE + "\n").getBytes(StandardCharsets.UTF_8);
  /** Whitespace put before the rest of a file handed to Jackson, so that it reads it as UTF-8, as it read the whole. */
  private static final byte[] UTF8_LEAD = {' ', ' ', ' ', ' '};

  private final Path file;
  private final EndAwareInputStream source;
  private @Nullable ZstdInputStream decompressed;
  /** Rows are scanned from here while {@link #json} is null. */
  private @Nullable RowBuffer buffer;
  private final RowScanner scanner = new RowScanner();
  /** Reads the rest of the file once a row was left that is not one whole line. */
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
    RowBuffer rows = new RowBuffer(decompressed);
    if (rows.startsWith(HEADER)) {
      rows.advance(rows.pos() + HEADER.length);
      buffer = rows;
      return;
    }
    // Any other start is Jackson's to read, from the first byte, as it always was.
    JsonToken first;
    long version = -1;
    try {
      // The parser reads as soon as it is made, to detect the encoding.
      JsonParser parser = OutcomeFormat.JSON.createParser(rows.rest());
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
      if (json == null) {
        Outcome scanned = nextScanned();
        if (scanned != null) {
          rows++;
          return scanned;
        }
        if (json == null) {
          done = true;
          return null;
        }
      }
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
   * The next row read from the buffer; null at the clean end of the file, or with {@link #json} set
   * to read the rest when a row is not one whole line of the written shape, or the file is torn or
   * damaged.
   */
  private @Nullable Outcome nextScanned() throws IOException {
    RowBuffer rows = buffer;
    while (true) {
      int end = scanner.scan(rows.bytes(), rows.pos(), rows.limit());
      if (end >= 0) {
        rows.advance(end);
        return scanner.outcome();
      }
      if (end == RowScanner.MORE) {
        if (rows.fill()) {
          continue;
        }
        if (!rows.atCleanEnd()) {
          readRestWithJackson();
        }
        return null;
      }
      Outcome line = readLineWithJackson(rows);
      if (line == null) {
        readRestWithJackson();
      }
      return line;
    }
  }

  /**
   * The row the buffer's next line holds, read by Jackson, when that line is exactly one JSON object:
   * the row Jackson reads when it streams the whole file. Null for anything else.
   */
  private @Nullable Outcome readLineWithJackson(RowBuffer rows) {
    int lineEnd = rows.nextLineEnd();
    if (lineEnd < 0) {
      return null;
    }
    try (JsonParser line = OutcomeFormat.JSON.createParser(rows.bytes(), rows.pos(), lineEnd - rows.pos())) {
      if (line.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      Outcome outcome = RowDecoder.read(line);
      if (line.nextToken() != null) {
        return null;
      }
      rows.advance(lineEnd + 1);
      return outcome;
    } catch (IOException | RuntimeException e) {
      // Streaming the rest meets the same error, and reports it with its line.
      return null;
    }
  }

  /** Hands the unread bytes and the rest of the file to Jackson. */
  private void readRestWithJackson() throws IOException {
    InputStream rest = new SequenceInputStream(new ByteArrayInputStream(UTF8_LEAD), buffer.rest());
    buffer = null;
    json = OutcomeFormat.JSON.createParser(rest);
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

  /**
   * The SHA-256 of the whole file, as {@link dev.replaytwin.core.Sha256#ofFiles} gives it, from the
   * bytes this reader read: call it after the last {@link #next()}, before {@link #close()}.
   * Reads the rest of the file first when the rows ended before it (a torn or damaged tail).
   */
  public String fileDigest() throws IOException {
    return source.digestOfAll();
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
