package dev.replaytwin.cli.internal;

import dev.replaytwin.replay.ReplayListener;
import dev.replaytwin.replay.ReplayProgress;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * {@code twin replay}'s progress on stderr: a bar redrawn in place on a terminal (elapsed/total,
 * rate, send-lag p99, errors per target), and a plain line every {@value #PLAIN_EVERY_SECONDS}
 * seconds otherwise, so CI logs stay readable.
 */
public final class ProgressPrinter implements ReplayListener {
  static final int PLAIN_EVERY_SECONDS = 10;
  private static final int BAR_WIDTH = 24;

  /** How progress is shown. */
  public enum Mode { AUTO, BAR, PLAIN, NONE }

  private final PrintWriter err;
  private final boolean bar;
  private final boolean quiet;
  private long lastPlainSecond = -1;
  private int lastWidth;

  public ProgressPrinter(PrintWriter err, Mode mode) {
    this.err = err;
    this.bar = mode == Mode.BAR || (mode == Mode.AUTO && System.console() != null);
    this.quiet = mode == Mode.NONE;
  }

  @Override
  public synchronized void onProgress(ReplayProgress p) {
    if (quiet) {
      return;
    }
    String line = line(p);
    if (bar) {
      String padded = line.length() < lastWidth ? line + " ".repeat(lastWidth - line.length()) : line;
      lastWidth = line.length();
      err.print("\r" + padded);
      err.flush();
      return;
    }
    long second = p.elapsedNanos() / 1_000_000_000L;
    if (lastPlainSecond < 0 || second - lastPlainSecond >= PLAIN_EVERY_SECONDS) {
      lastPlainSecond = second;
      err.println("replay: " + line);
      err.flush();
    }
  }

  /** Ends the bar's line, so what follows starts on a new one. */
  public synchronized void finish() {
    if (bar && lastWidth > 0) {
      err.println();
      err.flush();
      lastWidth = 0;
    }
  }

  /** The mode a {@code --progress} option names. */
  public static Mode mode(String option) {
    try {
      return Mode.valueOf(option.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("--progress " + option + " (expected: auto, bar, plain or none)", e);
    }
  }

  String line(ReplayProgress p) {
    StringBuilder s = new StringBuilder();
    if (bar && p.expectedNanos() > 0) {
      double done = Math.min(1, (double) p.elapsedNanos() / p.expectedNanos());
      int filled = (int) Math.round(done * BAR_WIDTH);
      s.append('[').append("#".repeat(filled)).append(" ".repeat(BAR_WIDTH - filled)).append("] ");
    }
    s.append(clock(p.elapsedNanos()));
    if (p.expectedNanos() > 0) {
      s.append('/').append(clock(p.expectedNanos()));
    }
    s.append(String.format(Locale.ROOT, "  %,d sent  %,.0f/s  lag p99 %s%s", p.dispatched(), p.ratePerSecond(),
        millis(p.lagP99Nanos()), p.lagP99Nanos() > p.lagBoundNanos() ? " (over bound!)" : ""));
    for (ReplayProgress.TargetProgress t : p.targets()) {
      s.append(String.format(Locale.ROOT, "  %s: %,d ok %,d err", t.name(), t.answered(), t.errors()));
    }
    return s.toString();
  }

  private static String clock(long nanos) {
    long s = nanos / 1_000_000_000L;
    return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
  }

  static String millis(long nanos) {
    return String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
  }
}
