package dev.replaytwin.deploy.internal;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies a process's output to its log file on a daemon thread, keeping the last lines in memory for
 * error messages. Reads bytes, not lines, so a twin that prints a huge line without a newline costs
 * the log file, not the heap: a remembered line is cut at {@value #MAX_LINE_BYTES} bytes.
 */
public final class OutputTail {
  private static final Logger log = LoggerFactory.getLogger(OutputTail.class);
  static final int MAX_LINE_BYTES = 1000;

  private final int maxLines;
  private final ArrayDeque<String> lines;
  private final ByteArrayOutputStream current = new ByteArrayOutputStream();
  private final Thread pump;

  private OutputTail(InputStream in, OutputStream logFile, int maxLines, String threadName) {
    this.maxLines = maxLines;
    this.lines = new ArrayDeque<>(maxLines);
    this.pump = new Thread(() -> pump(in, logFile), threadName);
    pump.setDaemon(true);
  }

  /**
   * Starts pumping {@code in} (the process's merged stdout and stderr) into {@code logFile}, which
   * this tail closes when the output ends.
   */
  public static OutputTail start(InputStream in, OutputStream logFile, int maxLines, String threadName) {
    requireNonNull(in, "in");
    requireNonNull(logFile, "logFile");
    if (maxLines < 1) {
      throw new IllegalArgumentException("maxLines: " + maxLines + " (expected: >= 1)");
    }
    OutputTail tail = new OutputTail(in, logFile, maxLines, threadName);
    tail.pump.start();
    return tail;
  }

  private void pump(InputStream in, OutputStream logFile) {
    byte[] buffer = new byte[8192];
    try (in; logFile) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        logFile.write(buffer, 0, n);
        logFile.flush(); // the log is read while the twin runs, and after a crash
        remember(buffer, n);
      }
    } catch (IOException e) {
      log.debug("output of {} ended: {}", pump.getName(), e.toString());
    } finally {
      synchronized (this) {
        endLine();
      }
    }
  }

  private synchronized void remember(byte[] buffer, int n) {
    for (int i = 0; i < n; i++) {
      byte b = buffer[i];
      if (b == '\n') {
        endLine();
      } else if (b != '\r' && current.size() < MAX_LINE_BYTES) {
        current.write(b);
      }
    }
  }

  private void endLine() {
    if (current.size() == 0) {
      return;
    }
    if (lines.size() == maxLines) {
      lines.removeFirst();
    }
    lines.addLast(current.toString(StandardCharsets.UTF_8));
    current.reset();
  }

  /** The last lines printed so far, oldest first (a line still being written is not among them). */
  public synchronized List<String> lastLines() {
    return List.copyOf(lines);
  }

  /**
   * Waits up to {@code timeout} for the output to end (every process holding it has exited), so the
   * last lines are complete; a daemon the twin left behind may hold it open longer.
   */
  public boolean awaitEnd(Duration timeout) throws InterruptedException {
    pump.join(Math.max(1, timeout.toMillis()));
    return !pump.isAlive();
  }
}
