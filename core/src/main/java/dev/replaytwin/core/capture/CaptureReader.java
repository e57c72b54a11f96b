package dev.replaytwin.core.capture;

import static java.util.Objects.requireNonNull;

import dev.replaytwin.core.Exchange;
import dev.replaytwin.core.Nullable;
import dev.replaytwin.core.capture.internal.ReadCounters;
import dev.replaytwin.core.capture.internal.SegmentReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Streams the exchanges of a capture, one block in memory at a time, whatever its size. A rotated
 * capture (its numbered segments) reads as one.
 *
 * <pre>{@code
 * try (CaptureReader reader = CaptureReader.open(Path.of("prod.twcap"))) {
 *   for (Exchange e; (e = reader.next()) != null; ) {
 *     ...
 *   }
 *   reader.problems().forEach(p -> log.warn(p.describe()));
 * }
 * }</pre>
 *
 * <p>Damage: a torn last block (the writer was killed) is reported once as a {@link CaptureProblem}
 * and every complete block before it is returned. A corrupt block fails the read with a
 * {@link CaptureFormatException.Corrupt} naming file and byte offset, unless
 * {@link ReadOptions#skipCorrupt()} asks to skip it.
 */
public final class CaptureReader implements Closeable {
  private final Path path;
  private final List<Path> files;
  private final ReadOptions options;
  /** A badly damaged capture can have a problem per block; keep the first ones, count them all. */
  private static final int MAX_PROBLEMS_KEPT = 1000;

  private final List<CaptureProblem> problems = new ArrayList<>();
  private long problemCount;
  private final ReadCounters counters = new ReadCounters();
  private final CaptureHeader header;

  private SegmentReader current;
  private int fileIndex;
  private Iterator<Exchange> block = Collections.emptyIterator();

  private CaptureReader(Path path, List<Path> files, ReadOptions options) throws IOException {
    this.path = path;
    this.files = files;
    this.options = options;
    this.current = SegmentReader.open(files.get(0), options, this::report, counters);
    this.header = current.header();
    if (isRotatedSet() && header.segment() != 0) {
      report(new CaptureProblem.MissingSegment(CaptureFiles.segmentPath(path, 0),
          (header.segment() == 1 ? "segment 0 missing" : "segments 0.." + (header.segment() - 1) + " missing")
              + ": the capture starts at " + files.get(0).getFileName()));
    }
  }

  /** True when {@code path} named a rotated capture, not one file (which may itself be a segment). */
  private boolean isRotatedSet() {
    return !files.get(0).equals(path);
  }

  public static CaptureReader open(Path path) throws IOException {
    return open(path, ReadOptions.defaults());
  }

  /**
   * Opens {@code path}: a capture file, or the name of a rotated capture whose segments are
   * {@code name.00000.twcap}, {@code name.00001.twcap}, ….
   *
   * @throws NoSuchFileException when neither exists
   * @throws CaptureFormatException when the (first) file is not a readable capture
   */
  public static CaptureReader open(Path path, ReadOptions options) throws IOException {
    requireNonNull(path, "path");
    requireNonNull(options, "options");
    List<Path> files = CaptureFiles.resolve(path);
    if (files.isEmpty()) {
      throw new NoSuchFileException(path.toString(), null, "no such capture file");
    }
    return new CaptureReader(path, files, options);
  }

  /** The header of the first file. */
  public CaptureHeader header() {
    return header;
  }

  /** The files this capture is made of, in reading order. */
  public List<Path> files() {
    return files;
  }

  /**
   * Problems found so far, each once, in the order found; the first 1,000 of them (every one reaches
   * {@link ReadOptions#onProblem()}).
   */
  public List<CaptureProblem> problems() {
    return List.copyOf(problems);
  }

  /** How many problems were found so far, including any beyond those {@link #problems()} keeps. */
  public long problemCount() {
    return problemCount;
  }

  public ReadTotals totals() {
    ReadCounters c = counters;
    return new ReadTotals(c.blocksRead, c.blocksSkipped, c.blocksCorrupt, c.compressedBytes, c.rawBytes,
        c.fileBytes, c.exchanges, c.codecs);
  }

  /**
   * The next exchange in the file's order (in time range, when one was given), or {@code null} at the
   * end.
   */
  public @Nullable Exchange next() throws IOException {
    while (!block.hasNext()) {
      if (current == null) {
        return null;
      }
      List<Exchange> next = current.nextBlock();
      if (next != null) {
        block = next.iterator();
      } else {
        advanceFile();
      }
    }
    counters.exchanges++;
    return block.next();
  }

  /** The remaining exchanges as a stream; I/O and format errors surface as {@link UncheckedIOException}. */
  public Stream<Exchange> stream() {
    Iterator<Exchange> it = new Iterator<>() {
      private Exchange pending;

      @Override
      public boolean hasNext() {
        if (pending == null) {
          try {
            pending = CaptureReader.this.next();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
        return pending != null;
      }

      @Override
      public Exchange next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Exchange e = pending;
        pending = null;
        return e;
      }
    };
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  private void advanceFile() throws IOException {
    SegmentReader finished = current;
    CaptureHeader finishedHeader = finished.header();
    boolean continued = finished.continued();
    finished.close();
    current = null;
    if (++fileIndex >= files.size()) {
      if (continued && isRotatedSet()) {
        report(new CaptureProblem.MissingSegment(CaptureFiles.segmentPath(path, finishedHeader.segment() + 1),
            "segment " + (finishedHeader.segment() + 1) + " missing: the capture continues past the last file"));
      }
      return;
    }
    Path nextFile = files.get(fileIndex);
    SegmentReader next = SegmentReader.open(nextFile, options, this::report, counters);
    CaptureHeader h = next.header();
    if (!h.captureId().equals(header.captureId())) {
      report(new CaptureProblem.MissingSegment(nextFile, "belongs to another capture (id " + h.captureId()
          + ", expected " + header.captureId() + ")"));
    } else if (h.segment() != finishedHeader.segment() + 1) {
      report(new CaptureProblem.MissingSegment(nextFile, "segments " + (finishedHeader.segment() + 1) + ".."
          + (h.segment() - 1) + " missing before this one"));
    }
    current = next;
  }

  private void report(CaptureProblem problem) {
    if (problemCount++ < MAX_PROBLEMS_KEPT) {
      problems.add(problem);
    }
    options.onProblem().accept(problem);
  }

  @Override
  public void close() throws IOException {
    if (current != null) {
      current.close();
      current = null;
    }
  }
}
